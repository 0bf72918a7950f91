import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { brandFilter, outletFilter, regionFilter } from './scope.ts';

/**
 * Lookups a network command makes before it writes: the parent it hangs a record on, when the scope
 * may see it (undefined when it does not exist or is out of scope; the command decides what that
 * answers), and whether a code is still free.
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

/** Whether the brand already has a region or service center with this code (codes are unique per brand). */
export async function codeTakenInBrand(
  db: Tx,
  table: 'regions' | 'service_centers',
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
