import type { ColumnType, Generated } from 'kysely';

/** Kysely table types of work orders and dispatch (migration 0009). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
type Fen = ColumnType<number, number, number>;

export interface WorkOrdersTable {
  id: string;
  number: string;
  brand_id: string;
  type: string;
  channel: string;
  status: string;
  version: Generated<number>;
  customer_id: string;
  product_id: string | null;
  category_code: string | null;
  division_code: string;
  address_detail: string;
  urban_rural: string;
  contact_name: string;
  contact_phone: string;
  fault_description: string | null;
  fault_codes: TextArray;
  preferred_windows: Json;
  priority: Generated<string>;
  disposition: string | null;
  verdict: Json | null;
  pack_id: string | null;
  pack_version: number | null;
  outlet_id: string | null;
  technician_id: string | null;
  offer_expires_at: Timestamp | null;
  handoffs: Generated<number>;
  reopen_count: Generated<number>;
  linked_order_id: string | null;
  flags: TextArray;
  completion_code_hash: string | null;
  completion_code_expires_at: Timestamp | null;
  completion_method: string | null;
  customer_token_hash: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  resolved_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface WorkOrderEventsTable {
  id: string;
  order_id: string;
  brand_id: string;
  seq: number;
  action: string;
  from_status: string | null;
  to_status: string | null;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  reason: string | null;
  data: Json;
  at: Timestamp;
}

export interface WorkOrderOffersTable {
  id: string;
  order_id: string;
  brand_id: string;
  outlet_id: string;
  rank: number | null;
  source: string;
  status: string;
  reason: string | null;
  offered_at: Timestamp;
  expires_at: Timestamp;
  responded_at: Timestamp | null;
}

export interface WorkOrderAppointmentsTable {
  id: string;
  order_id: string;
  brand_id: string;
  window_start: Timestamp;
  window_end: Timestamp;
  status: string;
  requested_by: string;
  reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface WorkOrderVisitsTable {
  id: string;
  order_id: string;
  brand_id: string;
  technician_id: string;
  checked_in_at: Timestamp;
  check_in_lat: number | null;
  check_in_lng: number | null;
  check_in_distance_m: number | null;
  checked_out_at: Timestamp | null;
  checklist: Json;
  diagnosis: string | null;
  fault_code: string | null;
  cause: string | null;
  parts_used: string | null;
  photos: Json;
  outcome: string | null;
  signature: string | null;
  created_at: Timestamp;
}

export interface WorkOrderChargesTable {
  id: string;
  order_id: string;
  brand_id: string;
  kind: string;
  status: string;
  items: Json;
  total_fen: Fen;
  covered_fen: Fen;
  payable_fen: Fen;
  fee_pack_id: string | null;
  fee_pack_version: number | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ReturnVisitTasksTable {
  id: string;
  order_id: string;
  brand_id: string;
  due_at: Timestamp;
  status: string;
  claimed_by: string | null;
  outcome: string | null;
  notes: string | null;
  done_at: Timestamp | null;
  done_by: string | null;
  created_at: Timestamp;
}

export interface DispatchPinsTable {
  id: string;
  brand_id: string;
  customer_id: string | null;
  customer_tag: string | null;
  division_code: string | null;
  outlet_id: string;
  created_at: Timestamp;
}

export interface FaultCodesTable {
  brand_id: string;
  code: string;
  category_code: string | null;
  name: string;
  serious: Generated<boolean>;
  status: Generated<string>;
}

export interface WorkOrderTables {
  fault_codes: FaultCodesTable;
  work_orders: WorkOrdersTable;
  work_order_events: WorkOrderEventsTable;
  work_order_offers: WorkOrderOffersTable;
  work_order_appointments: WorkOrderAppointmentsTable;
  work_order_visits: WorkOrderVisitsTable;
  work_order_charges: WorkOrderChargesTable;
  return_visit_tasks: ReturnVisitTasksTable;
  dispatch_pins: DispatchPinsTable;
}
