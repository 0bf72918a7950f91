import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import { brandFilter } from '../network/scope.ts';

/**
 * Which customers and installed products a scope sees. Brand and region scopes: their brands'
 * customers (a region scope sees the same brands' customers for now, since customers are not placed
 * in regions yet). Outlet scope: customers owning a product the outlet installed, and those products.
 * and customers (and products) of the work orders offered to or held by the outlet. Technicians:
 * the customers and products of the jobs assigned to them. Customer scope: the user's own record.
 */
const NONE = sql<SqlBool>`false`;
const ALL = sql<SqlBool>`true`;

export function customerFilter(
  scope: Scope,
  idColumn: Expression<string>,
  brandIdColumn: Expression<string>,
): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return ALL;
    case 'brand':
    case 'region':
      return brandFilter(scope, brandIdColumn);
    case 'outlet':
      return scope.outletId
        ? sql<SqlBool>`(EXISTS (SELECT 1 FROM installed_products ip WHERE ip.customer_id = ${idColumn} AND ip.installing_outlet_id = ${scope.outletId})
            OR EXISTS (SELECT 1 FROM work_orders wo WHERE wo.customer_id = ${idColumn} AND wo.outlet_id = ${scope.outletId}))`
        : NONE;
    case 'technician':
      return scope.technicianId
        ? sql<SqlBool>`EXISTS (SELECT 1 FROM work_orders wo WHERE wo.customer_id = ${idColumn} AND wo.technician_id = ${scope.technicianId})`
        : NONE;
    case 'customer':
      return scope.customerId ? sql<SqlBool>`${idColumn} = ${scope.customerId}` : NONE;
    default:
      return NONE;
  }
}

export function productFilter(
  scope: Scope,
  idColumn: Expression<string>,
  customerIdColumn: Expression<string>,
  brandIdColumn: Expression<string>,
  outletIdColumn: Expression<string | null>,
): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return ALL;
    case 'brand':
    case 'region':
      return brandFilter(scope, brandIdColumn);
    case 'outlet':
      return scope.outletId
        ? sql<SqlBool>`(${outletIdColumn} = ${scope.outletId} OR EXISTS (SELECT 1 FROM work_orders wo WHERE wo.product_id = ${idColumn} AND wo.outlet_id = ${scope.outletId}))`
        : NONE;
    case 'technician':
      return scope.technicianId
        ? sql<SqlBool>`EXISTS (SELECT 1 FROM work_orders wo WHERE wo.product_id = ${idColumn} AND wo.technician_id = ${scope.technicianId})`
        : NONE;
    case 'customer':
      return scope.customerId ? sql<SqlBool>`${customerIdColumn} = ${scope.customerId}` : NONE;
    default:
      return NONE;
  }
}

/** May this scope write customers and products of the brand (given customers.write)? */
export function canWriteCustomers(scope: Scope, brandId: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'brand' || scope.kind === 'region') return scope.brandIds.includes(brandId);
  return false;
}
