// Appeal, review and confirmation of assessment slips: one transaction each, the slip locked within
// the caller's scope (foreign → 404), with an audit row and an outbox event.
import type { slipAppealBody, slipConfirmBody, slipReviewBody } from '@aftercare/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type Actor, actorOf, type Principal, systemActor } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { AssessmentErrors } from './assessments.errors.ts';
import { lockSlip, type SlipRow } from './assessments.repository.ts';

type Trx = Transaction<DB>;
const userOf = (p: Principal) => (p.via === 'api_key' ? null : p.userId);

async function record(trx: Trx, clock: Clock, actor: Actor, before: SlipRow, after: SlipRow, action: string) {
  await writeAudit(trx, clock, actor, {
    action: `assessment_slip.${action}`,
    entity: 'assessment_slip',
    entityId: after.id,
    brandId: after.brand_id,
    outletId: after.outlet_id,
    before,
    after,
  });
  await emitEvent(trx, clock, {
    type: `assessment.slip_${after.status}`,
    aggregateType: 'assessment_slip',
    aggregateId: after.id,
    brandId: after.brand_id,
    outletId: after.outlet_id,
    payload: {
      number: after.number,
      orderId: after.order_id,
      party: after.party,
      userId: after.user_id,
      amountFen: after.amount_fen,
      status: after.status,
      from: before.status,
      by: actor.type === 'system' ? 'system' : actor.id,
    },
  });
}

async function withSlip<T>(
  deps: CommandDeps,
  p: Principal,
  id: string,
  fn: (trx: Trx, slip: SlipRow, now: Date) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const slip = await lockSlip(trx, p.scope, id);
    if (!slip) throw new AppError(CommonErrors.NOT_FOUND);
    return fn(trx, slip, deps.clock.now());
  });
}

/** The outlet's appeal with its evidence, within the appeal window of an open slip. */
export async function appealSlip(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof slipAppealBody>,
) {
  await withSlip(deps, p, id, async (trx, slip, now) => {
    if (slip.status !== 'open') throw new AppError(AssessmentErrors.SLIP_NOT_OPEN, { status: slip.status });
    if (now >= slip.appeal_due_at)
      throw new AppError(AssessmentErrors.SLIP_APPEAL_CLOSED, { dueAt: slip.appeal_due_at.toISOString() });
    const after = await trx
      .updateTable('assessment_slips')
      .set({
        status: 'appealed',
        appeal_text: body.text,
        appeal_evidence: JSON.stringify(body.evidence),
        appealed_by: userOf(p),
        appealed_at: now,
        updated_at: now,
      })
      .where('id', '=', slip.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await record(trx, deps.clock, actorOf(p, requestId), slip, after, 'appeal');
  });
}

/** A reviewer's decision on an appeal: accepted withdraws the slip, rejected confirms it. */
export async function reviewSlip(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof slipReviewBody>,
) {
  await withSlip(deps, p, id, async (trx, slip, now) => {
    if (slip.status !== 'appealed') throw new AppError(AssessmentErrors.SLIP_NOT_APPEALED, { status: slip.status });
    const after = await trx
      .updateTable('assessment_slips')
      .set({
        status: body.decision === 'accept_appeal' ? 'withdrawn' : 'confirmed',
        reviewed_by: userOf(p),
        reviewed_at: now,
        review_note: body.note ?? null,
        updated_at: now,
      })
      .where('id', '=', slip.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await record(trx, deps.clock, actorOf(p, requestId), slip, after, 'review');
  });
}

/** A reviewer confirms an open slip without waiting for the appeal window. */
export async function confirmSlip(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof slipConfirmBody>,
) {
  await withSlip(deps, p, id, async (trx, slip, now) => {
    if (slip.status !== 'open') throw new AppError(AssessmentErrors.SLIP_NOT_OPEN, { status: slip.status });
    const after = await trx
      .updateTable('assessment_slips')
      .set({
        status: 'confirmed',
        reviewed_by: userOf(p),
        reviewed_at: now,
        review_note: body.note ?? null,
        updated_at: now,
      })
      .where('id', '=', slip.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await record(trx, deps.clock, actorOf(p, requestId), slip, after, 'confirm');
  });
}

/**
 * Confirms up to `limit` open slips whose appeal window has passed, in one transaction. The batch is
 * claimed with FOR UPDATE SKIP LOCKED, so two workers take different slips, and a slip confirmed by
 * the first is no longer open for the second; a crash rolls the whole batch back to open.
 */
export async function confirmLapsedSlips(db: Database, clock: Clock, limit = 100): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = clock.now();
    const due = await trx
      .selectFrom('assessment_slips')
      .selectAll()
      .where('status', '=', 'open')
      .where('appeal_due_at', '<=', now)
      .orderBy('appeal_due_at')
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    for (const slip of due) {
      const after = await trx
        .updateTable('assessment_slips')
        .set({ status: 'confirmed', reviewed_at: now, review_note: 'appeal_window_lapsed', updated_at: now })
        .where('id', '=', slip.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await record(trx, clock, systemActor, slip, after, 'auto_confirm');
    }
    return due.length;
  });
}
