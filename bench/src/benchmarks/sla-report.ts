import { shanghaiDate } from '@aftercare/policy';
import { sql } from 'kysely';
import {
  resolutionCounts,
  resolutionQuery,
} from '../../../apps/server/src/modules/sla-reports/sla-reports.repository.ts';
import type { Scope } from '../../../apps/server/src/platform/access/principal.ts';
import type { Database } from '../../../apps/server/src/platform/db/database.ts';
import {
  bulkSession,
  chunked,
  insertOrders,
  regionArray,
  type SlaWorld,
  seqId,
  slaWorld,
  withIndexesDropped,
} from '../generate/sla.ts';
import { loginCookie } from '../login.ts';
import type { BenchOptions, Sample } from '../stats.ts';
import type { Started } from '../targets.ts';
import type { Measured } from './types.ts';

/**
 * The resolution-rate report (GET /api/v1/sla/reports/resolution) over ORDERS orders of one brand
 * (5,000,000 on PostgreSQL, BENCH_SLA_REPORT_ORDERS) spread over a year, each with its resolution
 * milestone and two other milestones, as the demo brand admin, for the whole year: against the bare
 * SQL aggregation the route runs (the repository function, called directly on the same pool). One
 * report per round, rounds alternating; the figures are the medians (p50 of several runs).
 */

/** Id tags of the generated orders and milestones. */
const TAG = '5e5e0002';
const MS_TAG = '5e5e0012';
const KEYS = ['resolved', 'on-site', 'return-visit'];
const DAYS = [1, 2, 3, 5];
const DAY_MS = 86_400_000;
const ALL: Scope = { kind: 'all', brandIds: [], regionIds: [], outletId: null, technicianId: null, customerId: null };
const log = (msg: string) => process.stderr.write(`${msg}\n`);

function orderCount(database: string): number {
  const v = process.env.BENCH_SLA_REPORT_ORDERS;
  if (v) return Math.max(1000, Math.round(Number(v)));
  return database === 'postgres' ? 5_000_000 : 200_000;
}

/**
 * The milestones of orders `from`..`to`: order i started i × spacing before `now`; about 3 % still
 * open, 1 % cancelled, the rest stopped after 0–7 days on the clock (met within 5 days, else missed).
 */
async function insertMilestones(db: Database, w: SlaWorld, from: number, to: number, now: Date, spacingMs: number) {
  const n = w.outlets.length;
  const h = sql`((i::bigint * 2654435761) % 1000)`;
  const elapsed = sql`(((i::bigint * 40503) % 10080) * (1 + (j % 2)) / 2)::int`;
  await sql`
    INSERT INTO sla_milestones (id, order_id, brand_id, outlet_id, region_id, division_code, milestone_key,
      pack_id, pack_version, responsible, clock, target_minutes, started_at, due_at, stopped_at, status,
      elapsed_minutes, customer_caused, computed_at)
    SELECT ${seqId(MS_TAG, sql`i::bigint * 4 + j`)}, ${seqId(TAG, sql`i::bigint`)}, ${w.brandId},
      (ARRAY[${sql.join(w.outlets.map((o) => o.id))}]::uuid[])[1 + i % ${n}], (${regionArray(w)})[1 + i % ${n}],
      ${w.divisionCode}, (ARRAY[${sql.join(KEYS)}]::text[])[j], 'aux', 1, 'outlet', 'calendar', 7200,
      s.started, s.started + interval '5 days',
      CASE WHEN ${h} >= 40 THEN s.started + ${elapsed} * interval '1 minute' END,
      CASE WHEN ${h} < 30 THEN 'open' WHEN ${h} < 40 THEN 'cancelled'
           WHEN ${elapsed} <= 7200 THEN 'met' ELSE 'missed' END,
      CASE WHEN ${h} < 40 THEN 0 ELSE ${elapsed} END, ${h} % 17 = 0, ${now}
    FROM generate_series(${from}::int, ${to}::int) AS i
    CROSS JOIN generate_series(1, ${KEYS.length}) AS j
    CROSS JOIN LATERAL (SELECT ${now}::timestamptz - i::bigint * ${spacingMs}::bigint * interval '1 millisecond' AS started) s`.execute(
    db,
  );
}

async function generate(db: Database, w: SlaWorld, orders: number, now: Date) {
  const spacingMs = Math.floor((364 * DAY_MS) / orders);
  const t0 = performance.now();
  await withIndexesDropped(db, ['sla_milestones', 'work_orders'], () =>
    bulkSession(db, async (conn) => {
      await chunked('sla-report orders', orders, 250_000, (a, b) =>
        insertOrders(conn as Database, w, TAG, { from: a, to: b }, now, spacingMs / 60_000),
      );
      await chunked('sla-report milestones (orders)', orders, 250_000, (a, b) =>
        insertMilestones(conn as Database, w, a, b, now, spacingMs),
      );
    }),
  );
  const loadMs = performance.now() - t0;
  await sql`VACUUM ANALYZE sla_milestones`.execute(db);
  await sql`VACUUM ANALYZE work_orders`.execute(db);
  const totalMs = performance.now() - t0;
  log(`bench: sla-report generated ${orders.toLocaleString('en-US')} orders in ${(totalMs / 1000).toFixed(0)} s`);
  return { loadMs, totalMs };
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; 'Workers Launched'?: number; Plans?: PlanNode[] };

/** The plan of the report's aggregation, as run (EXPLAIN ANALYZE): node types and indexes, root first. */
async function explain(
  db: Database,
  brandId: string,
  period: { start: Date; end: Date },
  groupBy: 'brand' | 'month' | 'day',
  now: Date,
) {
  const q = resolutionQuery(db, ALL, [{ brandId, milestone: 'resolved' }], period, groupBy, DAYS, now);
  const rows = (await q.explain('json', sql`analyze, buffers`)) as unknown as {
    'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[];
  }[];
  const top = rows[0]?.['QUERY PLAN'][0];
  if (!top) return 'n/a';
  const names: string[] = [];
  const walk = (n: PlanNode) => {
    const workers = n['Workers Launched'] ? ` (${n['Workers Launched']} workers)` : '';
    names.push(`${n['Node Type']}${n['Index Name'] ? ` on ${n['Index Name']}` : ''}${workers}`);
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(top.Plan);
  return `${names.join(' > ')}; ${Math.round(top['Execution Time'])} ms`;
}

const sample = (ms: number, ok: boolean): Sample => ({ rps: 1000 / ms, p50: ms, p99: ms, failures: ok ? 0 : 1 });

export async function slaReport(started: Started, opts: BenchOptions): Promise<Measured[]> {
  const { db, clock } = started.running.ctx;
  const database = started.running.ctx.handle.kind === 'postgres' ? 'postgres' : 'pglite';
  const orders = orderCount(database);
  const w = await slaWorld(db, 'AUX');
  const now = clock.now();
  const gen = await generate(db, w, orders, now);
  const size = await sql<{ n: string; bytes: string }>`
    SELECT count(*)::text AS n, pg_total_relation_size('sla_milestones')::text AS bytes FROM sla_milestones`.execute(
    db,
  );
  const rows = Number(size.rows[0]?.n ?? 0);

  const to = shanghaiDate(now);
  const yearFrom = shanghaiDate(new Date(now.getTime() - 364 * DAY_MS));
  const monthFrom = shanghaiDate(new Date(now.getTime() - 29 * DAY_MS));
  const periodOf = (from: string) => ({
    start: new Date(`${from}T00:00:00+08:00`),
    end: new Date(new Date(`${to}T00:00:00+08:00`).getTime() + DAY_MS),
  });
  // What-if: a covering index for the report (index-only scans), measured, not shipped.
  const extraIndex = process.env.BENCH_SLA_REPORT_COVERING === '1';
  if (extraIndex) {
    const t0 = performance.now();
    await sql`CREATE INDEX sla_milestones_report_covering_idx ON sla_milestones (brand_id, milestone_key, started_at)
      INCLUDE (status, elapsed_minutes, region_id, outlet_id)`.execute(db);
    await sql`VACUUM ANALYZE sla_milestones`.execute(db);
    log(`bench: sla-report covering index built in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const cookie = await loginCookie(started.url, 'aux.admin');

  const out: Measured[] = [];
  // The whole year by brand and by month (every resolution row: a scan of the table), and the page's
  // default, the last 30 days by day (a range of the report index).
  const variants = [
    { name: 'year-brand', groupBy: 'brand', from: yearFrom, share: 0.9 },
    { name: 'year-month', groupBy: 'month', from: yearFrom, share: 0.9 },
    { name: '30d-day', groupBy: 'day', from: monthFrom, share: 0.07 },
  ] as const;
  for (const { name, groupBy, from, share } of variants) {
    const period = periodOf(from);
    const url = `${started.url}/api/v1/sla/reports/resolution?brandId=${w.brandId}&from=${from}&to=${to}&groupBy=${groupBy}`;
    const api = async () => {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { cookie } });
      const body = (await res.json()) as { total?: { orders?: number } };
      return { ms: performance.now() - t0, ok: res.status === 200, orders: body.total?.orders ?? 0 };
    };
    const bare = async () => {
      const t0 = performance.now();
      const counts = await resolutionCounts(
        db,
        ALL,
        [{ brandId: w.brandId, milestone: 'resolved' }],
        period,
        groupBy,
        DAYS,
        clock.now(),
      );
      return { ms: performance.now() - t0, ok: true, orders: counts.reduce((s, c) => s + c.orders, 0) };
    };
    // One warm-up each (and a check that both count the same orders), then alternating rounds.
    const [a, b] = [await api(), await bare()];
    if (!a.ok || a.orders !== b.orders || a.orders < orders * share) {
      throw new Error(`report answered ${a.ok ? a.orders : 'an error'}; the bare aggregation counts ${b.orders}`);
    }
    const subject: Sample[] = [];
    const baseline: Sample[] = [];
    for (let r = 0; r < Math.max(3, opts.rounds); r++) {
      const x = await api();
      subject.push(sample(x.ms, x.ok));
      const y = await bare();
      baseline.push(sample(y.ms, y.ok));
      log(`bench: sla-report ${name} round ${r + 1}: api ${Math.round(x.ms)} ms, sql ${Math.round(y.ms)} ms`);
    }
    const plan = await explain(db, w.brandId, period, groupBy, clock.now());
    log(`bench: sla-report ${name} plan: ${plan}`);
    out.push({
      variant: name,
      subject,
      baseline,
      labels: ['api', 'sql'],
      notes: {
        unit: 'req/s = reports per second; p50 = median ms of one report',
        orders: String(orders),
        counted: String(a.orders),
        milestoneRows: String(rows),
        tableBytes: String(size.rows[0]?.bytes ?? ''),
        period: `${from}..${to}`,
        generateMs: String(Math.round(gen.totalMs)),
        loadMs: String(Math.round(gen.loadMs)),
        plan,
        coveringIndex: String(extraIndex),
      },
    });
  }
  return out;
}
