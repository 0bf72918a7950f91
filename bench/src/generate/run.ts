/**
 * Large-data generator for the screen-pop benchmark (PostgreSQL only):
 *
 *   ./aftercare node bench/src/generate/run.ts --customers 1000000 [--seed 1] [--database aftercare_screenpop]
 *
 * Creates (or, with --replace, recreates) a scratch database on the server of BENCH_DATABASE_URL /
 * TEST_DATABASE_URL, migrates it with the server's migrate() and loads the national divisions, then
 * adds three brands (the first demo brands, with their categories), the agent `bench.agent` (password
 * = the demo password) scoped to them, N customers with phones and a division-coded address each, and
 * 2N installed products. Rows are built in Node with the app's own normalizePhone() and searchTokens()
 * (the search vector is to_tsvector('simple', searchTokens(name, detail, division full name)), as
 * refreshSearch() stores it) and inserted in batches through INSERT … SELECT FROM unnest(arrays). The
 * secondary indexes of the four tables are dropped first and rebuilt at the end, then ANALYZE.
 * Foreign-key triggers are off during the load (session_replication_role = replica, superuser): the
 * generator makes every reference itself.
 */
import { sql } from 'kysely';
import pg from 'pg';
import { hashPassword } from '../../../apps/server/src/modules/auth/passwords.ts';
import {
  BRANDS,
  FEMALE_GIVEN,
  MALE_GIVEN,
  MOBILE_PREFIXES,
  ROADS,
  SURNAMES,
} from '../../../apps/server/src/modules/demo/catalog.ts';
import { DEMO_PASSWORD } from '../../../apps/server/src/modules/demo/demo-users.ts';
import { ensureDivisions } from '../../../apps/server/src/modules/divisions/divisions.load.ts';
import { openDatabase } from '../../../apps/server/src/platform/db/database.ts';
import { migrate } from '../../../apps/server/src/platform/db/migrate.ts';
import { searchTokens } from '../../../apps/server/src/platform/text-search.ts';
import {
  addressDetail,
  batchRng,
  landline,
  landlineForm,
  mobileForm,
  mobileOf,
  normalized,
  pick,
  progressLine,
  type Rng,
  rng,
  serialOf,
  uuid,
  VILLAGE_WORDS,
} from './data.ts';
import { parseGenerateArgs, SCREEN_POP_AGENT, withDatabase } from './options.ts';

const log = (msg: string) => process.stderr.write(`${msg}\n`);

const TABLES = ['customers', 'customer_phones', 'customer_addresses', 'installed_products'] as const;
/** Brands drawn for customer i (60 / 25 / 15 %). */
const BRAND_WEIGHTS = [0.6, 0.85, 1] as const;
const NOW = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;
/** Ids carry the time of an import that created customer i at IMPORT + i ms (UUIDv7). */
const IMPORT = Date.UTC(2026, 10, 2);

interface Division {
  code: string;
  fullName: string;
  urban: boolean;
}

interface GenBrand {
  id: string;
  code: string;
  prefix: string;
  categories: { code: string; model: string }[];
}

type Query = (text: string, values?: unknown[]) => Promise<unknown[]>;

const MODEL_WORDS = ['KFR-35GW/BpR3', 'KFR-26GW/A1', 'RSJ-15/R', 'BCD-520W', 'XQG100-B14', 'JSQ25-13', 'FD-H60'];

function buildBatch(seed: number, batch: number, from: number, to: number, brands: GenBrand[], divisions: Division[]) {
  const r: Rng = batchRng(seed, batch);
  const c = {
    id: [] as string[],
    brand: [] as string[],
    name: [] as string[],
    gender: [] as string[],
    birthday: [] as (string | null)[],
    created: [] as string[],
    tokens: [] as string[],
  };
  const ph = {
    id: [] as string[],
    customer: [] as string[],
    brand: [] as string[],
    raw: [] as string[],
    norm: [] as string[],
    kind: [] as string[],
    primary: [] as boolean[],
    created: [] as string[],
  };
  const ad = {
    id: [] as string[],
    customer: [] as string[],
    brand: [] as string[],
    division: [] as string[],
    detail: [] as string[],
    created: [] as string[],
  };
  const pr = {
    id: [] as string[],
    brand: [] as string[],
    customer: [] as string[],
    category: [] as string[],
    model: [] as string[],
    serial: [] as string[],
    produced: [] as string[],
    purchased: [] as string[],
    invoice: [] as boolean[],
    installed: [] as string[],
    created: [] as string[],
  };
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  for (let i = from; i < to; i++) {
    const idMs = IMPORT + i;
    const id = uuid(r, idMs);
    const x = r();
    const brand = brands[BRAND_WEIGHTS.findIndex((w) => x < w)]!;
    const male = r() < 0.5;
    const name = pick(r, SURNAMES) + pick(r, male ? MALE_GIVEN : FEMALE_GIVEN);
    const created = NOW - Math.floor(r() * 6 * 365) * DAY - Math.floor(r() * DAY);
    const createdIso = new Date(created).toISOString();
    const division = pick(r, divisions);
    const detail = addressDetail(r, division.urban, ROADS, VILLAGE_WORDS);
    c.id.push(id);
    c.brand.push(brand.id);
    c.name.push(name);
    c.gender.push(male ? 'male' : 'female');
    c.birthday.push(r() < 0.3 ? day(Date.UTC(1950, 0, 1) + Math.floor(r() * 50 * 365) * DAY) : null);
    c.created.push(createdIso);
    // Exactly what refreshSearch() stores: the name, then each address's detail and division name.
    c.tokens.push(searchTokens(name, detail, division.fullName));

    const mobile = normalized(mobileForm(mobileOf(i, seed, MOBILE_PREFIXES), Math.floor(r() * 6)));
    const phones = [mobile];
    if (r() < 0.12) phones.push(normalized(landlineForm(landline(r), Math.floor(r() * 4))));
    phones.forEach((p, k) => {
      ph.id.push(uuid(r, idMs));
      ph.customer.push(id);
      ph.brand.push(brand.id);
      // raw keeps a typed form; rebuild one from the normalized number so raw ≠ normalized often.
      ph.raw.push(p.kind === 'mobile' ? mobileForm(p.normalized, i) : landlineForm(p.normalized, i));
      ph.norm.push(p.normalized);
      ph.kind.push(p.kind);
      ph.primary.push(k === 0);
      ph.created.push(createdIso);
    });

    ad.id.push(uuid(r, idMs));
    ad.customer.push(id);
    ad.brand.push(brand.id);
    ad.division.push(division.code);
    ad.detail.push(detail);
    ad.created.push(createdIso);

    for (let k = 0; k < 2; k++) {
      const cat = pick(r, brand.categories);
      const purchased = created - Math.floor(r() * 30) * DAY;
      const produced = purchased - (20 + Math.floor(r() * 200)) * DAY;
      pr.id.push(uuid(r, idMs));
      pr.brand.push(brand.id);
      pr.customer.push(id);
      pr.category.push(cat.code);
      pr.model.push(cat.model);
      pr.serial.push(serialOf(2 * i + k, brand.prefix, new Date(produced)));
      pr.produced.push(day(produced));
      pr.purchased.push(day(purchased));
      pr.invoice.push(r() < 0.7);
      pr.installed.push(day(purchased + (1 + Math.floor(r() * 7)) * DAY));
      pr.created.push(createdIso);
    }
  }
  return { c, ph, ad, pr, rows: c.id.length + ph.id.length + ad.id.length + pr.id.length };
}

async function insertBatch(q: Query, b: ReturnType<typeof buildBatch>) {
  const { c, ph, ad, pr } = b;
  await q(
    `INSERT INTO customers (id, brand_id, name, gender, birthday, created_at, updated_at, search)
     SELECT id, brand_id, name, gender, birthday, created, created, to_tsvector('simple', tokens)
     FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::date[], $6::timestamptz[], $7::text[])
       AS t(id, brand_id, name, gender, birthday, created, tokens)`,
    [c.id, c.brand, c.name, c.gender, c.birthday, c.created, c.tokens],
  );
  await q(
    `INSERT INTO customer_phones (id, customer_id, brand_id, raw, normalized, kind, is_primary, created_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::timestamptz[])`,
    [ph.id, ph.customer, ph.brand, ph.raw, ph.norm, ph.kind, ph.primary, ph.created],
  );
  await q(
    `INSERT INTO customer_addresses (id, customer_id, brand_id, division_code, detail, is_primary, created_at)
     SELECT id, customer_id, brand_id, division_code, detail, true, created
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[])
       AS t(id, customer_id, brand_id, division_code, detail, created)`,
    [ad.id, ad.customer, ad.brand, ad.division, ad.detail, ad.created],
  );
  await q(
    `INSERT INTO installed_products (id, brand_id, customer_id, category_code, model_code, serial, production_date,
       purchase_date, has_invoice, channel, installation_date, created_at, updated_at)
     SELECT id, brand_id, customer_id, category, model, serial, produced, purchased, invoice, 'retail', installed,
       created, created
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[],
       $9::bool[], $10::date[], $11::timestamptz[])
       AS t(id, brand_id, customer_id, category, model, serial, produced, purchased, invoice, installed, created)`,
    [
      pr.id,
      pr.brand,
      pr.customer,
      pr.category,
      pr.model,
      pr.serial,
      pr.produced,
      pr.purchased,
      pr.invoice,
      pr.installed,
      pr.created,
    ],
  );
}

async function main() {
  const opts = parseGenerateArgs(process.argv.slice(2), process.env);
  const t0 = performance.now();
  const admin = await openDatabase({ kind: 'postgres', url: opts.adminUrl, max: 1 });
  const run = (text: string) => sql.raw(text).execute(admin.db);
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
    if (exists.length > 0) {
      if (!opts.replace) throw new Error(`database ${opts.database} exists; pass --replace to recreate it`);
      await run(`DROP DATABASE ${opts.database} WITH (FORCE)`);
    }
    await run(`CREATE DATABASE ${opts.database}`);
  } finally {
    await admin.close();
  }
  log(`generate: database ${opts.database}: ${opts.customers.toLocaleString('en-US')} customers, seed ${opts.seed}`);

  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(opts.adminUrl, opts.database), max: 2 });
  const timings: Record<string, number> = {};
  try {
    const { db } = handle;
    await migrate(db);
    await ensureDivisions(db);
    timings.schema = performance.now() - t0;

    // Brands, categories, the agent.
    const r = rng(opts.seed);
    const now = new Date(NOW).toISOString();
    const brands: GenBrand[] = [];
    for (const b of BRANDS.slice(0, 3)) {
      const id = uuid(r, NOW);
      await handle.query(
        `INSERT INTO brands (id, code, name, name_en, hotlines, policy_pack, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [id, b.code, b.name, b.nameEn, b.hotlines, b.policyPack, now],
      );
      for (const cat of b.categories)
        await handle.query('INSERT INTO brand_categories (brand_id, code, name, name_en) VALUES ($1, $2, $3, $4)', [
          id,
          cat.code,
          cat.name,
          cat.nameEn,
        ]);
      brands.push({
        id,
        code: b.code,
        prefix: b.code.slice(0, 2),
        categories: b.categories.map((cat, k) => ({ code: cat.code, model: MODEL_WORDS[k % MODEL_WORDS.length]! })),
      });
    }
    await handle.query(
      `INSERT INTO users (id, username, display_name, password_hash, role, brand_ids, created_at, updated_at)
       VALUES ($1, $2, '压测坐席', $3, 'agent', $4, $5, $5)`,
      [uuid(r, NOW), SCREEN_POP_AGENT, await hashPassword(DEMO_PASSWORD), brands.map((b) => b.id), now],
    );

    // Townships and streets with their urban/rural class (as addressesOf() derives it).
    const divisions = (
      await handle.query<{ code: string; full_name: string; cls: string | null }>(
        `SELECT d.code, d.full_name, coalesce(d.urban_rural_override, d.urban_rural, p.urban_rural_override, p.urban_rural) AS cls
         FROM divisions d LEFT JOIN divisions p ON p.code = d.parent_code WHERE d.level = 4 ORDER BY d.code`,
      )
    ).map((d) => ({ code: d.code, fullName: d.full_name, urban: d.cls !== 'rural' }));
    if (divisions.length === 0) throw new Error('no township-level divisions loaded');

    // Drop the secondary indexes (not the ones behind constraints) and rebuild them after the load.
    const indexes = await handle.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
      [TABLES],
    );
    for (const ix of indexes) await handle.query(`DROP INDEX ${ix.indexname}`);

    // Several connections: while one batch is inserted, the next one is built.
    const url = withDatabase(opts.adminUrl, opts.database);
    const tLoad = performance.now();
    const total = opts.customers;
    const size = opts.batch;
    const batches = Math.ceil(total / size);
    let done = 0;
    let rows = 0;
    let next = 0;
    let lastLog = 0;
    const worker = async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const q: Query = async (text, values) => (await client.query(text, values)).rows;
        await q('SET session_replication_role = replica');
        await q('SET synchronous_commit = off');
        for (;;) {
          const batch = next++;
          if (batch >= batches) return;
          const from = batch * size;
          const b = buildBatch(opts.seed, batch, from, Math.min(total, from + size), brands, divisions);
          await q('BEGIN');
          try {
            await insertBatch(q, b);
            await q('COMMIT');
          } catch (err) {
            next = batches; // the other workers stop after their current batch
            throw err;
          }
          done += b.c.id.length;
          rows += b.rows;
          const el = performance.now() - tLoad;
          if (el - lastLog > 2000 || done === total) {
            lastLog = el;
            log(
              `${progressLine('generate: customers', done, total, el)} · ${Math.round((rows * 1000) / el).toLocaleString('en-US')} rows/s`,
            );
          }
        }
      } finally {
        await client.end();
      }
    };
    await Promise.all(Array.from({ length: opts.jobs }, worker));
    timings.load = performance.now() - tLoad;

    const tIdx = performance.now();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`SET maintenance_work_mem = '${opts.maintenanceWorkMem}'`);
      await client.query('SET max_parallel_maintenance_workers = 2');
      for (const ix of indexes) {
        const t = performance.now();
        await client.query(ix.indexdef);
        log(`generate: index ${ix.indexname} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    } finally {
      await client.end();
    }
    timings.indexes = performance.now() - tIdx;
    const tAn = performance.now();
    await handle.query(`VACUUM (ANALYZE) ${TABLES.join(', ')}`);
    timings.analyze = performance.now() - tAn;
    timings.total = performance.now() - t0;
    const size2 = await handle.query<{ size: string }>(
      'SELECT pg_size_pretty(pg_database_size(current_database())) AS size',
    );
    log(
      `generate: done in ${(timings.total / 1000).toFixed(0)} s (schema ${(timings.schema / 1000).toFixed(1)} s, load ${(timings.load / 1000).toFixed(0)} s, indexes ${(timings.indexes / 1000).toFixed(0)} s, vacuum/analyze ${(timings.analyze / 1000).toFixed(0)} s); database ${opts.database} is ${size2[0]?.size}`,
    );
    console.log(
      JSON.stringify({
        database: opts.database,
        customers: total,
        products: 2 * total,
        seed: opts.seed,
        timingsMs: timings,
      }),
    );
  } finally {
    await handle.close();
  }
}

await main().catch((err) => {
  log(`generate: failed: ${(err as Error).stack ?? err}`);
  process.exitCode = 1;
});
