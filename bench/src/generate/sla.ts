// Bulk rows for the SLA benchmarks, generated in the database with INSERT … SELECT generate_series: work
// orders (the milestones' foreign key) of a demo brand and its outlets, and sla_milestones rows. Ids
// are a tag's 8 hex digits and the row number in hex (sequential: the primary keys grow at their right
// edge, as the app's UUIDv7 ids do), so a rerun makes the same rows. Foreign-key
// triggers are off during the load (session_replication_role = replica: every reference is made
// here) and the secondary indexes of the loaded tables are dropped first and rebuilt from their own
// definitions after (pg_indexes), which is what a bulk load does.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../../../apps/server/src/platform/db/schema.ts';

type Db = Kysely<DB>;

const log = (msg: string) => process.stderr.write(`${msg}\n`);

export interface SlaWorld {
  brandId: string;
  /** The brand's outlets and the region each is placed in (region null: none). */
  outlets: { id: string; regionId: string | null }[];
  customerId: string;
  divisionCode: string;
}

/** A sequential id: the tag's 8 hex digits, then `n` (a SQL bigint expression) as 24 hex digits. */
export function seqId(tag: string, n: RawBuilder<unknown>) {
  if (!/^[0-9a-f]{8}$/.test(tag)) throw new Error(`id tag ${tag}: 8 lower-case hex digits`);
  return sql`(${tag} || lpad(to_hex(${n}), 24, '0'))::uuid`;
}

/** The demo brand with this code, its outlets and one of its customers. */
export async function slaWorld(db: Db, brandCode: string): Promise<SlaWorld> {
  const brand = await db.selectFrom('brands').select('id').where('code', '=', brandCode).executeTakeFirstOrThrow();
  const outlets = await db
    .selectFrom('brand_outlets')
    .select(['outlet_id as id', 'region_id as regionId'])
    .where('brand_id', '=', brand.id)
    .orderBy('outlet_id')
    .execute();
  if (outlets.length === 0) throw new Error(`brand ${brandCode} has no outlets`);
  const customer = await db
    .selectFrom('customers')
    .select('id')
    .where('brand_id', '=', brand.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { brandId: brand.id, outlets, customerId: customer.id, divisionCode: '310115004' };
}

/** Runs `fn` with the secondary (non-constraint) indexes of `tables` dropped, then rebuilds them. */
export async function withIndexesDropped<T>(db: Db, tables: readonly string[], fn: () => Promise<T>) {
  const { rows } = await sql<{ indexname: string; indexdef: string }>`
    SELECT i.indexname, i.indexdef FROM pg_indexes i
    WHERE i.schemaname = current_schema() AND i.tablename = ANY(ARRAY[${sql.join([...tables])}]::text[])
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`.execute(db);
  for (const r of rows) await sql.raw(`DROP INDEX ${r.indexname}`).execute(db);
  const result = await fn();
  const t0 = performance.now();
  for (const r of rows) await sql.raw(r.indexdef).execute(db);
  log(
    `bench: rebuilt ${rows.length} indexes of ${tables.join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return result;
}

/** A bulk-load session: no foreign-key triggers, no waiting for the WAL flush. */
export async function bulkSession<T>(db: Db, fn: (db: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`SET session_replication_role = replica`.execute(conn);
    await sql`SET synchronous_commit = off`.execute(conn);
    try {
      return await fn(conn);
    } finally {
      await sql`SET session_replication_role = DEFAULT`.execute(conn);
      await sql`SET synchronous_commit = DEFAULT`.execute(conn);
    }
  });
}

/**
 * Orders `from`..`to` (inclusive) of the tag: completed repairs of the brand's customer, spread over
 * the brand's outlets, created `minutesApart` minutes apart going back from `newest`.
 */
export async function insertOrders(
  db: Db,
  w: SlaWorld,
  tag: string,
  range: { from: number; to: number },
  newest: Date,
  minutesApart: number,
) {
  const outletIds = w.outlets.map((o) => o.id);
  await sql`
    INSERT INTO work_orders (id, number, brand_id, type, channel, status, customer_id, category_code,
      division_code, address_detail, urban_rural, contact_name, contact_phone, outlet_id, flags,
      created_at, updated_at)
    SELECT ${seqId(tag, sql`i::bigint`)}, ${`BENCH${tag.toUpperCase()}-`} || lpad(i::text, 9, '0'), ${w.brandId},
      'repair', 'phone', 'completed', ${w.customerId}, 'air_conditioner', ${w.divisionCode},
      '潍坊路100弄1号101室', 'urban', '压测用户', '13912345678',
      (ARRAY[${sql.join(outletIds)}]::uuid[])[1 + i % ${outletIds.length}], '{}',
      ${newest}::timestamptz - i * ${minutesApart}::float8 * interval '1 minute',
      ${newest}::timestamptz - i * ${minutesApart}::float8 * interval '1 minute'
    FROM generate_series(${range.from}::int, ${range.to}::int) AS i`.execute(db);
}

/** Inserts in chunks of `chunk` rows with a progress line; `insert(from, to)` writes one chunk. */
export async function chunked(
  label: string,
  total: number,
  chunk: number,
  insert: (from: number, to: number) => Promise<void>,
) {
  const t0 = performance.now();
  let last = t0;
  for (let from = 0; from < total; from += chunk) {
    const to = Math.min(total, from + chunk) - 1;
    await insert(from, to);
    const now = performance.now();
    if (now - last > 2000 || to === total - 1) {
      const rate = Math.round((to + 1) / ((now - t0) / 1000));
      log(
        `bench: ${label} ${(to + 1).toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${rate.toLocaleString('en-US')}/s)`,
      );
      last = now;
    }
  }
  return performance.now() - t0;
}

/** Region of an outlet, as a SQL array lookup by the same index as the order's outlet. */
export function regionArray(w: SlaWorld) {
  return sql`ARRAY[${sql.join(w.outlets.map((o) => o.regionId))}]::uuid[]`;
}
