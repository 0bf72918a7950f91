// Staff notes on the timeline and cancelling an order: commands, so the route stays validate →
// authorize → command → present.
import type { Principal } from '../../../platform/access/principal.ts';
import type { CommandDeps } from '../../../platform/context.ts';
import type { OrderRow } from '../work-orders.repository.ts';
import { runStep, runStepAs, stepActor } from './step.ts';

/**
 * A note on the staff timeline: a `note` step (status kept, new version). Notes are staff's — a
 * customer has no party for it (403) and writes through complaints and the H5 page instead.
 */
export async function addNote(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  text: string,
): Promise<OrderRow> {
  return runStepAs(deps, p, requestId, id, 'note', () => ({ reason: text }));
}

/** Cancels before anyone is on site; a pending offer is withdrawn with it (rolled back if refused). */
export async function cancelOrder(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  reason: string,
  expectedVersion: number | null,
): Promise<OrderRow> {
  return runStep(deps, stepActor(p, requestId), p.scope, id, 'cancel', 'desk', async (trx, order) => {
    await trx
      .updateTable('work_order_offers')
      .set({ status: 'withdrawn', reason: 'order_cancelled', responded_at: deps.clock.now() })
      .where('order_id', '=', order.id)
      .where('status', '=', 'pending')
      .execute();
    return { reason, expectedVersion, patch: { offer_expires_at: null } };
  });
}
