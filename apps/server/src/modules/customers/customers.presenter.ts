import type {
  CUSTOMER_FLAGS,
  CUSTOMER_STATUSES,
  PHONE_KINDS,
  PRODUCT_STATUSES,
  PRODUCTION_DATE_SOURCES,
  URBAN_RURAL,
} from '@aftercare/contracts';
import type { Principal } from '../../platform/access/principal.ts';
import { phoneFor } from '../../platform/masking.ts';
import type { CustomerView } from './customers.repository.ts';
import type { ProductView } from './products.repository.ts';

type UrbanRural = (typeof URBAN_RURAL)[number];

export interface Consents {
  serviceMessages: boolean;
  marketing: boolean;
  at: string | null;
}

export function consentsOf(value: unknown): Consents {
  const c = (value ?? {}) as Partial<Consents>;
  return { serviceMessages: c.serviceMessages ?? true, marketing: c.marketing ?? false, at: c.at ?? null };
}

export function presentCustomer(p: Principal | null, v: CustomerView) {
  const { row } = v;
  return {
    id: row.id,
    brandId: row.brand_id,
    name: row.name,
    gender: row.gender as 'male' | 'female' | null,
    tags: row.tags,
    language: row.language,
    birthday: row.birthday,
    consents: consentsOf(row.consents),
    notes: row.notes,
    status: row.status as (typeof CUSTOMER_STATUSES)[number],
    mergedInto: row.merged_into,
    phones: v.phones.map((ph) => ({
      id: ph.id,
      number: phoneFor(p, ph.normalized),
      kind: ph.kind as (typeof PHONE_KINDS)[number],
      isPrimary: ph.is_primary,
    })),
    addresses: v.addresses.map((a) => ({
      id: a.id,
      divisionCode: a.division_code,
      divisionName: a.division_name,
      detail: a.detail,
      urbanRural: a.urban_rural as UrbanRural | null,
      urbanRuralOverride: a.urban_rural_override as UrbanRural | null,
      isPrimary: a.is_primary,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function presentProduct(v: ProductView) {
  const { row } = v;
  return {
    id: row.id,
    brandId: row.brand_id,
    customerId: row.customer_id,
    categoryCode: row.category_code,
    modelCode: row.model_code,
    serial: row.serial,
    productionDate: row.production_date,
    productionDateSource: row.production_date
      ? ((row.production_date_source ?? 'given') as (typeof PRODUCTION_DATE_SOURCES)[number])
      : null,
    productionDateRule: row.production_date ? row.production_date_rule : null,
    purchaseDate: row.purchase_date,
    hasInvoice: row.has_invoice,
    invoicePhotoUrl: row.invoice_photo_url,
    channel: row.channel,
    store: row.store,
    deliveryDate: row.delivery_date,
    installationDate: row.installation_date,
    installingOutletId: row.outlet_visible ? row.installing_outlet_id : null,
    warrantyStartOverride: row.warranty_start_override,
    status: row.status as (typeof PRODUCT_STATUSES)[number],
    extendedWarranties: v.contracts.map((c) => ({
      contractNo: c.contract_no,
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      covers: c.covers,
    })),
    entitlements: v.counters.map((c) => ({ code: c.entitlement_code, used: c.used, limit: c.limit })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Flags a screen pop can compute from the customer's own record. */
export function flagsOf(v: CustomerView, sharesPhone: boolean) {
  const flags: (typeof CUSTOMER_FLAGS)[number][] = [];
  if (v.row.tags.includes('vip')) flags.push('vip');
  if (v.row.tags.includes('key_account')) flags.push('key_account');
  if (v.row.tags.some((t) => t.startsWith('institution:'))) flags.push('institution');
  if (!consentsOf(v.row.consents).serviceMessages) flags.push('no_service_messages');
  if (sharesPhone) flags.push('possible_duplicate');
  return flags;
}
