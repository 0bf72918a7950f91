import { sql } from 'kysely';
import { sweepBreaches, sweepWarnings } from '../../../apps/server/src/modules/sla/sla.sweep.ts';
import { ManualClock } from '../../../apps/server/src/platform/clock.ts';
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
import { type BenchOptions, median, type Sample } from '../stats.ts';
import type { Started } from '../targets.ts';
import type { Measured } from './types.ts';

/**
 * The worker's SLA sweeps (H3's sweepBreaches / sweepWarnings, batches of 100 as the worker runs
 * them) draining the same due work — DUE milestones past due (each: a 考核单 with its audit row and
 * outbox events) and DUE whose warning time has come (an outbox event each) — from a table of
 * 10,000 open milestones (baseline) and then of OPEN (1,000,000 on PostgreSQL) open milestones
 * (subject). Figures are due items per second; the ratio says what the size of the table costs.
 */

const BATCH = 100;
/** Id tag of the generated orders; milestones are MS_TAG. */
const TAG = '5e5e0001';
const MS_TAG = '5e5e0011';
/** The benchmark's own clock: far from the demo data's times, so its events and audit rows are told apart. */
const NOW = new Date('2031-01-06T02:00:00Z');
/** Breach-due rows were warned long ago (not due for a warning). */
const WARNED = new Date('2031-01-01T00:00:00Z');
/** AUX milestones an outlet answers for, each with a slip amount in the pack. */
const KEYS = ['outlet-receives', 'contact-and-book', 'on-site', 'resolved'];
const log = (msg: string) => process.stderr.write(`${msg}\n`);

function sizes(database: string) {
  const int = (v: string | undefined, d: number) => (v ? Math.max(1, Math.round(Number(v))) : d);
  const pg = database === 'postgres';
  return {
    open: int(process.env.BENCH_SLA_OPEN, pg ? 1_000_000 : 100_000),
    base: int(process.env.BENCH_SLA_BASE, 10_000),
    due: int(process.env.BENCH_SLA_DUE, pg ? 5_000 : 1_000),
  };
}

/** Milestone rows `from`..`to`: the first `due` past due, the next `due` at their warning time, the rest later. */
async function insertMilestones(db: Database, w: SlaWorld, from: number, to: number, due: number, packVersion: number) {
  const k = sql.raw('k');
  const order = sql`(${k} / ${KEYS.length})`;
  const n = w.outlets.length;
  const sec = sql`interval '1 second'`;
  const dueAt = sql`CASE WHEN ${k} < ${due} THEN ${NOW}::timestamptz - interval '1 hour' - ${k} * ${sec}
    WHEN ${k} < ${2 * due} THEN ${NOW}::timestamptz + interval '1 day'
    ELSE ${NOW}::timestamptz + interval '1 day' + ${k} * ${sec} END`;
  const warnAt = sql`CASE WHEN ${k} < ${due} THEN ${NOW}::timestamptz - interval '2 hours' - ${k} * ${sec}
    WHEN ${k} < ${2 * due} THEN ${NOW}::timestamptz - ${k} * ${sec}
    ELSE ${NOW}::timestamptz + interval '12 hours' + ${k} * ${sec} END`;
  await sql`
    INSERT INTO sla_milestones (id, order_id, brand_id, outlet_id, region_id, division_code, milestone_key,
      pack_id, pack_version, responsible, clock, target_minutes, started_at, due_at, warn_at, status,
      elapsed_minutes, warned_at, computed_at)
    SELECT ${seqId(MS_TAG, sql`k::bigint`)}, ${seqId(TAG, sql`${order}::bigint`)}, ${w.brandId},
      (ARRAY[${sql.join(w.outlets.map((o) => o.id))}]::uuid[])[1 + ${order} % ${n}],
      (${regionArray(w)})[1 + ${order} % ${n}], ${w.divisionCode},
      (ARRAY[${sql.join(KEYS)}]::text[])[1 + k % ${KEYS.length}], 'aux', ${packVersion}, 'outlet', 'calendar', 60,
      ${NOW}::timestamptz - interval '3 hours', ${dueAt}, ${warnAt}, 'open', 0,
      CASE WHEN k < ${due} THEN ${WARNED}::timestamptz END, ${NOW}
    FROM generate_series(${from}::int, ${to}::int) AS k`.execute(db);
}

/** Orders for every milestone row there will be (the milestones' foreign key). */
async function loadOrders(db: Database, w: SlaWorld, rows: number) {
  const orders = Math.ceil(rows / KEYS.length);
  await withIndexesDropped(db, ['work_orders'], () =>
    bulkSession(db, (conn) =>
      chunked('sla-sweep orders', orders, 100_000, (a, b) =>
        insertOrders(conn as Database, w, TAG, { from: a, to: b }, NOW, 1),
      ),
    ),
  );
  await sql`VACUUM ANALYZE work_orders`.execute(db);
}

/** Loads milestone rows `from`..`to`, indexes rebuilt after, statistics fresh. */
async function grow(db: Database, w: SlaWorld, from: number, to: number, due: number, packVersion: number) {
  const ms = await withIndexesDropped(db, ['sla_milestones'], () =>
    bulkSession(db, (conn) =>
      chunked('sla-sweep milestones', to - from + 1, 200_000, (a, b) =>
        insertMilestones(conn as Database, w, from + a, from + b, due, packVersion),
      ),
    ),
  );
  await sql`VACUUM ANALYZE sla_milestones`.execute(db);
  return ms;
}

/** Back to the first `base` rows: the others deleted, the table's indexes rebuilt small. */
async function shrink(db: Database, base: number) {
  await sql`DELETE FROM sla_milestones WHERE id >= ${seqId(MS_TAG, sql`${base}::bigint`)}`.execute(db);
  await sql`VACUUM ANALYZE sla_milestones`.execute(db);
  await sql`REINDEX TABLE sla_milestones`.execute(db);
}

/** Undoes a round: claims cleared; slips, remedies and events of the benchmark's clock removed. */
async function reset(db: Database) {
  await sql`UPDATE sla_milestones SET breach_handled_at = NULL WHERE breach_handled_at IS NOT NULL`.execute(db);
  await sql`UPDATE sla_milestones SET warned_at = NULL WHERE warned_at > ${WARNED}`.execute(db);
  await sql`DELETE FROM remedy_proposals WHERE created_at = ${NOW}`.execute(db);
  await sql`DELETE FROM assessment_slips WHERE created_at = ${NOW}`.execute(db);
  await sql`DELETE FROM event_deliveries WHERE event_id IN (SELECT id FROM events WHERE created_at = ${NOW})`.execute(
    db,
  );
  await sql`DELETE FROM events WHERE created_at = ${NOW}`.execute(db);
  // audit_log is append-only: the slips' audit rows stay (5,000 more per round).
  for (const t of ['sla_milestones', 'assessment_slips', 'events']) {
    await sql.raw(`VACUUM ANALYZE ${t}`).execute(db);
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Drains one sweep until nothing is due: items per second, batch latencies. */
async function drain(db: Database, sweep: typeof sweepBreaches, expected: number): Promise<Sample> {
  const clock = new ManualClock(NOW);
  const batches: number[] = [];
  let items = 0;
  const t0 = performance.now();
  for (;;) {
    const b0 = performance.now();
    const n = await sweep(db, clock, BATCH);
    if (n === 0) break;
    batches.push(performance.now() - b0);
    items += n;
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    rps: items / seconds,
    p50: median(batches),
    p99: percentile(batches, 99),
    failures: Math.abs(expected - items),
  };
}

type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };

/** The plans of the two claims (as the sweeps write them, read-only here), for the notes. */
async function claimPlans(db: Database) {
  const plans: string[] = [];
  for (const q of [
    sql`EXPLAIN (ANALYZE, FORMAT JSON) SELECT m.* FROM sla_milestones m JOIN work_orders o ON o.id = m.order_id
      WHERE m.status IN ('open', 'missed') AND m.breach_handled_at IS NULL AND m.due_at IS NOT NULL
      AND m.due_at <= ${NOW} ORDER BY m.due_at, m.id LIMIT ${BATCH}`,
    sql`EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM sla_milestones WHERE status = 'open' AND warned_at IS NULL
      AND warn_at IS NOT NULL AND warn_at <= ${NOW} ORDER BY warn_at, id LIMIT ${BATCH}`,
  ]) {
    const { rows } = await q.execute(db);
    const top = (rows[0] as { 'QUERY PLAN': { Plan: PlanNode; 'Execution Time': number }[] })['QUERY PLAN'][0]!;
    const names: string[] = [];
    const walk = (p: PlanNode) => {
      names.push(`${p['Node Type']}${p['Index Name'] ? ` on ${p['Index Name']}` : ''}`);
      for (const c of p.Plans ?? []) walk(c);
    };
    walk(top.Plan);
    plans.push(`${names.join(' > ')} (${top['Execution Time'].toFixed(1)} ms)`);
  }
  return { breach: plans[0]!, warning: plans[1]! };
}

async function rounds(db: Database, n: number, due: number, label: string) {
  await reset(db);
  const plans = await claimPlans(db);
  log(`bench: sla-sweep ${label} claim plans: breach ${plans.breach}; warning ${plans.warning}`);
  const out = { breach: [] as Sample[], warning: [] as Sample[], plans };
  for (let r = 0; r < n; r++) {
    await reset(db);
    out.breach.push(await drain(db, sweepBreaches, due));
    out.warning.push(await drain(db, sweepWarnings, due));
    const b = out.breach.at(-1)!;
    const wn = out.warning.at(-1)!;
    log(`bench: sla-sweep ${label} round ${r + 1}: breach ${Math.round(b.rps)}/s, warning ${Math.round(wn.rps)}/s`);
  }
  return out;
}

export async function slaSweep(started: Started, opts: BenchOptions): Promise<Measured[]> {
  const { db } = started.running.ctx;
  const { open, base, due } = sizes(started.running.ctx.handle.kind === 'postgres' ? 'postgres' : 'pglite');
  if (2 * due > base || base > open) throw new Error(`need 2 × due (${2 * due}) ≤ base (${base}) ≤ open (${open})`);
  const pack = await db
    .selectFrom('policy_packs')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('pack_id', '=', 'aux')
    .executeTakeFirstOrThrow();
  const w = await slaWorld(db, 'AUX');
  const rows = opts.rounds;
  // Only the generated milestones: the demo's own would be due too and change the work.
  await sql`TRUNCATE sla_milestones, notifications, assessment_slips, remedy_proposals`.execute(db);

  // Rounds alternate between the sizes (noise on a shared machine hits both alike): the extra rows
  // are loaded before each large round and deleted after it.
  await loadOrders(db, w, open);
  const baseMs = await grow(db, w, 0, base - 1, due, Number(pack.v));
  const small = { breach: [] as Sample[], warning: [] as Sample[], plans: { breach: '', warning: '' } };
  const big = { breach: [] as Sample[], warning: [] as Sample[], plans: { breach: '', warning: '' } };
  const growMs: number[] = [];
  for (let r = 0; r < rows; r++) {
    if (r > 0) await shrink(db, base);
    const s = await rounds(db, 1, due, `${base.toLocaleString('en-US')} open`);
    growMs.push(await grow(db, w, base, open - 1, due, Number(pack.v)));
    const b = await rounds(db, 1, due, `${open.toLocaleString('en-US')} open`);
    for (const [into, from] of [
      [small, s],
      [big, b],
    ] as const) {
      into.breach.push(...from.breach);
      into.warning.push(...from.warning);
      into.plans = from.plans;
    }
  }
  // Leave the scratch database as the next benchmark expects it (its own milestones only).
  await sql`TRUNCATE sla_milestones, notifications, assessment_slips, remedy_proposals`.execute(db);

  const labels: [string, string] = [`${open.toLocaleString('en-US')} open`, `${base.toLocaleString('en-US')} open`];
  const notes = {
    unit: 'req/s = due items per second; p50/p99 = ms per batch of 100',
    open: String(open),
    base: String(base),
    dueBreach: String(due),
    dueWarning: String(due),
    batch: String(BATCH),
    loadBaseMs: String(Math.round(baseMs)),
    loadGrowMs: growMs.map((m) => Math.round(m)).join(','),
  };
  return [
    {
      variant: 'breach',
      subject: big.breach,
      baseline: small.breach,
      labels,
      notes: { ...notes, planOpen: big.plans.breach, planBase: small.plans.breach },
    },
    {
      variant: 'warning',
      subject: big.warning,
      baseline: small.warning,
      labels,
      notes: { ...notes, planOpen: big.plans.warning, planBase: small.plans.warning },
    },
  ];
}
