// Click to call: a technician sees the customer's number masked and gets the full number only when
// they call from a job of theirs that is still in service; every call is on the timeline and in the
// audit log, so a number is never handed out without a trace.
import type { OrderStatus } from '@aftercare/contracts';
import type { Principal } from '../../../platform/access/principal.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { CommandDeps } from '../../../platform/context.ts';
import { AppError, CommonErrors } from '../../../platform/errors.ts';
import { WorkOrderErrors } from '../work-orders.errors.ts';
import { lockOrder } from '../work-orders.repository.ts';
import { appendEvent, stepActor } from './step.ts';

/** From acceptance until the visit's outcome: the statuses in which the job may need a call. */
export const CALLABLE: readonly OrderStatus[] = [
  'accepted',
  'booked',
  'on_the_way',
  'on_site',
  'waiting_parts',
  'returned_to_factory',
  'reopened',
];

export async function callCustomer(deps: CommandDeps, p: Principal, requestId: string | null, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    // The technician scope already narrows to their own jobs; anyone else with orders.visit must be assigned too.
    if (p.scope.technicianId !== order.technician_id) throw new AppError(CommonErrors.NOT_FOUND);
    if (!CALLABLE.includes(order.status as OrderStatus))
      throw new AppError(WorkOrderErrors.WORK_ORDER_CALL_CLOSED, { status: order.status });
    const actor = stepActor(p, requestId);
    // Not a change of the order (no new version): the technician's next step keeps its If-Match.
    await appendEvent(trx, deps.clock, actor, order, {
      action: 'note',
      from: null,
      to: null,
      data: { kind: 'contact_call' },
    });
    await writeAudit(trx, deps.clock, actor, {
      action: 'work_order.contact_call',
      entity: 'work_order',
      entityId: order.id,
      brandId: order.brand_id,
      outletId: order.outlet_id,
    });
    return { phone: order.contact_phone, tel: `tel:${order.contact_phone}` };
  });
}
