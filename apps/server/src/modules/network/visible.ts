import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { brandFilter, outletFilter, regionFilter } from './scope.ts';

/**
 * The parent a command hangs a new network record on, when the scope may see it (undefined when it
 * does not exist or is out of scope; the command decides what that answers).
 */

/** The brand, when the scope may see it. */
export async function visibleBrand(db: Tx, scope: Scope, brandId: string) {
  return db
    .selectFrom('brands')
    .select(['id', 'status'])
    .where('id', '=', brandId)
    .where(brandFilter(scope, sql.ref('brands.id')))
    .executeTakeFirst();
}

/** The region, when the scope may see it. */
export async function visibleRegion(db: Tx, scope: Scope, regionId: string) {
  return db
    .selectFrom('regions')
    .select(['id', 'brand_id', 'status'])
    .where('id', '=', regionId)
    .where(regionFilter(scope, sql.ref('regions.id'), sql.ref('regions.brand_id')))
    .executeTakeFirst();
}

/** The outlet, when the scope may see it (and so manage its technicians, given technicians.write). */
export async function visibleOutlet(db: Tx, scope: Scope, outletId: string) {
  return db
    .selectFrom('outlets')
    .select(['id', 'status'])
    .where('id', '=', outletId)
    .where(outletFilter(scope, sql.ref('outlets.id')))
    .executeTakeFirst();
}
