import type { ColumnType, Generated } from 'kysely';

/** Kysely table types of the customers module (customers, phones, addresses, installed products). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;
type DateCol = ColumnType<string, string, string>;
type Search = ColumnType<string, string | undefined, string>;

export interface CustomersTable {
  id: string;
  brand_id: string;
  name: string;
  gender: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  language: string | null;
  birthday: DateCol | null;
  consents: Json;
  notes: string | null;
  status: Generated<string>;
  merged_into: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  search: Search;
}

export interface CustomerPhonesTable {
  id: string;
  customer_id: string;
  brand_id: string;
  raw: string;
  normalized: string;
  kind: string;
  is_primary: Generated<boolean>;
  created_at: Timestamp;
}

export interface CustomerAddressesTable {
  id: string;
  customer_id: string;
  brand_id: string;
  division_code: string;
  detail: string;
  urban_rural_override: string | null;
  is_primary: Generated<boolean>;
  created_at: Timestamp;
}

export interface InstalledProductsTable {
  id: string;
  brand_id: string;
  customer_id: string;
  category_code: string;
  model_code: string | null;
  serial: string | null;
  production_date: DateCol | null;
  /** 'given' by the caller, or read from the 'serial' by a pack rule (production_date_rule). */
  production_date_source: string | null;
  production_date_rule: string | null;
  purchase_date: DateCol | null;
  has_invoice: Generated<boolean>;
  invoice_photo_url: string | null;
  channel: string | null;
  store: string | null;
  delivery_date: DateCol | null;
  installation_date: DateCol | null;
  installing_outlet_id: string | null;
  warranty_start_override: DateCol | null;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ExtendedWarrantyContractsTable {
  id: string;
  product_id: string;
  brand_id: string;
  contract_no: string;
  starts_on: DateCol;
  ends_on: DateCol;
  covers: Json;
  created_at: Timestamp;
}

export interface EntitlementCountersTable {
  product_id: string;
  brand_id: string;
  entitlement_code: string;
  used: Generated<number>;
  limit: number | null;
  updated_at: Timestamp;
}

/** One use of a free-service entitlement (migration 0012). */
export interface EntitlementUsesTable {
  id: string;
  product_id: string;
  brand_id: string;
  entitlement_code: string;
  used_on: DateCol;
  work_order_ref: string | null;
  pack_id: string;
  pack_version: number;
  status: Generated<string>;
  void_reason: string | null;
  voided_at: Timestamp | null;
  created_at: Timestamp;
}

export interface CustomerTables {
  customers: CustomersTable;
  customer_phones: CustomerPhonesTable;
  customer_addresses: CustomerAddressesTable;
  installed_products: InstalledProductsTable;
  extended_warranty_contracts: ExtendedWarrantyContractsTable;
  entitlement_counters: EntitlementCountersTable;
  entitlement_uses: EntitlementUsesTable;
}
