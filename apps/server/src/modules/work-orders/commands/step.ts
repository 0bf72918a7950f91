// Every change of a work order goes through `applyStep`: the pure state machine decides, the version
// guards against a stale edit, and the new status, the timeline event and the outbox event are written
// in the caller's transaction — so the record, its history and its side effects commit together.
import type { OrderAction, OrderStatus } from '@aftercare/contracts';
import { sql, type Transaction, type Updateable } from 'kysely';
import type { Actor, Principal, Scope } from '../../../platform/access/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CommandDeps } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { emitEvent } from '../../../platform/outbox.ts';
import { syncOrderMilestones } from '../../sla/sla.sync.ts';
import { decide, type Party, type Refusal, RULES } from '../work-order-status.ts';
import { WorkOrderErrors } from '../work-orders.errors.ts';
import { partiesOf } from '../work-orders.presenter.ts';
import { lockOrder, type OrderRow } from '../work-orders.repository.ts';
import type { WorkOrdersTable } from '../work-orders.tables.ts';

type Trx = Transaction<DB>;

/** Who acts: the audit actor plus the role shown in the timeline. */
export interface StepActor extends Actor {
  role: string | null;
}

export function stepActor(p: Principal, requestId: string | null): StepActor {
  return {
    type: p.via === 'api_key' ? 'api_key' : 'user',
    id: p.via === 'api_key' ? p.apiKeyId : p.userId,
    name: p.displayName || p.username,
    requestId,
    role: p.role,
  };
}

export const systemStepActor: StepActor = { type: 'system', id: null, name: 'system', requestId: null, role: null };

export interface StepInput {
  reason?: string | null | undefined;
  /** Stored with the timeline event (the window booked, the outlet offered, the visit …). */
  data?: Record<string, unknown>;
  /** Other columns changed by the step (outlet, technician, offer deadline …). */
  patch?: Updateable<WorkOrdersTable>;
  completionProof?: 'code' | 'signature' | null;
  /** The version the caller read (If-Match); a different current version answers 412. */
  expectedVersion?: number | null;
  /** Whether an active appointment exists (depart needs one); looked up when the rule needs it. */
  hasActiveAppointment?: boolean;
}

const REFUSALS: Record<Refusal, (typeof WorkOrderErrors)[keyof typeof WorkOrderErrors]> = {
  ILLEGAL_TRANSITION: WorkOrderErrors.WORK_ORDER_ILLEGAL_TRANSITION,
  REASON_REQUIRED: WorkOrderErrors.WORK_ORDER_REASON_REQUIRED,
  TECHNICIAN_REQUIRED: WorkOrderErrors.WORK_ORDER_TECHNICIAN_REQUIRED,
  APPOINTMENT_REQUIRED: WorkOrderErrors.WORK_ORDER_APPOINTMENT_REQUIRED,
  COMPLETION_PROOF_REQUIRED: WorkOrderErrors.WORK_ORDER_COMPLETION_PROOF_REQUIRED,
};

/** Appends one timeline event (the order row must be locked by the caller's transaction). */
export async function appendEvent(
  trx: Trx,
  clock: Clock,
  actor: StepActor,
  order: Pick<OrderRow, 'id' | 'brand_id'>,
  e: { action: OrderAction; from: OrderStatus | null; to: OrderStatus | null; reason?: string | null; data?: object },
) {
  await trx
    .insertInto('work_order_events')
    .values({
      id: newId(),
      order_id: order.id,
      brand_id: order.brand_id,
      // The next number in the order's timeline, in the same statement (the order row is locked).
      seq: sql<number>`(SELECT coalesce(max(seq), 0) + 1 FROM work_order_events WHERE order_id = ${order.id})`,
      action: e.action,
      from_status: e.from,
      to_status: e.to,
      actor_type: actor.type,
      actor_id: actor.type === 'system' ? null : actor.id,
      actor_name: actor.name,
      actor_role: actor.role,
      reason: e.reason ?? null,
      data: JSON.stringify(e.data ?? {}),
      at: clock.now(),
    })
    .execute();
  // Section G: the order's SLA milestones follow its history, in the same transaction.
  await syncOrderMilestones(trx, clock, order.id);
}

async function activeAppointment(trx: Trx, orderId: string) {
  const r = await trx
    .selectFrom('work_order_appointments')
    .select('id')
    .where('order_id', '=', orderId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return !!r;
}

/** Takes `action` on a locked order: refused with a code (nothing written) or applied with its event. */
export async function applyStep(
  trx: Trx,
  clock: Clock,
  actor: StepActor,
  order: OrderRow,
  action: OrderAction,
  party: Party,
  input: StepInput = {},
): Promise<OrderRow> {
  if (input.expectedVersion != null && input.expectedVersion !== order.version)
    throw new AppError(WorkOrderErrors.WORK_ORDER_VERSION_STALE, {
      current: order.version,
      given: input.expectedVersion,
    });
  const from = order.status as OrderStatus;
  const hasActiveAppointment =
    input.hasActiveAppointment ?? (action === 'depart' ? await activeAppointment(trx, order.id) : false);
  const technicianId =
    input.patch?.technician_id !== undefined ? (input.patch.technician_id as string | null) : order.technician_id;
  const d = decide({ status: from, technicianId, hasActiveAppointment }, action, party, {
    reason: input.reason,
    completionProof: input.completionProof,
  });
  if (!d.ok) throw new AppError(REFUSALS[d.refusal], { status: from, action });
  const now = clock.now();
  const updated = await trx
    .updateTable('work_orders')
    .set({
      ...input.patch,
      status: d.to,
      version: order.version + 1,
      updated_at: now,
      ...(d.to === 'resolved' && from !== 'resolved' && { resolved_at: now }),
      ...(d.to === 'closed' && { closed_at: now }),
      ...(d.to === 'reopened' && { reopen_count: order.reopen_count + 1, closed_at: null }),
    })
    .where('id', '=', order.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(trx, clock, actor, order, {
    action,
    from,
    to: d.to,
    reason: input.reason ?? null,
    data: input.data ?? {},
  });
  await emitEvent(trx, clock, {
    type: `work_order.${action}`,
    aggregateType: 'work_order',
    aggregateId: order.id,
    brandId: order.brand_id,
    outletId: updated.outlet_id,
    payload: { number: order.number, from, to: d.to, ...(input.reason && { reason: input.reason }), ...input.data },
  });
  return updated;
}

/**
 * The usual shape of a step command: lock the visible order (404 otherwise), let `prepare` check
 * what the step needs and return its input, apply it — all in one transaction.
 */
export async function runStep(
  deps: CommandDeps,
  actor: StepActor,
  scope: Scope,
  id: string,
  action: OrderAction,
  party: Party,
  prepare: (trx: Trx, order: OrderRow) => Promise<StepInput> | StepInput,
): Promise<OrderRow> {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    const input = await prepare(trx, order);
    return applyStep(trx, deps.clock, actor, order, action, party, input);
  });
}

/**
 * The party a caller acts as for `action`: the first of their parties the rule allows. Step routes
 * need only `orders.read` (so a foreign order answers 404 first); this answers 403 for a caller who
 * sees the order but may not take the step (a customer cannot accept an offer).
 */
export function partyFor(p: Principal, action: OrderAction): Party {
  const party = partiesOf(p).find((x) => RULES[action].by.includes(x));
  if (!party) throw new AppError(CommonErrors.FORBIDDEN);
  return party;
}

/** runStep for a signed-in caller: lock (404), resolve the party (403), prepare, apply. */
export async function runStepAs(
  deps: CommandDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  action: OrderAction,
  prepare: (trx: Trx, order: OrderRow, party: Party) => Promise<StepInput> | StepInput,
): Promise<OrderRow> {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    const party = partyFor(p, action);
    const input = await prepare(trx, order, party);
    return applyStep(trx, deps.clock, stepActor(p, requestId), order, action, party, input);
  });
}

/** `If-Match: "3"`, `W/"3"` or `3` → 3; absent → null; anything else → 400. */
export function parseIfMatch(header: string | string[] | undefined): number | null {
  if (header === undefined) return null;
  const raw = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  const m = raw.match(/^(?:W\/)?"?(\d{1,9})"?$/);
  if (!m) throw new AppError(WorkOrderErrors.WORK_ORDER_VERSION_INVALID);
  return Number(m[1]);
}
