import type { outletCreate } from '@aftercare/contracts';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { brandFilter, canManageBrand, outletFilter } from '../network/scope.ts';
import { OutletErrors } from './outlets.errors.ts';

/**
 * The checks behind an outlet write. Each only reads, so a refused row leaves the caller's
 * transaction usable (the importer runs many rows in one).
 */
type Input = z.infer<typeof outletCreate>;

export interface LinkPlan {
  brandId: string;
  regionId: string | null;
  centerId: string | null;
}

export interface AuthorizationPlan {
  brandId: string;
  categoryCode: string;
  serviceType: string;
}

/**
 * Brand links: each brand visible (else 422) and managed by the caller (else 403); the region and
 * center belong to that brand, the center to that region. A center without a region places the
 * outlet in the center's region.
 */
export async function resolveLinks(trx: Transaction<DB>, scope: Scope, links: Input['brands']): Promise<LinkPlan[]> {
  const seen = new Set<string>();
  for (const l of links) {
    if (seen.has(l.brandId)) throw new AppError(OutletErrors.OUTLET_BRAND_DUPLICATE, { brandId: l.brandId });
    seen.add(l.brandId);
  }
  const brandIds = [...seen];
  const brands = await trx
    .selectFrom('brands')
    .select('id')
    .where('id', 'in', brandIds)
    .where(brandFilter(scope, sql.ref('brands.id')))
    .execute();
  const found = new Set(brands.map((b) => b.id));
  for (const id of brandIds) {
    if (!found.has(id)) throw new AppError(OutletErrors.OUTLET_BRAND_UNKNOWN, { brandId: id });
    if (!canManageBrand(scope, id)) throw new AppError(CommonErrors.FORBIDDEN);
  }
  const regionIds = links.flatMap((l) => (l.regionId ? [l.regionId] : []));
  const centerIds = links.flatMap((l) => (l.centerId ? [l.centerId] : []));
  const regions = regionIds.length
    ? await trx.selectFrom('regions').select(['id', 'brand_id']).where('id', 'in', regionIds).execute()
    : [];
  const centers = centerIds.length
    ? await trx
        .selectFrom('service_centers')
        .select(['id', 'brand_id', 'region_id'])
        .where('id', 'in', centerIds)
        .execute()
    : [];
  return links.map((l) => {
    let regionId = l.regionId ?? null;
    if (regionId && regions.find((r) => r.id === regionId)?.brand_id !== l.brandId) {
      throw new AppError(OutletErrors.OUTLET_REGION_NOT_IN_BRAND, { regionId, brandId: l.brandId });
    }
    const centerId = l.centerId ?? null;
    if (centerId) {
      const center = centers.find((c) => c.id === centerId);
      if (center?.brand_id !== l.brandId) {
        throw new AppError(OutletErrors.OUTLET_CENTER_NOT_IN_BRAND, { centerId, brandId: l.brandId });
      }
      if (regionId && center.region_id !== regionId) {
        throw new AppError(OutletErrors.OUTLET_CENTER_NOT_IN_REGION, { centerId, regionId });
      }
      regionId = center.region_id;
    }
    return { brandId: l.brandId, regionId, centerId };
  });
}

export async function checkDivision(trx: Transaction<DB>, code: string): Promise<void> {
  const row = await trx.selectFrom('divisions').select('code').where('code', '=', code).executeTakeFirst();
  if (!row) throw new AppError(OutletErrors.OUTLET_DIVISION_UNKNOWN, { code });
}

/** Coverage codes, deduplicated; every one must be a known division (any level). */
export async function checkCoverage(trx: Transaction<DB>, codes: string[]): Promise<string[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const rows = await trx.selectFrom('divisions').select('code').where('code', 'in', unique).execute();
  const known = new Set(rows.map((r) => r.code));
  const unknown = unique.filter((c) => !known.has(c));
  if (unknown.length) {
    throw new AppError(
      OutletErrors.OUTLET_COVERAGE_UNKNOWN,
      { codes: unknown.slice(0, 20).join(', ') },
      { codes: unknown },
    );
  }
  return unique;
}

/**
 * Authorizations, deduplicated: the brand must be one of `linked` (the outlet brands the caller
 * manages) and the category one of that brand's categories.
 */
export async function checkAuthorizations(
  trx: Transaction<DB>,
  auths: Input['authorizations'],
  linked: ReadonlySet<string>,
): Promise<AuthorizationPlan[]> {
  const byKey = new Map<string, AuthorizationPlan>();
  for (const a of auths) {
    if (!linked.has(a.brandId)) {
      throw new AppError(OutletErrors.OUTLET_AUTHORIZATION_BRAND_NOT_LINKED, { brandId: a.brandId });
    }
    byKey.set(`${a.brandId}|${a.categoryCode}|${a.serviceType}`, { ...a });
  }
  const plans = [...byKey.values()];
  if (plans.length === 0) return [];
  const categories = await trx
    .selectFrom('brand_categories')
    .select(['brand_id', 'code'])
    .where('brand_id', 'in', [...new Set(plans.map((a) => a.brandId))])
    .execute();
  const known = new Set(categories.map((c) => `${c.brand_id}|${c.code}`));
  for (const a of plans) {
    if (!known.has(`${a.brandId}|${a.categoryCode}`)) {
      throw new AppError(OutletErrors.OUTLET_CATEGORY_UNKNOWN, { brandId: a.brandId, categoryCode: a.categoryCode });
    }
  }
  return plans;
}

/** The parent must be an outlet the caller sees, and must not be the outlet itself or below it. */
export async function checkParent(
  trx: Transaction<DB>,
  scope: Scope,
  parentOutletId: string,
  selfId: string | null,
): Promise<void> {
  const parent = await trx
    .selectFrom('outlets')
    .select('id')
    .where('id', '=', parentOutletId)
    .where(outletFilter(scope, sql.ref('outlets.id')))
    .executeTakeFirst();
  if (!parent) throw new AppError(OutletErrors.OUTLET_PARENT_UNKNOWN, { parentOutletId });
  if (!selfId) return;
  // Walk up from the proposed parent; meeting the outlet itself means a cycle. Depth-capped so an
  // existing (corrupt) loop cannot spin forever.
  const chain = await trx
    .withRecursive('up(id, parent_outlet_id, depth)', (qc) =>
      qc
        .selectFrom('outlets')
        .select(['id', 'parent_outlet_id', sql<number>`1`.as('depth')])
        .where('id', '=', parentOutletId)
        .unionAll(
          qc
            .selectFrom('outlets')
            .innerJoin('up', 'up.parent_outlet_id', 'outlets.id')
            .select(['outlets.id', 'outlets.parent_outlet_id', sql<number>`up.depth + 1`.as('depth')])
            .where('up.depth', '<', 100),
        ),
    )
    .selectFrom('up')
    .select('id')
    .execute();
  if (chain.some((r) => r.id === selfId)) throw new AppError(OutletErrors.OUTLET_PARENT_CYCLE, { parentOutletId });
}

export function checkCoordinates(lat: number | null, lng: number | null): void {
  if ((lat === null) !== (lng === null)) throw new AppError(OutletErrors.OUTLET_COORDINATES_INCOMPLETE);
}
