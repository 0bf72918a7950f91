import Fastify from 'fastify';
import { sql } from 'kysely';
import { openDatabase } from '../../../apps/server/src/platform/db/database.ts';
import { rng } from '../generate/data.ts';
import { lookupForm, SCREEN_POP_AGENT, SCREEN_POP_DATABASE } from '../generate/options.ts';
import { alternate } from '../load.ts';
import { loginCookie } from '../login.ts';
import type { BenchOptions } from '../stats.ts';
import { type Target, withAftercareOn, withDatabase } from '../targets.ts';
import { type Measured, Skipped } from './types.ts';

/** Lookups picked per side: each connection sends them in turn (autocannon `requests`). */
const PICKS = 10_000;
const GENERATE = 'BENCH_DATABASE_URL=… ./aftercare node bench/src/generate/run.ts --customers 1000000';

/**
 * GET /api/v1/customers/lookup?phone=… and ?serial=… (screen pop) as the generated agent on the
 * database the generator filled, against one indexed lookup: a bare Fastify route in the same process
 * running the single SELECT of a customer id by (brand_id, normalized phone) through the same pool.
 * PostgreSQL only; skipped when the generated database is missing.
 */
export async function screenPop(target: Target, opts: BenchOptions): Promise<Measured[]> {
  if (target.database !== 'postgres' || !target.adminUrl) {
    throw new Skipped('PostgreSQL only (millions of customers); set BENCH_DATABASE_URL and generate the data');
  }
  const name = process.env.BENCH_SCREEN_POP_DATABASE || SCREEN_POP_DATABASE;
  const admin = await openDatabase({ kind: 'postgres', url: target.adminUrl, max: 1 });
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.length === 0) throw new Skipped(`no generated database ${name}; generate it first: ${GENERATE}`);
  } finally {
    await admin.close();
  }

  return withAftercareOn(withDatabase(target.adminUrl, name), async (s) => {
    const { db } = s.running.ctx;
    const scale = await sql<{ customers: string; products: string }>`
      SELECT (SELECT reltuples::bigint FROM pg_class WHERE relname = 'customers') AS customers,
             (SELECT reltuples::bigint FROM pg_class WHERE relname = 'installed_products') AS products`.execute(db);
    const customers = Number(scale.rows[0]?.customers ?? 0);
    const products = Number(scale.rows[0]?.products ?? 0);
    process.stderr.write(
      `bench: screen-pop on ${name}: ${customers.toLocaleString('en-US')} customers, ${products.toLocaleString('en-US')} products (ready in ${(s.bootMs / 1000).toFixed(1)} s)\n`,
    );
    if (customers < PICKS) throw new Skipped(`${name} has only ${customers} customers; generate at least ${PICKS}`);

    // Random existing phones and serials from the whole table (repeatable sample of about 1.3 × PICKS
    // rows, shuffled, cut to PICKS), phones in the varied forms callers use.
    const pct = (n: number) => Math.min(100, (130 * PICKS) / Math.max(1, n));
    const phones = await sql<{ brand_id: string; normalized: string }>`
      SELECT brand_id, normalized FROM customer_phones TABLESAMPLE BERNOULLI (${sql.lit(pct(customers))}) REPEATABLE (7)
      LIMIT ${sql.lit(3 * PICKS)}`.execute(db);
    const serials = await sql<{ serial: string }>`
      SELECT serial FROM installed_products TABLESAMPLE BERNOULLI (${sql.lit(pct(products))}) REPEATABLE (7)
      WHERE serial IS NOT NULL LIMIT ${sql.lit(3 * PICKS)}`.execute(db);
    const r = rng(7);
    const order = <T>(xs: T[]) =>
      xs
        .map((x) => [r(), x] as const)
        .sort((a, b) => a[0] - b[0])
        .map(([, x]) => x)
        .slice(0, PICKS);
    const picked = order(phones.rows);
    const phonePaths = picked.map(
      (p, k) => `/api/v1/customers/lookup?phone=${encodeURIComponent(lookupForm(p.normalized, k))}`,
    );
    const serialPaths = order(serials.rows).map(
      (p, k) =>
        `/api/v1/customers/lookup?serial=${encodeURIComponent(k % 3 === 0 ? p.serial.toLowerCase() : p.serial)}`,
    );
    const barePaths = picked.map((p) => `/lookup?brand=${p.brand_id}&phone=${p.normalized}`);

    const cookie = await loginCookie(s.url, SCREEN_POP_AGENT);
    // Every picked lookup must find its customer, or the load measures 404s/empty answers.
    for (const path of [...phonePaths.slice(0, 20), ...serialPaths.slice(0, 20)]) {
      const res = await fetch(`${s.url}${path}`, { headers: { cookie } });
      const body = (await res.json()) as { customers?: unknown[] };
      if (res.status !== 200 || !body.customers?.length)
        throw new Error(`${path} answered ${res.status} without a customer`);
    }

    const bare = Fastify({ logger: false });
    bare.get<{ Querystring: { brand: string; phone: string } }>('/lookup', async (req, reply) => {
      const row = await db
        .selectFrom('customer_phones')
        .select('customer_id')
        .where('brand_id', '=', req.query.brand)
        .where('normalized', '=', req.query.phone)
        .limit(1)
        .executeTakeFirst();
      if (!row) return reply.status(404).send({ code: 'NOT_FOUND' });
      return { id: row.customer_id };
    });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    const check = await fetch(`${bareUrl}${barePaths[0]}`);
    if (check.status !== 200) throw new Error(`bare lookup answered ${check.status}`);

    const notes = {
      database: name,
      customers: String(customers),
      products: String(products),
      picks: String(PICKS),
      user: SCREEN_POP_AGENT,
      bootMs: String(Math.round(s.bootMs)),
      bareRoute:
        'GET /lookup?brand=&phone=<normalized> → SELECT customer_id FROM customer_phones WHERE brand_id AND normalized',
    };
    try {
      const out: Measured[] = [];
      for (const [variant, paths] of [
        ['phone', phonePaths],
        ['serial', serialPaths],
      ] as const) {
        const rounds = await alternate(
          { url: s.url, headers: { cookie }, paths },
          { url: bareUrl, paths: barePaths },
          opts,
        );
        out.push({
          ...rounds,
          variant,
          labels: ['lookup', 'indexed'],
          notes: { ...notes, route: `GET /api/v1/customers/lookup?${variant}=` },
        });
      }
      return out;
    } finally {
      await bare.close();
    }
  });
}
