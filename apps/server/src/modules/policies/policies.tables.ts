import type { ColumnType } from 'kysely';

/** Kysely table types of the policies module (migrations/0008_policy_packs.sql). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type DateCol = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

export type PolicyPackStatus = 'draft' | 'active' | 'retired';

export interface PolicyPacksTable {
  id: string;
  pack_id: string;
  version: number;
  extends: string | null;
  name: Json;
  source: string;
  status: PolicyPackStatus;
  effective_from: DateCol;
  effective_to: DateCol | null;
  brand_id: string | null;
  origin: 'file' | 'console';
  author_id: string | null;
  author_name: string | null;
  created_at: Timestamp;
  activated_at: Timestamp | null;
  retired_at: Timestamp | null;
}

export interface PolicyTables {
  policy_packs: PolicyPacksTable;
}
