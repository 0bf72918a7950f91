import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { likePattern } from '../../platform/db/like.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { regionFilter } from '../network/scope.ts';

export type ServiceCenterRow = Awaited<ReturnType<typeof findServiceCenter>> & {};

const scoped = (scope: Scope) =>
  regionFilter(scope, sql.ref('service_centers.region_id'), sql.ref('service_centers.brand_id'));

/** A service center the scope may see; `forUpdate` locks the row for a command. */
export async function findServiceCenter(db: Tx, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('service_centers').selectAll().where('id', '=', id).where(scoped(scope));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function listServiceCenters(
  db: Tx,
  scope: Scope,
  q: {
    page: number;
    pageSize: number;
    brandId?: string | undefined;
    regionId?: string | undefined;
    q?: string | undefined;
    status?: string | undefined;
  },
) {
  let base = db.selectFrom('service_centers').where(scoped(scope));
  if (q.brandId) base = base.where('brand_id', '=', q.brandId);
  if (q.regionId) base = base.where('region_id', '=', q.regionId);
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) {
    // Tens to hundreds per brand: a scan is fine here.
    const like = likePattern(q.q);
    base = base.where((eb) => eb.or([eb('code', 'ilike', like), eb('name', 'ilike', like)]));
  }
  return paginate(base.selectAll().orderBy('code').orderBy('id'), base, q);
}

export async function divisionExists(db: Tx, code: string): Promise<boolean> {
  const row = await db.selectFrom('divisions').select('code').where('code', '=', code).executeTakeFirst();
  return row !== undefined;
}
