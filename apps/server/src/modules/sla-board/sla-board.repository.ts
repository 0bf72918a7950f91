import type { SlaBoardQuery } from '@aftercare/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { uuidList } from '../../platform/db/uuid-list.ts';

/**
 * The at-risk board reads only the partial index `sla_milestones_board_idx (brand_id, due_at) WHERE
 * status IN ('open', 'paused')`: open milestones due up to the horizon (breached and due soon) and
 * paused ones. Met, missed and cancelled milestones — the bulk of the table — are never touched.
 */

const NONE = sql<SqlBool>`false`;
const ALL = sql<SqlBool>`true`;

/**
 * Milestones a scope may see, by the row's denormalized brand, region and outlet: brand staff their
 * brands, region staff their regions within their brands, an outlet its own (the outlet in charge).
 */
export function milestoneFilter(scope: Scope, t = 'm'): Expression<SqlBool> {
  const col = (c: string) => sql.ref(`${t}.${c}`);
  switch (scope.kind) {
    case 'all':
      return ALL;
    case 'brand':
      return sql<SqlBool>`${col('brand_id')} = ANY(${uuidList(scope.brandIds)})`;
    case 'region':
      return sql<SqlBool>`(${col('brand_id')} = ANY(${uuidList(scope.brandIds)}) AND ${col('region_id')} = ANY(${uuidList(scope.regionIds)}))`;
    case 'outlet':
      // The brand condition lets the board index (brand_id, due_at) narrow the scan to the outlet's brands.
      return scope.outletId
        ? sql<SqlBool>`(${col('outlet_id')} = ${scope.outletId} AND ${col('brand_id')} IN (SELECT bo.brand_id FROM brand_outlets bo WHERE bo.outlet_id = ${scope.outletId}))`
        : NONE;
    default:
      return NONE;
  }
}

export interface BoardWindow {
  now: Date;
  horizon: Date;
}

function base(db: Tx, scope: Scope, q: SlaBoardQuery) {
  let b = db.selectFrom('sla_milestones as m').where(milestoneFilter(scope));
  if (q.brandId) b = b.where('m.brand_id', '=', q.brandId);
  if (q.regionId) b = b.where('m.region_id', '=', q.regionId);
  if (q.outletId) b = b.where('m.outlet_id', '=', q.outletId);
  return b;
}

/** Open milestones due by the horizon: breached (due <= now) and due soon (now < due <= horizon). */
function atRisk(db: Tx, scope: Scope, q: SlaBoardQuery, w: BoardWindow) {
  return base(db, scope, q)
    .where('m.status', 'in', ['open', 'paused'])
    .where('m.status', '=', 'open')
    .where('m.due_at', 'is not', null)
    .where('m.due_at', '<=', w.horizon);
}

export interface CountRow {
  brand_id: string;
  region_id: string | null;
  outlet_id: string | null;
  breached: number;
  due_soon: number;
  paused: number;
}

/** Counts per (brand, region, outlet): at most one row per outlet in charge, so small whatever the table size. */
export async function boardCounts(db: Tx, scope: Scope, q: SlaBoardQuery, w: BoardWindow): Promise<CountRow[]> {
  const [risk, paused] = await Promise.all([
    atRisk(db, scope, q, w)
      .select([
        'm.brand_id',
        'm.region_id',
        'm.outlet_id',
        sql<string>`count(*) FILTER (WHERE m.due_at <= ${w.now})`.as('breached'),
        sql<string>`count(*) FILTER (WHERE m.due_at > ${w.now})`.as('due_soon'),
      ])
      .groupBy(['m.brand_id', 'm.region_id', 'm.outlet_id'])
      .execute(),
    base(db, scope, q)
      .where('m.status', 'in', ['open', 'paused'])
      .where('m.status', '=', 'paused')
      // A paused clock has no due time yet: the index finds them by due_at IS NULL.
      .where('m.due_at', 'is', null)
      .select(['m.brand_id', 'm.region_id', 'm.outlet_id', sql<string>`count(*)`.as('paused')])
      .groupBy(['m.brand_id', 'm.region_id', 'm.outlet_id'])
      .execute(),
  ]);
  const key = (r: { brand_id: string; region_id: string | null; outlet_id: string | null }) =>
    `${r.brand_id}|${r.region_id ?? ''}|${r.outlet_id ?? ''}`;
  const rows = new Map<string, CountRow>();
  const rowOf = (r: { brand_id: string; region_id: string | null; outlet_id: string | null }) => {
    let row = rows.get(key(r));
    if (!row) {
      row = {
        brand_id: r.brand_id,
        region_id: r.region_id,
        outlet_id: r.outlet_id,
        breached: 0,
        due_soon: 0,
        paused: 0,
      };
      rows.set(key(r), row);
    }
    return row;
  };
  for (const r of risk) {
    const row = rowOf(r);
    row.breached += Number(r.breached);
    row.due_soon += Number(r.due_soon);
  }
  for (const r of paused) rowOf(r).paused += Number(r.paused);
  return [...rows.values()];
}

/** One page of the at-risk milestones with their order, brand, outlet and region. */
export async function boardItems(db: Tx, scope: Scope, q: SlaBoardQuery, w: BoardWindow) {
  const counted = atRisk(db, scope, q, w);
  const rows = counted
    .innerJoin('work_orders as w', 'w.id', 'm.order_id')
    .innerJoin('brands as b', 'b.id', 'm.brand_id')
    .leftJoin('outlets as o', 'o.id', 'm.outlet_id')
    .leftJoin('regions as r', 'r.id', 'm.region_id')
    .select([
      'm.id',
      'm.order_id',
      'm.brand_id',
      'm.milestone_key',
      'm.pack_id',
      'm.pack_version',
      'm.responsible',
      'm.status',
      'm.started_at',
      'm.due_at',
      'm.customer_caused',
      'm.explain',
      'm.outlet_id',
      'm.region_id',
      'w.number as order_number',
      'w.status as order_status',
      'b.name as brand_name',
      'o.code as outlet_code',
      'o.name as outlet_name',
      'r.name as region_name',
    ])
    .orderBy('m.due_at')
    .orderBy('m.id');
  return paginate(rows, counted, q);
}

export type BoardItemRow = Awaited<ReturnType<typeof boardItems>>['items'][number];

/** Names of the brands, regions and outlets the counts mention. */
export async function groupNames(db: Tx, rows: readonly CountRow[]) {
  const ids = (pick: (r: CountRow) => string | null) => [
    ...new Set(rows.map(pick).filter((x): x is string => x !== null)),
  ];
  const [brandIds, regionIds, outletIds] = [ids((r) => r.brand_id), ids((r) => r.region_id), ids((r) => r.outlet_id)];
  const [brands, regions, outlets] = await Promise.all([
    brandIds.length
      ? db.selectFrom('brands').select(['id', 'code', 'name']).where('id', 'in', brandIds).execute()
      : Promise.resolve([]),
    regionIds.length
      ? db.selectFrom('regions').select(['id', 'code', 'name']).where('id', 'in', regionIds).execute()
      : Promise.resolve([]),
    outletIds.length
      ? db.selectFrom('outlets').select(['id', 'code', 'name']).where('id', 'in', outletIds).execute()
      : Promise.resolve([]),
  ]);
  const map = (list: { id: string; code: string; name: string }[]) => new Map(list.map((x) => [x.id, x]));
  return { brands: map(brands), regions: map(regions), outlets: map(outlets) };
}
