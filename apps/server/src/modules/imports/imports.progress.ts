// Progress of imports for the console's progress bar. The import stays one request and one
// transaction (all or nothing, the row report in the answer); the client names the job with an id it
// generates and polls GET /imports/progress/:jobId while the upload request runs.
//
// Each API process keeps its running jobs in memory: a poll never waits for the database, which
// matters on PGlite, whose single session the import's transaction holds until it ends. The job is
// also a row of import_jobs, written before the transaction opens and when it ends and — on
// PostgreSQL, from another pooled connection — every few hundred rows, so a poll that reaches
// another process sees it too.

import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { ImportKind } from './imports.values.ts';

export type ImportPhase = 'checking' | 'writing' | 'done' | 'failed';

export interface ImportProgressView {
  jobId: string;
  kind: ImportKind;
  dryRun: boolean;
  phase: ImportPhase;
  processed: number;
  total: number | null;
  startedAt: string;
  finishedAt: string | null;
}

/** How often a running import's progress is written: every this many rows, or this much time. */
const EVERY_ROWS = 200;
const EVERY_MS = 1000;
/** Finished jobs stay in memory this long for late polls. */
const KEEP_MS = 10 * 60_000;

interface Entry extends ImportProgressView {
  owner: string | null;
  lastWrite: number;
  writtenRows: number;
  finished: number | null;
}

export class ImportProgressBoard {
  private readonly jobs = new Map<string, Entry>();
  private readonly db: Database;
  private readonly clock: Clock;
  /** Mid-run writes need a second connection: true on PostgreSQL, false on PGlite's single session. */
  private readonly writeWhileRunning: boolean;

  constructor(db: Database, clock: Clock, writeWhileRunning: boolean) {
    this.db = db;
    this.clock = clock;
    this.writeWhileRunning = writeWhileRunning;
  }

  /** Registers a job; false when the id is already in use (here or, finished, in the table). */
  async start(
    jobId: string,
    job: { kind: ImportKind; dryRun: boolean; owner: string | null; filename: string | null },
  ): Promise<boolean> {
    this.sweep();
    if (this.jobs.has(jobId)) return false;
    const now = this.clock.now();
    const entry: Entry = {
      jobId,
      kind: job.kind,
      dryRun: job.dryRun,
      phase: 'checking',
      processed: 0,
      total: null,
      startedAt: now.toISOString(),
      finishedAt: null,
      owner: job.owner,
      lastWrite: now.getTime(),
      writtenRows: 0,
      finished: null,
    };
    this.jobs.set(jobId, entry);
    const inserted = await this.db
      .insertInto('import_jobs')
      .values({
        id: jobId,
        kind: job.kind,
        filename: job.filename,
        actor_id: job.owner,
        dry_run: job.dryRun,
        phase: 'checking',
        started_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      this.jobs.delete(jobId);
      return false;
    }
    return true;
  }

  /** The rows are checked and `total` of them are about to be written. */
  writing(jobId: string, total: number): void {
    const e = this.jobs.get(jobId);
    if (!e) return;
    e.phase = 'writing';
    e.total = total;
    e.processed = 0;
  }

  /** `processed` rows are written (inside the transaction); records it now and then. */
  async advance(jobId: string, processed: number): Promise<void> {
    const e = this.jobs.get(jobId);
    if (!e) return;
    e.processed = processed;
    if (!this.writeWhileRunning) return;
    if (processed - e.writtenRows < EVERY_ROWS && this.clock.now().getTime() - e.lastWrite < EVERY_MS) return;
    e.writtenRows = processed;
    e.lastWrite = this.clock.now().getTime();
    await this.persist(e);
  }

  /** The import ended (committed, dry run rolled back, or refused). */
  async finish(jobId: string, ok: boolean): Promise<void> {
    const e = this.jobs.get(jobId);
    if (!e) return;
    e.phase = ok ? 'done' : 'failed';
    if (ok && e.total !== null) e.processed = e.total;
    e.finishedAt = this.clock.now().toISOString();
    e.finished = this.clock.now().getTime();
    await this.persist(e);
  }

  /** The job's progress, from this process or the table; null when unknown. */
  async view(jobId: string): Promise<ImportProgressView | null> {
    const e = this.jobs.get(jobId);
    if (e) return present(e);
    const row = await this.db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
    if (!row) return null;
    return {
      jobId: row.id,
      kind: row.kind as ImportKind,
      dryRun: row.dry_run,
      phase: row.phase,
      processed: row.processed,
      total: row.total,
      startedAt: new Date(row.started_at).toISOString(),
      finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    };
  }

  private async persist(e: Entry): Promise<void> {
    await this.db
      .updateTable('import_jobs')
      .set({
        phase: e.phase,
        processed: e.processed,
        total: e.total,
        updated_at: this.clock.now(),
        finished_at: e.finishedAt,
      })
      .where('id', '=', e.jobId)
      .execute();
  }

  private sweep(): void {
    const now = this.clock.now().getTime();
    for (const [id, e] of this.jobs) if (e.finished !== null && now - e.finished > KEEP_MS) this.jobs.delete(id);
  }
}

function present(e: Entry): ImportProgressView {
  return {
    jobId: e.jobId,
    kind: e.kind,
    dryRun: e.dryRun,
    phase: e.phase,
    processed: e.processed,
    total: e.total,
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
  };
}
