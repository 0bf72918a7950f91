// Pausing and resuming an order's SLA clock (section G): `pause_clock` with why (waiting for the
// customer, for parts) and `resume_clock`, both status-keeping steps on the timeline. Whether the
// clock is paused is read from the history itself, as the engine reads it: the latest pause, resume or
// status change decides (a status change ends a manual pause, except a dispatch reshuffle — a pause
// survives a redirect).
import type { ClockBody, PauseReason } from '@aftercare/contracts';
import { sql, type Transaction } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { type OrderRow, runStepAs } from '../work-orders/index.ts';
import { SlaErrors } from './sla.errors.ts';

type Trx = Transaction<DB>;

/** Steps that move an order between outlets; they do not end a pause (packages/policy/src/sla/engine.ts). */
const DISPATCH_ACTIONS = ['offer', 'accept', 'refuse', 'expire', 'redirect', 'return_to_board', 'assign'];

/** The reason of the manual pause in force, or null when the clock runs. */
export async function manualPause(trx: Trx, orderId: string): Promise<PauseReason | null> {
  const last = await trx
    .selectFrom('work_order_events')
    .select(['action', 'data'])
    .where('order_id', '=', orderId)
    .where(
      sql<boolean>`(action IN ('pause_clock', 'resume_clock') OR (to_status IS NOT NULL
        AND from_status IS DISTINCT FROM to_status AND action NOT IN (${sql.join(DISPATCH_ACTIONS)})))`,
    )
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last?.action !== 'pause_clock') return null;
  return ((last.data as { pauseReason?: PauseReason } | null)?.pauseReason ?? 'waiting_customer') as PauseReason;
}

/** Pauses (with a reason) or resumes the order's SLA clock; 409 when it already is in that state. */
export function clockStep(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: ClockBody,
  expectedVersion: number | null,
): Promise<OrderRow> {
  const action = body.action === 'pause' ? 'pause_clock' : 'resume_clock';
  return runStepAs(deps, p, requestId, id, action, async (trx, order) => {
    const paused = await manualPause(trx, order.id);
    if (action === 'pause_clock') {
      if (!body.pauseReason) throw new AppError(SlaErrors.SLA_PAUSE_REASON_REQUIRED);
      // The same reason again changes nothing; another reason replaces it (waiting for the customer → parts).
      if (paused === body.pauseReason) throw new AppError(SlaErrors.SLA_CLOCK_ALREADY_PAUSED, { pauseReason: paused });
      return { reason: body.reason ?? null, expectedVersion, data: { pauseReason: body.pauseReason } };
    }
    if (!paused) throw new AppError(SlaErrors.SLA_CLOCK_NOT_PAUSED);
    return { reason: body.reason ?? null, expectedVersion, data: { pausedFor: paused } };
  });
}
