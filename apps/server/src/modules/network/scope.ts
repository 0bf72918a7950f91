import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { DB } from '../../platform/db/schema.ts';
import { uuidList } from '../../platform/db/uuid-list.ts';

/**
 * Row filters for the network tables, one per table, applied to every read and write. Brand-level
 * scopes see their brands' network; region scopes only the outlets placed in their regions; outlet
 * and technician scopes only their own outlet; customers none of it.
 */

const NONE = sql<SqlBool>`false`;
const ALL = sql<SqlBool>`true`;

/** Brands a scope may see. */
export function brandFilter(scope: Scope, idColumn: Expression<string>): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return ALL;
    case 'brand':
    case 'region':
      return sql<SqlBool>`${idColumn} = ANY(${uuidList(scope.brandIds)})`;
    case 'outlet':
    case 'technician':
      return sql<SqlBool>`${idColumn} IN (SELECT brand_id FROM brand_outlets WHERE outlet_id = ${scope.outletId})`;
    default:
      return NONE;
  }
}

/** Outlets a scope may see (by the outlet id column of any table). */
export function outletFilter(scope: Scope, outletIdColumn: Expression<string>): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return ALL;
    case 'brand':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM brand_outlets bo WHERE bo.outlet_id = ${outletIdColumn} AND bo.brand_id = ANY(${uuidList(scope.brandIds)}))`;
    case 'region':
      return sql<SqlBool>`EXISTS (SELECT 1 FROM brand_outlets bo WHERE bo.outlet_id = ${outletIdColumn} AND bo.region_id = ANY(${uuidList(scope.regionIds)}))`;
    case 'outlet':
    case 'technician':
      return scope.outletId ? sql<SqlBool>`${outletIdColumn} = ${scope.outletId}` : NONE;
    default:
      return NONE;
  }
}

/** Technicians a scope may see: the outlet filter, narrowed to oneself for a technician. */
export function technicianFilter(
  scope: Scope,
  idColumn: Expression<string>,
  outletIdColumn: Expression<string>,
): Expression<SqlBool> {
  if (scope.kind === 'technician') {
    return scope.technicianId ? sql<SqlBool>`${idColumn} = ${scope.technicianId}` : NONE;
  }
  return outletFilter(scope, outletIdColumn);
}

/** Regions and service centers: by brand, and for a region scope only its own regions. */
export function regionFilter(scope: Scope, regionIdColumn: Expression<string>, brandIdColumn: Expression<string>) {
  if (scope.kind === 'region') return sql<SqlBool>`${regionIdColumn} = ANY(${uuidList(scope.regionIds)})`;
  if (scope.kind === 'outlet' || scope.kind === 'technician') {
    return sql<SqlBool>`${regionIdColumn} IN (SELECT region_id FROM brand_outlets WHERE outlet_id = ${scope.outletId} AND region_id IS NOT NULL)`;
  }
  return brandFilter(scope, brandIdColumn);
}

/** May this scope manage (write) data of the given brand? Outlet-level scopes never manage brands. */
export function canManageBrand(scope: Scope, brandId: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'brand') return scope.brandIds.includes(brandId);
  return false;
}

export type { DB, ExpressionBuilder };
