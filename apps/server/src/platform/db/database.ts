import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PglitePgConnection } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDirLock } from './lock-file.ts';
import type { DB } from './schema.ts';

// Counts (bigint) come back as numbers.
pg.types.setTypeParser(20, (v) => Number(v));
// `date` columns stay 'YYYY-MM-DD' strings: a calendar day has no time zone to shift it.
pg.types.setTypeParser(1082, (v) => v);

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Runs a raw query outside Kysely (used by readiness checks and benchmarks). */
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob; lock?: boolean };

export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.max ?? 10 });
    // An idle client whose backend went away (server restart, terminated session) is dropped by the
    // pool and replaced on next use; without a listener the error would crash the process.
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'postgres',
      query: async (text, values) => (await pool.query(text, values as unknown[])).rows,
      close: async () => {
        // Kysely ends the pool only if it used it; a handle used through query() alone must end it too.
        await db.destroy();
        if (!pool.ended) await pool.end();
      },
    };
  }
  return openPglite(opts);
}

async function openPglite(opts: { dataDir?: string; loadDataDir?: Blob; lock?: boolean }): Promise<DatabaseHandle> {
  let release = () => {};
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    if (opts.lock !== false) release = acquireDirLock(opts.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
  } catch (err) {
    release();
    throw err;
  }
  // Each pool client gets its own connection object over the single PGlite session; sharing one
  // (the documented createPgConfig) breaks after the pool drops a client.
  class PgliteClient extends pg.Client {
    constructor() {
      super({ connection: new PglitePgConnection({ pglite }) } as unknown as pg.ClientConfig);
    }
  }
  const pool = new pg.Pool({ Client: PgliteClient, max: 1, connectionTimeoutMillis: 30_000 });
  pool.on('acquire', () => {
    // A client dropped inside a transaction leaves PGlite in it; never hand that to the next caller.
    if (pglite.isInTransaction()) void pglite.exec('ROLLBACK');
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    query: async (text, values) => (await pool.query(text, values as unknown[])).rows,
    close: async () => {
      await db.destroy();
      await pglite.close();
      release();
    },
    // exposed for the test template dump
    ...{ pglite },
  };
}

export function pgliteOf(handle: DatabaseHandle): PGlite | undefined {
  return (handle as DatabaseHandle & { pglite?: PGlite }).pglite;
}
