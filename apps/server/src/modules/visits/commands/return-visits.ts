// Return visits (回访, section I in its first form): a task due after completion; the agent starts it,
// then records the outcome — satisfied closes the order, unsatisfied reopens it with the reason and
// notifies the owning outlet through the outbox, unreachable leaves the task open and counts the try.
import type { returnVisitOutcomeBody } from '@aftercare/contracts';
import type { z } from 'zod';
import type { Principal } from '../../../platform/access/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError, CommonErrors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { emitEvent } from '../../../platform/outbox.ts';
import {
  appendEvent,
  applyStep,
  lockOrder,
  type OrderRow,
  partyFor,
  runStepAs,
  stepActor,
} from '../../work-orders/index.ts';
import { VisitErrors } from '../visits.errors.ts';
import { countNotes, findTask, openTaskOf, type VisitDeps } from '../visits.repository.ts';
import type { Trx } from '../visits.steps.ts';

const UNREACHABLE = 'return_visit_unreachable';

/** The task for a resolved order, due `hours` after it was resolved (one open task per order). */
export async function createTaskTx(trx: Trx, clock: Clock, order: OrderRow, hours: number) {
  if (await openTaskOf(trx, order.id)) return;
  const resolvedAt = order.resolved_at ?? clock.now();
  await trx
    .insertInto('return_visit_tasks')
    .values({
      id: newId(),
      order_id: order.id,
      brand_id: order.brand_id,
      due_at: new Date(resolvedAt.getTime() + hours * 3_600_000),
      status: 'open',
      created_at: clock.now(),
    })
    .execute();
}

const userOf = (p: Principal) => (p.via === 'api_key' ? null : p.userId);

/** The task and its order, both visible to the caller and locked; the task must still be open. */
async function lockTask(trx: Trx, p: Principal, taskId: string) {
  const task = await findTask(trx, p.scope, taskId);
  if (!task) throw new AppError(CommonErrors.NOT_FOUND);
  const order = await lockOrder(trx, p.scope, task.order_id);
  if (!order) throw new AppError(CommonErrors.NOT_FOUND);
  const row = await trx
    .selectFrom('return_visit_tasks')
    .selectAll()
    .where('id', '=', taskId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (row.status !== 'open') throw new AppError(VisitErrors.RETURN_VISIT_NOT_OPEN);
  return { row, order };
}

export async function startReturnVisit(deps: VisitDeps, p: Principal, requestId: string | null, taskId: string) {
  await deps.db.transaction().execute(async (trx) => {
    const { row, order } = await lockTask(trx, p, taskId);
    const party = partyFor(p, 'start_return_visit');
    await trx
      .updateTable('return_visit_tasks')
      .set({ claimed_by: userOf(p) })
      .where('id', '=', row.id)
      .execute();
    await applyStep(trx, deps.clock, stepActor(p, requestId), order, 'start_return_visit', party, {
      data: { taskId: row.id },
    });
  });
  return (await findTask(deps.db, p.scope, taskId))!;
}

const joinNotes = (old: string | null, add: string | undefined) => (add ? (old ? `${old}\n${add}` : add) : old);

export async function recordOutcome(
  deps: VisitDeps,
  p: Principal,
  requestId: string | null,
  taskId: string,
  body: z.output<typeof returnVisitOutcomeBody>,
) {
  await deps.db.transaction().execute(async (trx) => {
    const { row, order } = await lockTask(trx, p, taskId);
    const actor = stepActor(p, requestId);
    const now = deps.clock.now();
    if (body.outcome === 'unreachable') {
      // Not an answer: the task stays open for another try; each try is on the timeline.
      partyFor(p, 'close');
      const attempt = (await countNotes(trx, order.id, UNREACHABLE, null, row.id)) + 1;
      await appendEvent(trx, deps.clock, actor, order, {
        action: 'note',
        from: null,
        to: null,
        reason: body.notes ?? null,
        data: { kind: UNREACHABLE, taskId: row.id, attempt },
      });
      await trx
        .updateTable('return_visit_tasks')
        .set({ notes: joinNotes(row.notes, body.notes), claimed_by: row.claimed_by ?? userOf(p) })
        .where('id', '=', row.id)
        .execute();
      return;
    }
    const action = body.outcome === 'satisfied' ? 'close' : 'reopen';
    const party = partyFor(p, action);
    await trx
      .updateTable('return_visit_tasks')
      .set({
        status: 'done',
        outcome: body.outcome,
        notes: joinNotes(row.notes, body.notes),
        done_at: now,
        done_by: userOf(p),
        claimed_by: row.claimed_by ?? userOf(p),
      })
      .where('id', '=', row.id)
      .execute();
    const updated = await applyStep(trx, deps.clock, actor, order, action, party, {
      reason: body.outcome === 'unsatisfied' ? body.reason : null,
      data: { taskId: row.id, outcome: body.outcome },
    });
    if (body.outcome === 'unsatisfied')
      await emitEvent(trx, deps.clock, {
        type: 'return_visit.unsatisfied',
        aggregateType: 'work_order',
        aggregateId: order.id,
        brandId: order.brand_id,
        outletId: updated.outlet_id,
        payload: {
          notify: 'outlet',
          outletId: updated.outlet_id,
          number: order.number,
          reason: body.reason,
          taskId: row.id,
        },
      });
  });
  return (await findTask(deps.db, p.scope, taskId))!;
}

/** A dispatcher (or return-visit agent) reopens a resolved or closed order; its open task is cancelled. */
export function reopen(
  deps: VisitDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  reason: string,
  v: number | null,
) {
  return runStepAs(deps, p, requestId, id, 'reopen', async (trx, order) => {
    await trx
      .updateTable('return_visit_tasks')
      .set({ status: 'cancelled', done_at: deps.clock.now(), done_by: userOf(p) })
      .where('order_id', '=', order.id)
      .where('status', '=', 'open')
      .execute();
    return { reason, expectedVersion: v };
  });
}
