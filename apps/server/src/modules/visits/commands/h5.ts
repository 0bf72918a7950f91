// The customer's actions on the H5 page (reached by the secret link of their SMS, no account): accept
// or decline the quote, and confirm that the service was done.
import { AppError } from '../../../platform/errors.ts';
import { appendEvent } from '../../work-orders/index.ts';
import { VisitErrors } from '../visits.errors.ts';
import { countNotes, type VisitDeps } from '../visits.repository.ts';
import { h5Actor, lockByToken } from '../visits.steps.ts';
import { decideQuoteTx } from './charges.ts';

const CONFIRMED = 'customer_confirmed';

export function h5DecideQuote(deps: VisitDeps, token: string, requestId: string | null, accept: boolean) {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockByToken(trx, token);
    return decideQuoteTx(trx, deps.clock, h5Actor(order, requestId), order, 'customer', accept, 'customer:h5', null);
  });
}

/** The customer confirms completion on the timeline: once, while the order is resolved. */
export function h5Confirm(deps: VisitDeps, token: string, requestId: string | null) {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockByToken(trx, token);
    if (order.status !== 'resolved') throw new AppError(VisitErrors.VISIT_NOT_RESOLVED);
    if ((await countNotes(trx, order.id, CONFIRMED, order.resolved_at)) > 0)
      throw new AppError(VisitErrors.VISIT_ALREADY_CONFIRMED);
    await appendEvent(trx, deps.clock, h5Actor(order, requestId), order, {
      action: 'note',
      from: null,
      to: null,
      data: { kind: CONFIRMED },
    });
    return { confirmedAt: deps.clock.now().toISOString() };
  });
}
