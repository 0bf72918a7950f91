import type { ColumnType } from 'kysely';

/** Kysely table types of section G (migration 0015). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string | undefined, string>;
type DateCol = ColumnType<string, string, string>;

export interface SlaMilestonesTable {
  id: string;
  order_id: string;
  brand_id: string;
  outlet_id: string | null;
  region_id: string | null;
  division_code: string;
  milestone_key: string;
  pack_id: string;
  pack_version: number;
  responsible: 'desk' | 'outlet' | 'dispatch';
  responsible_user_id: string | null;
  clock: 'calendar' | 'working';
  target_minutes: number | null;
  started_at: Timestamp;
  due_at: Timestamp | null;
  warn_at: Timestamp | null;
  stopped_at: Timestamp | null;
  status: 'open' | 'paused' | 'met' | 'missed' | 'cancelled';
  elapsed_minutes: number | null;
  paused_minutes: ColumnType<number, number | undefined, number>;
  pauses: Json;
  customer_caused: ColumnType<boolean, boolean | undefined, boolean>;
  explain: Json;
  warned_at: Timestamp | null;
  breach_handled_at: Timestamp | null;
  computed_at: Timestamp;
}

export interface CalendarDaysTable {
  id: string;
  brand_id: string | null;
  division_prefix: string | null;
  day: DateCol;
  working: boolean;
  name: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface NotificationsTable {
  id: string;
  event_id: string;
  user_id: string;
  brand_id: string | null;
  kind: string;
  order_id: string | null;
  milestone_id: string | null;
  payload: Json;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface AssessmentSlipsTable {
  id: string;
  number: string;
  brand_id: string;
  order_id: string;
  milestone_id: string;
  milestone_key: string;
  party: 'outlet' | 'agent';
  outlet_id: string | null;
  user_id: string | null;
  amount_fen: number;
  reason: string;
  status: 'open' | 'appealed' | 'confirmed' | 'withdrawn';
  appeal_due_at: Timestamp;
  appeal_text: string | null;
  appeal_evidence: Json;
  appealed_by: string | null;
  appealed_at: Timestamp | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_note: string | null;
  settled_in: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface RemedyProposalsTable {
  id: string;
  brand_id: string;
  order_id: string;
  milestone_id: string;
  remedy_id: string;
  kind: 'waive_charges' | 'compensation' | 'loaner';
  amount_fen: number;
  status: 'proposed' | 'approved' | 'rejected';
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: string | null;
  created_at: Timestamp;
}

export interface SlaTables {
  sla_milestones: SlaMilestonesTable;
  calendar_days: CalendarDaysTable;
  notifications: NotificationsTable;
  assessment_slips: AssessmentSlipsTable;
  remedy_proposals: RemedyProposalsTable;
}
