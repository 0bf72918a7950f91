import type { ColumnType, Generated } from 'kysely';
import type { CatalogTables } from '../../modules/catalog/catalog.tables.ts';
import type { CustomerTables } from '../../modules/customers/customers.tables.ts';
import type { ImportTables } from '../../modules/imports/imports.tables.ts';
import type { PolicyTables } from '../../modules/policies/policies.tables.ts';
import type { SalesTables } from '../../modules/sales/sales.tables.ts';
import type { SlaTables } from '../../modules/sla/sla.tables.ts';
import type { WorkOrderTables } from '../../modules/work-orders/work-orders.tables.ts';

/** Kysely table types; one interface per table in migrations/. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;
type DateCol = ColumnType<string, string, string>;

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface AuditLogTable {
  id: string;
  at: Timestamp;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  request_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  brand_id: string | null;
  outlet_id: string | null;
  before: Json | null;
  after: Json | null;
}

export interface EventsTable {
  id: string;
  seq: Generated<number>;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  brand_id: string | null;
  outlet_id: string | null;
  payload: Json;
  created_at: Timestamp;
  available_at: Timestamp;
  attempts: Generated<number>;
  claimed_until: Timestamp | null;
  dispatched_at: Timestamp | null;
  last_error: string | null;
}

export interface EventDeliveriesTable {
  event_id: string;
  consumer: string;
  delivered_at: Timestamp;
}

export interface IdempotencyKeysTable {
  principal: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  response_type: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  brand_ids: ColumnType<string[], string[] | undefined, string[]>;
  region_ids: ColumnType<string[], string[] | undefined, string[]>;
  outlet_id: string | null;
  technician_id: string | null;
  customer_id: string | null;
  phone: string | null;
  locale: Generated<string>;
  status: Generated<string>;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  prefix: string;
  key_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface DivisionsTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  full_name: string;
  kind: string | null;
  urban_rural: string | null;
  urban_rural_override: string | null;
  source: Generated<string>;
  search: ColumnType<string, string, string>;
}

export interface BrandsTable {
  id: string;
  code: string;
  name: string;
  name_en: string | null;
  hotlines: ColumnType<string[], string[] | undefined, string[]>;
  logo_url: string | null;
  policy_pack: string | null;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface BrandCategoriesTable {
  brand_id: string;
  code: string;
  name: string;
  name_en: string | null;
}

export interface RegionsTable {
  id: string;
  brand_id: string;
  code: string;
  name: string;
  province_codes: ColumnType<string[], string[] | undefined, string[]>;
  manager_name: string | null;
  phone: string | null;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceCentersTable {
  id: string;
  brand_id: string;
  region_id: string;
  code: string;
  name: string;
  division_code: string | null;
  address: string | null;
  phone: string | null;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutletsTable {
  id: string;
  code: string;
  name: string;
  tier: string;
  parent_outlet_id: string | null;
  status: Generated<string>;
  capacity_per_day: Generated<number>;
  division_code: string;
  address: string;
  lat: number | null;
  lng: number | null;
  phone: string | null;
  dealer_hotline: string | null;
  contact_name: string | null;
  kpi_score: Generated<number>;
  last_offered_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  search: ColumnType<string, string | undefined, string>;
}

export interface BrandOutletsTable {
  brand_id: string;
  outlet_id: string;
  region_id: string | null;
  center_id: string | null;
  since: DateCol | null;
}

export interface OutletCoverageTable {
  outlet_id: string;
  division_code: string;
}

export interface OutletAuthorizationsTable {
  outlet_id: string;
  brand_id: string;
  category_code: string;
  service_type: string;
}

export interface TechniciansTable {
  id: string;
  outlet_id: string;
  code: string;
  name: string;
  phone: string;
  level: string;
  licence_no: string | null;
  licence_valid_until: DateCol | null;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  search: ColumnType<string, string | undefined, string>;
}

export interface TechnicianSkillsTable {
  technician_id: string;
  outlet_id: string;
  category_code: string;
  service_type: string;
}

export interface TechnicianTrainingsTable {
  id: string;
  technician_id: string;
  outlet_id: string;
  course: string;
  completed_on: DateCol;
  result: string;
  certificate_no: string | null;
  created_at: Timestamp;
}

interface CoreTables {
  schema_migrations: SchemaMigrationsTable;
  audit_log: AuditLogTable;
  events: EventsTable;
  event_deliveries: EventDeliveriesTable;
  idempotency_keys: IdempotencyKeysTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_keys: ApiKeysTable;
  divisions: DivisionsTable;
  brands: BrandsTable;
  brand_categories: BrandCategoriesTable;
  regions: RegionsTable;
  service_centers: ServiceCentersTable;
  outlets: OutletsTable;
  brand_outlets: BrandOutletsTable;
  outlet_coverage: OutletCoverageTable;
  outlet_authorizations: OutletAuthorizationsTable;
  technicians: TechniciansTable;
  technician_skills: TechnicianSkillsTable;
  technician_trainings: TechnicianTrainingsTable;
}

/** Every table: the platform and network ones here, each later module's in its own `*.tables.ts`. */
export type DB = CoreTables &
  CustomerTables &
  CatalogTables &
  SalesTables &
  PolicyTables &
  WorkOrderTables &
  SlaTables &
  ImportTables;
