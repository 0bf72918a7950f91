import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import { uuidList } from '../../platform/db/uuid-list.ts';
import { brandFilter } from '../network/scope.ts';

const NONE = sql<SqlBool>`false`;
const ALL = sql<SqlBool>`true`;

/**
 * Which work orders a scope sees (section E, principle 4). Brand scopes: their brands' orders.
 * Region scopes: their brands' orders held by an outlet of their regions, or held by none yet and
 * addressed in one of their regions' provinces.
 * An outlet: orders offered to it or owned by it (work_orders.outlet_id) — never one offered to or
 * owned by another outlet. A technician: the jobs assigned to them. A customer: their own orders.
 */
export function orderFilter(scope: Scope, t = 'work_orders'): Expression<SqlBool> {
  const col = (c: string) => sql.ref(`${t}.${c}`);
  switch (scope.kind) {
    case 'all':
      return ALL;
    case 'brand':
      return brandFilter(scope, col('brand_id') as Expression<string>);
    case 'region':
      // Placed by the outlet in charge (as outlets are placed in regions); an order no outlet holds
      // yet, by the province of its service address.
      return sql<SqlBool>`(${brandFilter(scope, col('brand_id') as Expression<string>)} AND CASE WHEN ${col('outlet_id')} IS NOT NULL
        THEN EXISTS (SELECT 1 FROM brand_outlets bo WHERE bo.outlet_id = ${col('outlet_id')} AND bo.brand_id = ${col('brand_id')} AND bo.region_id = ANY(${uuidList(scope.regionIds)}))
        ELSE substr(${col('division_code')}, 1, 2) IN (SELECT substr(unnest(r.province_codes), 1, 2) FROM regions r WHERE r.id = ANY(${uuidList(scope.regionIds)}) AND r.brand_id = ${col('brand_id')}) END)`;
    case 'outlet':
      return scope.outletId ? sql<SqlBool>`${col('outlet_id')} = ${scope.outletId}` : NONE;
    case 'technician':
      return scope.technicianId ? sql<SqlBool>`${col('technician_id')} = ${scope.technicianId}` : NONE;
    case 'customer':
      return scope.customerId ? sql<SqlBool>`${col('customer_id')} = ${scope.customerId}` : NONE;
    default:
      return NONE;
  }
}
