import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import { uuidList } from '../../platform/db/uuid-list.ts';
import { orderFilter } from '../work-orders/index.ts';

/**
 * Slips a scope may see: a brand scope its brands' slips; a region scope the slips against outlets of
 * its regions, and agents' slips on orders it sees; an outlet scope only the slips against its own
 * outlet; everyone else (technicians, customers) none. Remedies are the brand's business: brand
 * scopes see their brands', region scopes those on orders they see, outlets none.
 */

const orderVisible = (scope: Scope, orderId: Expression<string>) =>
  sql<SqlBool>`EXISTS (SELECT 1 FROM work_orders wo WHERE wo.id = ${orderId} AND ${orderFilter(scope, 'wo')})`;

/** `t`: the alias of assessment_slips in the query. */
export function slipFilter(scope: Scope, t: string): Expression<SqlBool> {
  const col = (c: string) => sql.ref(`${t}.${c}`);
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'brand':
      return sql<SqlBool>`${col('brand_id')} = ANY(${uuidList(scope.brandIds)})`;
    case 'region':
      return sql<SqlBool>`(${col('brand_id')} = ANY(${uuidList(scope.brandIds)}) AND CASE WHEN ${col('outlet_id')} IS NOT NULL
        THEN EXISTS (SELECT 1 FROM brand_outlets bo WHERE bo.outlet_id = ${col('outlet_id')} AND bo.brand_id = ${col('brand_id')} AND bo.region_id = ANY(${uuidList(scope.regionIds)}))
        ELSE ${orderVisible(scope, col('order_id') as Expression<string>)} END)`;
    case 'outlet':
      return scope.outletId ? sql<SqlBool>`${col('outlet_id')} = ${scope.outletId}` : sql<SqlBool>`false`;
    default:
      return sql<SqlBool>`false`;
  }
}

/** `t`: the alias of remedy_proposals in the query. */
export function remedyFilter(scope: Scope, t: string): Expression<SqlBool> {
  const col = (c: string) => sql.ref(`${t}.${c}`);
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'brand':
      return sql<SqlBool>`${col('brand_id')} = ANY(${uuidList(scope.brandIds)})`;
    case 'region':
      return sql<SqlBool>`(${col('brand_id')} = ANY(${uuidList(scope.brandIds)}) AND ${orderVisible(scope, col('order_id') as Expression<string>)})`;
    default:
      return sql<SqlBool>`false`;
  }
}
