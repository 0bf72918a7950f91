// Reads of section G, filtered by the caller's scope through the order they belong to.
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { orderFilter } from '../work-orders/index.ts';

/** The milestones of an order the caller sees (undefined: not theirs → 404), the engine's explanation holds each one's name. */
export async function milestonesOfOrder(db: Tx, scope: Scope, orderId: string) {
  const order = await db
    .selectFrom('work_orders')
    .select('id')
    .where('id', '=', orderId)
    .where(orderFilter(scope))
    .executeTakeFirst();
  if (!order) return undefined;
  const rows = await db
    .selectFrom('sla_milestones')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('started_at')
    .orderBy('milestone_key')
    .execute();
  return rows;
}

/** Which of `ids` the caller does not see (any → 404 for the whole request). */
export async function invisibleOrders(db: Tx, scope: Scope, ids: string[]): Promise<string[]> {
  const seen = await db
    .selectFrom('work_orders')
    .select('id')
    .where('id', 'in', ids)
    .where(orderFilter(scope))
    .execute();
  const ok = new Set(seen.map((r) => r.id));
  return ids.filter((id) => !ok.has(id));
}
