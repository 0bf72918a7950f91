// Staff notes on the timeline and cancelling an order: commands, so the route stays validate →
// authorize → command → present.
import type { Principal } from '../../../platform/access/principal.ts';
import type { CommandDeps } from '../../../platform/context.ts';
import { AppError, CommonErrors } from '../../../platform/errors.ts';
import { partiesOf } from '../work-orders.presenter.ts';
import { lockOrder, type OrderRow } from '../work-orders.repository.ts';
import { appendEvent, runStep, stepActor } from './step.ts';

/** A note on the staff timeline: a change of the order (new version), its status unchanged. */
export async function addNote(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  text: string,
): Promise<OrderRow> {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    // Notes are staff's: a customer writes through complaints and the H5 page, not the timeline.
    if (!partiesOf(p).some((x) => x !== 'customer')) throw new AppError(CommonErrors.FORBIDDEN);
    await appendEvent(trx, deps.clock, stepActor(p, requestId), order, {
      action: 'note',
      from: null,
      to: null,
      reason: text,
    });
    return trx
      .updateTable('work_orders')
      .set({ version: order.version + 1, updated_at: deps.clock.now() })
      .where('id', '=', order.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
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
