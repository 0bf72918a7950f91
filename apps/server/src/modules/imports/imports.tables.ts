import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A running or finished import's progress (migration 0010). */
export interface ImportJobsTable {
  id: string;
  kind: string;
  filename: string | null;
  actor_id: string | null;
  dry_run: Generated<boolean>;
  phase: 'checking' | 'writing' | 'done' | 'failed';
  processed: Generated<number>;
  total: number | null;
  started_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface ImportTables {
  import_jobs: ImportJobsTable;
}
