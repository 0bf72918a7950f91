import type { SlaReportGroupBy } from '@aftercare/contracts';
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { uuidList } from '../../platform/db/uuid-list.ts';
import { brandFilter } from '../network/scope.ts';
import type { BrandRow } from './sla-reports.packs.ts';

/**
 * The two report aggregations over sla_milestones, one GROUP BY each with FILTER clauses, bounded by
 * brand, milestone key (resolution) and started_at so they run on sla_milestones_report_idx
 * (brand_id, milestone_key, started_at).
 */

const NONE = sql<SqlBool>`false`;
const ALL = sql<SqlBool>`true`;
const DAY_MINUTES = 1440;
const DAY_MS = 86_400_000;

/**
 * Milestone rows a scope may count: brand-level scopes their brands' rows, a region scope only rows
 * placed in its regions, an outlet manager only the rows of their outlet; others none.
 */
export function milestoneScopeFilter(scope: Scope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return ALL;
    case 'brand':
      return sql<SqlBool>`m.brand_id = ANY(${uuidList(scope.brandIds)})`;
    case 'region':
      return sql<SqlBool>`m.brand_id = ANY(${uuidList(scope.brandIds)}) AND m.region_id = ANY(${uuidList(scope.regionIds)})`;
    case 'outlet':
      return scope.outletId ? sql<SqlBool>`m.outlet_id = ${scope.outletId}` : NONE;
    default:
      return NONE;
  }
}

/** The brands a report covers: the one asked for or every brand the scope sees (none when it is not visible). */
export async function reportBrands(db: Tx, scope: Scope, brandId: string | undefined): Promise<BrandRow[]> {
  let q = db
    .selectFrom('brands')
    .select(['id', 'code', 'name', 'policy_pack'])
    .where(brandFilter(scope, sql.ref('brands.id')));
  if (brandId) q = q.where('id', '=', brandId);
  return q.orderBy('code').execute();
}

/** The group key of a row: an id as text, or the first day of its Asia/Shanghai day, ISO week or month. */
function groupExpr(groupBy: SlaReportGroupBy): RawBuilder<string | null> {
  // Shanghai is UTC+8 all year: the local wall time is the UTC time plus 8 hours.
  const local = sql`(m.started_at AT TIME ZONE 'UTC' + interval '8 hours')`;
  switch (groupBy) {
    case 'brand':
      return sql<string>`m.brand_id::text`;
    case 'region':
      return sql<string | null>`m.region_id::text`;
    case 'outlet':
      return sql<string | null>`m.outlet_id::text`;
    case 'day':
      return sql<string>`to_char(date_trunc('day', ${local}), 'YYYY-MM-DD')`;
    case 'week':
      return sql<string>`to_char(date_trunc('week', ${local}), 'YYYY-MM-DD')`;
    case 'month':
      return sql<string>`to_char(date_trunc('month', ${local}), 'YYYY-MM')`;
  }
}

export interface Period {
  /** First instant (Shanghai midnight of `from`) and the instant after the period (midnight after `to`). */
  start: Date;
  end: Date;
}

export interface ResolutionCounts {
  g: string | null;
  orders: number;
  resolved: number;
  open: number;
  within: { days: number; resolved: number; base: number }[];
}

/** A built query: run it, or explain it (the benchmark prints its plan). */
export interface ReportQuery {
  execute(): Promise<unknown[]>;
  explain(format: 'json', options: Expression<unknown>): Promise<unknown[]>;
}

/** The one aggregation of the resolution report (built, not run: the benchmark explains it). */
export function resolutionQuery(
  db: Tx,
  scope: Scope,
  pairs: readonly { brandId: string; milestone: string }[],
  period: Period,
  groupBy: SlaReportGroupBy,
  days: readonly number[],
  now: Date,
): ReportQuery {
  const stopped = sql`m.status IN ('met', 'missed')`;
  const running = sql`m.status IN ('open', 'paused')`;
  const perDay = days.flatMap((n) => [
    sql<string>`count(*) FILTER (WHERE ${stopped} AND m.elapsed_minutes <= ${n * DAY_MINUTES})`.as(`r${n}`),
    sql<string>`count(*) FILTER (WHERE ${running} AND m.started_at <= ${new Date(now.getTime() - n * DAY_MS)})`.as(
      `o${n}`,
    ),
  ]);
  const which = sql.join(
    pairs.map((p) => sql`(m.brand_id = ${p.brandId} AND m.milestone_key = ${p.milestone})`),
    sql` OR `,
  );
  const g = groupExpr(groupBy);
  return db
    .selectFrom('sla_milestones as m')
    .select([
      g.as('g'),
      sql<string>`count(*)`.as('orders'),
      sql<string>`count(*) FILTER (WHERE ${stopped})`.as('resolved'),
      sql<string>`count(*) FILTER (WHERE ${running})`.as('open'),
      ...perDay,
    ])
    .where(sql<SqlBool>`(${which})`)
    .where('m.started_at', '>=', period.start)
    .where('m.started_at', '<', period.end)
    .where('m.status', '<>', 'cancelled')
    .where(milestoneScopeFilter(scope))
    .groupBy(g);
}

/**
 * Per group: the resolution milestone's rows (cancelled left out), stopped and open ones, and for each
 * N in `days` the stopped ones with at most N days on the clock and the base (stopped + open ones
 * started more than N days before `now`).
 */
export async function resolutionCounts(
  db: Tx,
  scope: Scope,
  pairs: readonly { brandId: string; milestone: string }[],
  period: Period,
  groupBy: SlaReportGroupBy,
  days: readonly number[],
  now: Date,
): Promise<ResolutionCounts[]> {
  if (pairs.length === 0) return [];
  const rows = (await resolutionQuery(db, scope, pairs, period, groupBy, days, now).execute()) as unknown as Record<
    string,
    string | null
  >[];
  return rows.map((r) => ({
    g: r.g ?? null,
    orders: Number(r.orders),
    resolved: Number(r.resolved),
    open: Number(r.open),
    within: days.map((n) => {
      const resolved = Number(r[`r${n}`]);
      return { days: n, resolved, base: Number(r.resolved) + Number(r[`o${n}`]) };
    }),
  }));
}

export interface OnTimeCounts {
  g: string | null;
  key: string;
  total: number;
  met: number;
  missed: number;
  open: number;
  paused: number;
  openOverdue: number;
  customerCaused: number;
}

/** Per group and milestone key: the rows of the brands (cancelled left out) by status, overdue and customer-caused. */
export async function onTimeCounts(
  db: Tx,
  scope: Scope,
  brandIds: readonly string[],
  period: Period,
  groupBy: SlaReportGroupBy,
  now: Date,
): Promise<OnTimeCounts[]> {
  if (brandIds.length === 0) return [];
  const g = groupExpr(groupBy);
  const rows = await db
    .selectFrom('sla_milestones as m')
    .select([
      g.as('g'),
      'm.milestone_key as key',
      sql<string>`count(*)`.as('total'),
      sql<string>`count(*) FILTER (WHERE m.status = 'met')`.as('met'),
      sql<string>`count(*) FILTER (WHERE m.status = 'missed')`.as('missed'),
      sql<string>`count(*) FILTER (WHERE m.status = 'open')`.as('open'),
      sql<string>`count(*) FILTER (WHERE m.status = 'paused')`.as('paused'),
      sql<string>`count(*) FILTER (WHERE m.status = 'open' AND m.due_at < ${now})`.as('overdue'),
      sql<string>`count(*) FILTER (WHERE m.customer_caused)`.as('customer'),
    ])
    .where(sql<SqlBool>`m.brand_id = ANY(${uuidList(brandIds)})`)
    .where('m.started_at', '>=', period.start)
    .where('m.started_at', '<', period.end)
    .where('m.status', '<>', 'cancelled')
    .where(milestoneScopeFilter(scope))
    .groupBy([g, 'm.milestone_key'])
    .execute();
  return rows.map((r) => ({
    g: (r.g as string | null) ?? null,
    key: r.key,
    total: Number(r.total),
    met: Number(r.met),
    missed: Number(r.missed),
    open: Number(r.open),
    paused: Number(r.paused),
    openOverdue: Number(r.overdue),
    customerCaused: Number(r.customer),
  }));
}

/** Display names of the group ids (brands, regions or outlets); periods label themselves. */
export async function groupLabels(
  db: Tx,
  groupBy: SlaReportGroupBy,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0 || !['brand', 'region', 'outlet'].includes(groupBy)) return out;
  const table = groupBy === 'brand' ? 'brands' : groupBy === 'region' ? 'regions' : 'outlets';
  const rows = await db
    .selectFrom(table)
    .select(['id', 'code', 'name'])
    .where(sql<SqlBool>`id = ANY(${uuidList(ids)})`)
    .execute();
  for (const r of rows) out.set(r.id, groupBy === 'outlet' ? `${r.name}（${r.code}）` : r.name);
  return out;
}
