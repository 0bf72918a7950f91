// Reads for warranty evaluation: the brand (within the caller's scope) with its policy pack, and the
// brand's catalog parts named in a request.
import { sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { brandFilter } from '../network/scope.ts';

/** The brand, when the scope may see it, with its code and policy pack. */
export async function brandForWarranty(db: Tx, scope: Scope, brandId: string) {
  return db
    .selectFrom('brands')
    .select(['id', 'code', 'policy_pack'])
    .where('id', '=', brandId)
    .where(brandFilter(scope, sql.ref('brands.id')))
    .executeTakeFirst();
}

/** The brand's pack id, for a product already found within scope. */
export async function brandById(db: Tx, brandId: string) {
  return db.selectFrom('brands').select(['id', 'code', 'policy_pack']).where('id', '=', brandId).executeTakeFirst();
}

/** The brand's catalog parts with these codes (main-part flag and own warranty term). */
export async function catalogParts(db: Tx, brandId: string, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('parts')
    .select(['code', 'category_code', 'is_main_part', 'warranty_term_months'])
    .where('brand_id', '=', brandId)
    .where('code', 'in', codes)
    .execute();
}

/** The active (not voided) entitlement uses of a product, oldest first. */
export async function activeEntitlementUses(db: Tx, productId: string) {
  return db
    .selectFrom('entitlement_uses')
    .select(['id', 'entitlement_code', 'used_on'])
    .where('product_id', '=', productId)
    .where('status', '=', 'active')
    .orderBy('used_on')
    .orderBy('created_at')
    .execute();
}

export async function entitlementUses(db: Tx, productId: string) {
  return db
    .selectFrom('entitlement_uses')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('used_on')
    .orderBy('created_at')
    .execute();
}
