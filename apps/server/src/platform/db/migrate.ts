import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const migrationsDir = join(import.meta.dirname, '../../../migrations');

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/** Hash of every migration, used to key test database templates. */
export function migrationsFingerprint(dir = migrationsDir): string {
  const h = createHash('sha256');
  for (const m of readMigrations(dir)) h.update(m.name).update(m.checksum);
  return h.digest('hex').slice(0, 16);
}

/**
 * Applies pending migrations in order, each in its own transaction, forward only. An applied
 * migration whose file changed is an error: write a new migration instead.
 */
export async function migrate(db: Database, dir = migrationsDir): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied: string[] = [];
  for (const m of readMigrations(dir)) {
    const done = await db.transaction().execute(async (trx) => {
      // Serialize concurrent starters on PostgreSQL; a no-op cost on PGlite.
      await sql`SELECT pg_advisory_xact_lock(7345001)`.execute(trx);
      const row = await trx
        .selectFrom('schema_migrations')
        .select(['checksum'])
        .where('name', '=', m.name)
        .executeTakeFirst();
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      await sql.raw(m.sql).execute(trx);
      await trx
        .insertInto('schema_migrations')
        .values({ name: m.name, checksum: m.checksum, applied_at: new Date() })
        .execute();
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

export async function pendingMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const rows = await db
    .selectFrom('schema_migrations')
    .select(['name'])
    .execute()
    .catch(() => []);
  const have = new Set(rows.map((r) => r.name));
  return readMigrations(dir)
    .map((m) => m.name)
    .filter((n) => !have.has(n));
}
