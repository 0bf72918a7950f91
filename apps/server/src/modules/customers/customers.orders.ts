import type { orderSummary } from '@aftercare/contracts';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { orderFilter } from '../work-orders/index.ts';

/** Orders per customer shown with the screen pop: open ones and the latest contacts, newest first. */
const LIMIT_PER_LOOKUP = 100;

export async function ordersOfCustomers(db: Tx, scope: Scope, customerIds: string[]) {
  if (customerIds.length === 0) return [];
  return db
    .selectFrom('work_orders')
    .select(['id', 'number', 'type', 'channel', 'status', 'disposition', 'product_id', 'customer_id', 'created_at'])
    .where('customer_id', 'in', customerIds)
    .where(orderFilter(scope))
    .orderBy('created_at', 'desc')
    .limit(LIMIT_PER_LOOKUP)
    .execute();
}

type Row = Awaited<ReturnType<typeof ordersOfCustomers>>[number];

export function presentOrderSummary(r: Row): z.infer<typeof orderSummary> {
  return {
    id: r.id,
    number: r.number,
    type: r.type,
    channel: r.channel,
    status: r.status,
    disposition: r.disposition,
    productId: r.product_id,
    createdAt: r.created_at.toISOString(),
  };
}
