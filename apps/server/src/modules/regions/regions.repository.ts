import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { likePattern } from '../../platform/db/like.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { regionFilter } from '../network/scope.ts';

export type RegionRow = Awaited<ReturnType<typeof findRegion>> & {};

/** A region the scope may see; `forUpdate` locks the row for a command. */
export async function findRegion(db: Tx, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('regions')
    .selectAll()
    .where('id', '=', id)
    .where(regionFilter(scope, sql.ref('regions.id'), sql.ref('regions.brand_id')));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listRegions(
  db: Tx,
  scope: Scope,
  q: {
    page: number;
    pageSize: number;
    brandId?: string | undefined;
    q?: string | undefined;
    status?: string | undefined;
  },
) {
  let base = db.selectFrom('regions').where(regionFilter(scope, sql.ref('regions.id'), sql.ref('regions.brand_id')));
  if (q.brandId) base = base.where('brand_id', '=', q.brandId);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) {
    // Dozens of regions per brand: a scan is fine here.
    const like = likePattern(q.q);
    base = base.where((eb) => eb.or([eb('code', 'ilike', like), eb('name', 'ilike', like)]));
  }
  return paginate(base.selectAll().orderBy('code').orderBy('id'), base, q);
}

/** Codes in the list that are not province-level divisions. */
export async function nonProvinces(db: Tx, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await db
    .selectFrom('divisions')
    .select('code')
    .where('code', 'in', codes)
    .where('level', '=', 1)
    .execute();
  const ok = new Set(found.map((r) => r.code));
  return codes.filter((c) => !ok.has(c));
}
