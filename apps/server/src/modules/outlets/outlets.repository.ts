import type { outletListQuery } from '@aftercare/contracts';
import { type Expression, type ExpressionBuilder, type Selectable, type SqlBool, sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { paginate } from '../../platform/db/paginate.ts';
import type { BrandOutletsTable, DB, OutletAuthorizationsTable } from '../../platform/db/schema.ts';
import { searchQuery } from '../../platform/text-search.ts';
import { brandFilter, outletFilter } from '../network/scope.ts';

type Where = (eb: ExpressionBuilder<DB, 'outlets'>) => Expression<SqlBool>;

const COLUMNS = [
  'outlets.id',
  'outlets.code',
  'outlets.name',
  'outlets.tier',
  'outlets.parent_outlet_id',
  'outlets.status',
  'outlets.capacity_per_day',
  'outlets.division_code',
  'outlets.address',
  'outlets.lat',
  'outlets.lng',
  'outlets.phone',
  'outlets.dealer_hotline',
  'outlets.contact_name',
  'outlets.created_at',
  'outlets.updated_at',
] as const;

/** Outlet rows with the division's full name and the number of active technicians. */
function selectOutlets(db: Tx, where: Where) {
  return db
    .selectFrom('outlets')
    .where(where)
    .leftJoin('divisions', 'divisions.code', 'outlets.division_code')
    .select(COLUMNS)
    .select('divisions.full_name as division_name')
    .select((eb) =>
      eb
        .selectFrom('technicians')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('technicians.outlet_id', '=', 'outlets.id')
        .where('technicians.status', '=', 'active')
        .as('technician_count'),
    );
}

export type OutletRow = Awaited<ReturnType<ReturnType<typeof selectOutlets>['executeTakeFirstOrThrow']>>;

export interface OutletView {
  row: OutletRow;
  brands: Selectable<BrandOutletsTable>[];
  coverage: string[];
  authorizations: Selectable<OutletAuthorizationsTable>[];
}

const visible = (scope: Scope) => outletFilter(scope, sql.ref('outlets.id'));

export async function findOutlet(db: Tx, scope: Scope, id: string): Promise<OutletRow | undefined> {
  return selectOutlets(db, (eb) => eb.and([eb('outlets.id', '=', id), visible(scope)])).executeTakeFirst();
}

/** Locks a visible outlet row for a command; undefined when the scope may not see it. */
export async function lockOutlet(db: Tx, scope: Scope, id: string) {
  return db.selectFrom('outlets').selectAll().where('id', '=', id).where(visible(scope)).forUpdate().executeTakeFirst();
}

export async function outletIsVisible(db: Tx, scope: Scope, id: string): Promise<boolean> {
  const row = await db.selectFrom('outlets').select('id').where('id', '=', id).where(visible(scope)).executeTakeFirst();
  return row !== undefined;
}

/** The division and every ancestor of it (most specific first). */
export async function divisionAndAncestors(db: Tx, code: string): Promise<string[]> {
  const rows = await db
    .withRecursive('chain(code, parent_code)', (qc) =>
      qc
        .selectFrom('divisions')
        .select(['code', 'parent_code'])
        .where('code', '=', code)
        .unionAll(
          qc
            .selectFrom('divisions')
            .innerJoin('chain', 'chain.parent_code', 'divisions.code')
            .select(['divisions.code', 'divisions.parent_code']),
        ),
    )
    .selectFrom('chain')
    .select('code')
    .execute();
  return rows.map((r) => r.code);
}

type ListQuery = z.infer<typeof outletListQuery>;

function listWhere(scope: Scope, q: ListQuery, covered: string[] | null): Where {
  return (eb) => {
    const conds: Expression<SqlBool>[] = [visible(scope)];
    if (q.tier) conds.push(eb('outlets.tier', '=', q.tier));
    if (q.status) conds.push(eb('outlets.status', '=', q.status));
    if (q.brandId || q.regionId) {
      let link = eb
        .selectFrom('brand_outlets as bo')
        .select('bo.outlet_id')
        .whereRef('bo.outlet_id', '=', 'outlets.id');
      if (q.brandId) link = link.where('bo.brand_id', '=', q.brandId);
      if (q.regionId) link = link.where('bo.region_id', '=', q.regionId);
      conds.push(eb.exists(link));
    }
    if (covered) {
      conds.push(
        eb.exists(
          eb
            .selectFrom('outlet_coverage as oc')
            .select('oc.outlet_id')
            .whereRef('oc.outlet_id', '=', 'outlets.id')
            .where('oc.division_code', 'in', covered),
        ),
      );
    }
    if (q.q) {
      const tsq = searchQuery(q.q);
      const byCode = eb('outlets.code', '=', q.q);
      conds.push(tsq ? eb.or([sql<SqlBool>`outlets.search @@ to_tsquery('simple', ${tsq})`, byCode]) : byCode);
    }
    return eb.and(conds);
  };
}

export async function listOutlets(db: Tx, scope: Scope, q: ListQuery) {
  // "covers" a division: the outlet's coverage holds it or one of its ancestors.
  const covered = q.covers ? await divisionAndAncestors(db, q.covers) : null;
  if (covered?.length === 0) return { items: [], total: 0 };
  const where = listWhere(scope, q, covered);
  return paginate(selectOutlets(db, where).orderBy('outlets.code'), db.selectFrom('outlets').where(where), q);
}

/** Brand links, coverage and authorizations of the rows; links and authorizations only of visible brands. */
export async function withDetails(db: Tx, scope: Scope, rows: OutletRow[]): Promise<OutletView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [links, coverage, auths] = await Promise.all([
    db
      .selectFrom('brand_outlets')
      .selectAll()
      .where('outlet_id', 'in', ids)
      .where(brandFilter(scope, sql.ref('brand_outlets.brand_id')))
      .orderBy('brand_id')
      .execute(),
    db
      .selectFrom('outlet_coverage')
      .selectAll()
      .where('outlet_id', 'in', ids)
      .orderBy('outlet_id')
      .orderBy('division_code')
      .execute(),
    db
      .selectFrom('outlet_authorizations')
      .selectAll()
      .where('outlet_id', 'in', ids)
      .where(brandFilter(scope, sql.ref('outlet_authorizations.brand_id')))
      .orderBy('brand_id')
      .orderBy('category_code')
      .orderBy('service_type')
      .execute(),
  ]);
  const group = <T extends { outlet_id: string }>(xs: T[]) => {
    const m = new Map<string, T[]>();
    for (const x of xs) {
      const list = m.get(x.outlet_id);
      if (list) list.push(x);
      else m.set(x.outlet_id, [x]);
    }
    return m;
  };
  const l = group(links);
  const c = group(coverage);
  const a = group(auths);
  return rows.map((row) => ({
    row,
    brands: l.get(row.id) ?? [],
    coverage: (c.get(row.id) ?? []).map((x) => x.division_code),
    authorizations: a.get(row.id) ?? [],
  }));
}

/** One visible outlet with its details, or undefined. */
export async function outletView(db: Tx, scope: Scope, id: string): Promise<OutletView | undefined> {
  const row = await findOutlet(db, scope, id);
  if (!row) return undefined;
  const [view] = await withDetails(db, scope, [row]);
  return view;
}
