import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ensureDivisions } from '../src/modules/divisions/divisions.load.ts';
import { type DatabaseHandle, openDatabase, pgliteOf } from '../src/platform/db/database.ts';
import { migrate, migrationsFingerprint } from '../src/platform/db/migrate.ts';

/**
 * Test databases start from a template that has every migration and the national divisions:
 * a PGlite data-dir dump on disk, or a PostgreSQL template database. Keyed by the migrations'
 * fingerprint so a new migration rebuilds it.
 */
const cacheDir = join(import.meta.dirname, '../../../node_modules/.cache/aftercare');

export function testDatabaseUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

function templateName(): string {
  return `aftercare_tpl_${migrationsFingerprint()}`;
}

function pgliteTemplatePath(): string {
  return join(cacheDir, `pglite-${migrationsFingerprint()}.tar.gz`);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function prepare(handle: DatabaseHandle) {
  await migrate(handle.db);
  await ensureDivisions(handle.db);
}

export async function buildTemplate(): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const name = templateName();
      // Templates of earlier migration sets are of no use any more.
      const stale = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'aftercare\\_tpl\\_%' AND datname <> $1 AND datname NOT LIKE '%\\_building\\_%'",
        [name],
      );
      for (const { datname } of stale.rows) {
        // Another checkout may be copying it right now; leave it for a later run then.
        await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => {});
      }
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.rowCount) return;
      const building = `${name}_building_${process.pid}`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, building), max: 2 });
      await prepare(handle);
      await handle.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } finally {
      await admin.end();
    }
    return;
  }
  const path = pgliteTemplatePath();
  if (existsSync(path)) return;
  mkdirSync(cacheDir, { recursive: true });
  const handle = await openDatabase({ kind: 'pglite' });
  await prepare(handle);
  const dump = await pgliteOf(handle)!.dumpDataDir('gzip');
  await handle.close();
  const tmp = `${path}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
}

/** A fresh database for one test file, from the template. */
export async function openTestDatabase(): Promise<DatabaseHandle & { drop(): Promise<void> }> {
  const url = testDatabaseUrl();
  if (url) {
    const name = `aftercare_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
        break;
      } catch (err) {
        // Two files copying the template at once: "source database is being accessed by other users".
        if (attempt > 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 300));
      }
    }
    await admin.end();
    const handle = await openDatabase({ kind: 'postgres', url: withDatabase(url, name), max: 5 });
    return Object.assign(handle, {
      async drop() {
        await handle.close();
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    });
  }
  const blob = new Blob([readFileSync(pgliteTemplatePath())]);
  const handle = await openDatabase({ kind: 'pglite', loadDataDir: blob });
  return Object.assign(handle, { drop: () => handle.close() });
}
