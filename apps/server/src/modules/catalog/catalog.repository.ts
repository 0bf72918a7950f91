import { type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { searchQuery } from '../../platform/text-search.ts';
import { brandFilter } from '../network/scope.ts';

/** Catalog reads, each limited to the brands the scope may see (outlets: the brands they serve). */

export type ModelRow = Awaited<ReturnType<typeof findModel>> & {};
export type PartRow = Awaited<ReturnType<typeof findPart>> & {};

const modelColumns = [
  'm.id',
  'm.brand_id',
  'm.category_code',
  'm.code',
  'm.name',
  'm.name_en',
  'm.specs',
  'm.launched_on',
  'm.status',
  'm.created_at',
  'm.updated_at',
] as const;

const partColumns = [
  'p.id',
  'p.brand_id',
  'p.category_code',
  'p.code',
  'p.name',
  'p.is_main_part',
  'p.price_fen',
  'p.warranty_term_months',
  'p.status',
  'p.created_at',
  'p.updated_at',
] as const;

export async function findModel(db: Tx, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('product_models as m')
    .select(modelColumns)
    .where('m.id', '=', id)
    .where(brandFilter(scope, sql.ref('m.brand_id')));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function findPart(db: Tx, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('parts as p')
    .select(partColumns)
    .where('p.id', '=', id)
    .where(brandFilter(scope, sql.ref('p.brand_id')));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

interface ListQuery {
  page: number;
  pageSize: number;
  brandId?: string | undefined;
  categoryCode?: string | undefined;
  q?: string | undefined;
  status?: string | undefined;
}

/** Full-text on name and code (CJK bigrams, latin and digit prefixes: "KFR-35" finds KFR-35GW/BpR3). */
function textMatch(alias: 'm' | 'p', q: string) {
  const tsq = searchQuery(q);
  return tsq ? sql<SqlBool>`${sql.ref(`${alias}.search`)} @@ to_tsquery('simple', ${tsq})` : sql<SqlBool>`true`;
}

export async function listModels(db: Tx, scope: Scope, q: ListQuery) {
  let base = db.selectFrom('product_models as m').where(brandFilter(scope, sql.ref('m.brand_id')));
  if (q.brandId) base = base.where('m.brand_id', '=', q.brandId);
  if (q.categoryCode) base = base.where('m.category_code', '=', q.categoryCode);
  if (q.status) base = base.where('m.status', '=', q.status);
  if (q.q) base = base.where(textMatch('m', q.q));
  return paginate(base.select(modelColumns).orderBy('m.code').orderBy('m.id'), base, q);
}

export async function listParts(
  db: Tx,
  scope: Scope,
  q: ListQuery & { mainPart?: boolean | undefined; modelId?: string | undefined },
) {
  let base = db.selectFrom('parts as p').where(brandFilter(scope, sql.ref('p.brand_id')));
  if (q.brandId) base = base.where('p.brand_id', '=', q.brandId);
  if (q.categoryCode) base = base.where('p.category_code', '=', q.categoryCode);
  if (q.status) base = base.where('p.status', '=', q.status);
  if (q.mainPart !== undefined) base = base.where('p.is_main_part', '=', q.mainPart);
  if (q.modelId) {
    const modelId = q.modelId;
    base = base.where('p.id', 'in', (eb) =>
      eb.selectFrom('model_parts').select('part_id').where('model_id', '=', modelId),
    );
  }
  if (q.q) base = base.where(textMatch('p', q.q));
  return paginate(base.select(partColumns).orderBy('p.code').orderBy('p.id'), base, q);
}

/** Model ids of each part, for the presenter. */
export async function modelIdsOf(db: Tx, partIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(partIds.map((id) => [id, []]));
  if (partIds.length === 0) return out;
  const rows = await db
    .selectFrom('model_parts')
    .select(['part_id', 'model_id'])
    .where('part_id', 'in', partIds)
    .orderBy('model_id')
    .execute();
  for (const r of rows) out.get(r.part_id)?.push(r.model_id);
  return out;
}

/** Is the category one of the brand's? */
export async function brandHasCategory(db: Tx, brandId: string, categoryCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('brand_categories')
    .select('code')
    .where('brand_id', '=', brandId)
    .where('code', '=', categoryCode)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the brand already has a model or part with this code (codes are unique per brand). */
export async function catalogCodeTaken(
  db: Tx,
  table: 'product_models' | 'parts',
  brandId: string,
  code: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('brand_id', '=', brandId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Of these model ids, the ones that are not models of the brand. */
export async function foreignModels(db: Tx, brandId: string, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db
    .selectFrom('product_models')
    .select('id')
    .where('brand_id', '=', brandId)
    .where('id', 'in', ids)
    .execute();
  const ok = new Set(found.map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}
