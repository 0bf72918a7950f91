// Appointments (预约): a time window agreed with the customer. Booking replaces any window still
// active; every reschedule keeps the previous window (superseded) and records who asked and why.
import { APPOINTMENT_RULES, type bookBody, type rescheduleBody } from '@aftercare/contracts';
import type { z } from 'zod';
import type { Principal } from '../../../platform/access/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CommandDeps } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { type OrderRow, type Party, runStepAs } from '../../work-orders/index.ts';
import { VisitErrors } from '../visits.errors.ts';
import type { Trx } from '../visits.steps.ts';

const MINUTE = 60_000;

/** Windows start after now, last 30 minutes to 24 hours, and start within 90 days. */
export function checkWindow(clock: Clock, w: { start: string; end: string }) {
  const now = clock.now().getTime();
  const start = Date.parse(w.start);
  const minutes = (Date.parse(w.end) - start) / MINUTE;
  if (start <= now) throw new AppError(VisitErrors.VISIT_WINDOW_PAST);
  if (minutes < APPOINTMENT_RULES.minMinutes || minutes > APPOINTMENT_RULES.maxHours * 60)
    throw new AppError(VisitErrors.VISIT_WINDOW_LENGTH, {
      minMinutes: APPOINTMENT_RULES.minMinutes,
      maxHours: APPOINTMENT_RULES.maxHours,
    });
  if (start - now > APPOINTMENT_RULES.maxDaysAhead * 1440 * MINUTE)
    throw new AppError(VisitErrors.VISIT_WINDOW_TOO_FAR, { maxDaysAhead: APPOINTMENT_RULES.maxDaysAhead });
}

async function replaceActive(
  trx: Trx,
  clock: Clock,
  p: Principal,
  order: OrderRow,
  w: { start: string; end: string },
  requestedBy: 'customer' | 'outlet' | 'agent',
  reason: string | null,
) {
  const previous = await trx
    .updateTable('work_order_appointments')
    .set({ status: 'superseded' })
    .where('order_id', '=', order.id)
    .where('status', '=', 'active')
    .returning('id')
    .execute();
  const id = newId();
  await trx
    .insertInto('work_order_appointments')
    .values({
      id,
      order_id: order.id,
      brand_id: order.brand_id,
      window_start: w.start,
      window_end: w.end,
      status: 'active',
      requested_by: requestedBy,
      reason,
      created_by: p.via === 'api_key' ? null : p.userId,
      created_at: clock.now(),
    })
    .execute();
  return {
    appointmentId: id,
    previousAppointmentId: previous[0]?.id ?? null,
    start: new Date(w.start).toISOString(),
    end: new Date(w.end).toISOString(),
    requestedBy,
  };
}

const requesterOf = (party: Party) => (party === 'outlet' ? 'outlet' : party === 'customer' ? 'customer' : 'agent');

export function book(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof bookBody>,
  expectedVersion: number | null,
) {
  return runStepAs(deps, p, requestId, id, 'book', async (trx, order, party) => {
    checkWindow(deps.clock, body);
    const data = await replaceActive(trx, deps.clock, p, order, body, requesterOf(party), null);
    return { data, expectedVersion };
  });
}

export function reschedule(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof rescheduleBody>,
  expectedVersion: number | null,
) {
  return runStepAs(deps, p, requestId, id, 'reschedule', async (trx, order, party) => {
    checkWindow(deps.clock, body);
    // A customer changes their own appointment; staff record whoever asked.
    if (party === 'customer' && body.requestedBy !== 'customer')
      throw new AppError(VisitErrors.VISIT_REQUESTER_MISMATCH);
    const data = await replaceActive(trx, deps.clock, p, order, body, body.requestedBy, body.reason);
    return { data, reason: body.reason, expectedVersion };
  });
}
