import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { likePattern } from '../../platform/db/like.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { brandFilter } from '../network/scope.ts';

export type BrandRow = Awaited<ReturnType<typeof findBrand>> & {};

export async function findBrand(db: Tx, scope: Scope, id: string) {
  return db
    .selectFrom('brands')
    .selectAll()
    .where('id', '=', id)
    .where(brandFilter(scope, sql.ref('brands.id')))
    .executeTakeFirst();
}

export async function listBrands(
  db: Tx,
  scope: Scope,
  q: { page: number; pageSize: number; q?: string | undefined; status?: string | undefined },
) {
  let base = db.selectFrom('brands').where(brandFilter(scope, sql.ref('brands.id')));
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) {
    // A handful of brands per installation: a scan is fine here.
    const like = likePattern(q.q);
    base = base.where((eb) =>
      eb.or([eb('code', 'ilike', like), eb('name', 'ilike', like), eb('name_en', 'ilike', like)]),
    );
  }
  return paginate(base.selectAll().orderBy('code'), base, q);
}

export async function categoriesOf(db: Tx, brandIds: string[]) {
  if (brandIds.length === 0) return [];
  return db.selectFrom('brand_categories').selectAll().where('brand_id', 'in', brandIds).orderBy('code').execute();
}
