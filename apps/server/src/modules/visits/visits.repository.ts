// Reads of the visits module: appointments, visits, charges and return-visit tasks of an order, and
// the brand's pack in force. Every read that is not keyed by an already-visible order is scoped.

import type { returnVisitQuery } from '@aftercare/contracts';
import { type ResolvedPack, shanghaiDate } from '@aftercare/policy';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { BASELINE_PACK } from '../warranty/warranty.evaluate.ts';
import type { Policies } from '../warranty/warranty.packs.ts';
import { choosePack } from '../warranty/warranty.packs.ts';
import { orderFilter } from '../work-orders/index.ts';
import type {
  ReturnVisitTasksTable,
  WorkOrderAppointmentsTable,
  WorkOrderChargesTable,
  WorkOrderVisitsTable,
} from '../work-orders/work-orders.tables.ts';

export type AppointmentRow = Selectable<WorkOrderAppointmentsTable>;
export type VisitRow = Selectable<WorkOrderVisitsTable>;
export type ChargeRow = Selectable<WorkOrderChargesTable>;
export type TaskRow = Selectable<ReturnVisitTasksTable>;

/** What the visits commands need besides the database: the clock and the packs in force. */
export interface VisitDeps {
  db: Database;
  clock: Clock;
  packs: { current(): Policies };
}

/** The brand's pack in force today (the brand names one, else the national baseline). */
export async function packOf(db: Tx, deps: Pick<VisitDeps, 'clock' | 'packs'>, brandId: string) {
  const brand = await db.selectFrom('brands').select('policy_pack').where('id', '=', brandId).executeTakeFirst();
  const choice = choosePack(deps.packs.current(), brand?.policy_pack ?? BASELINE_PACK, shanghaiDate(deps.clock.now()));
  return choice?.pack as ResolvedPack | undefined;
}

export async function appointmentsOf(db: Tx, orderId: string) {
  return db
    .selectFrom('work_order_appointments')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function activeAppointment(db: Tx, orderId: string) {
  return db
    .selectFrom('work_order_appointments')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function openVisit(db: Tx, orderId: string) {
  return db
    .selectFrom('work_order_visits')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('checked_out_at', 'is', null)
    .orderBy('checked_in_at', 'desc')
    .executeTakeFirst();
}

export async function visitsOf(db: Tx, orderId: string) {
  return db
    .selectFrom('work_order_visits as v')
    .innerJoin('technicians as t', 't.id', 'v.technician_id')
    .selectAll('v')
    .select('t.name as technician_name')
    .where('v.order_id', '=', orderId)
    .orderBy('v.checked_in_at')
    .execute();
}

export async function chargesOf(db: Tx, orderId: string) {
  return db
    .selectFrom('work_order_charges')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The quote in force: the newest one not superseded. */
export async function currentQuote(db: Tx, orderId: string) {
  return db
    .selectFrom('work_order_charges')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('kind', '=', 'quote')
    .where('status', '<>', 'superseded')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Timeline notes of one kind (wrong codes, unreachable calls …) since a moment, optionally about one task. */
export async function countNotes(db: Tx, orderId: string, kind: string, since: Date | null, taskId?: string) {
  let q = db
    .selectFrom('work_order_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('order_id', '=', orderId)
    .where('action', '=', 'note')
    .where(sql<boolean>`data->>'kind' = ${kind}`);
  if (since) q = q.where('at', '>=', since);
  if (taskId) q = q.where(sql<boolean>`data->>'taskId' = ${taskId}`);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
}

/** When the last note of a kind was written (the last code sent), or null. */
export async function lastNoteAt(db: Tx, orderId: string, kind: string): Promise<Date | null> {
  const r = await db
    .selectFrom('work_order_events')
    .select('at')
    .where('order_id', '=', orderId)
    .where('action', '=', 'note')
    .where(sql<boolean>`data->>'kind' = ${kind}`)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return r?.at ?? null;
}

const taskColumns = [
  'rv.id',
  'rv.order_id',
  'rv.brand_id',
  'rv.due_at',
  'rv.status',
  'rv.claimed_by',
  'rv.outcome',
  'rv.notes',
  'rv.done_at',
  'rv.done_by',
  'rv.created_at',
] as const;

export type TaskView = TaskRow & { number: string; order_status: string; attempts: number };

function taskBase(db: Tx, scope: Scope) {
  return db
    .selectFrom('return_visit_tasks as rv')
    .innerJoin('work_orders', 'work_orders.id', 'rv.order_id')
    .where(orderFilter(scope));
}

const attemptsOf = sql<number>`(SELECT count(*) FROM work_order_events e WHERE e.order_id = rv.order_id
  AND e.action = 'note' AND e.data->>'kind' = 'return_visit_unreachable' AND e.data->>'taskId' = rv.id::text)::int`;

export async function listTasks(db: Tx, scope: Scope, now: Date, q: z.output<typeof returnVisitQuery>) {
  let base = taskBase(db, scope);
  if (q.status) base = base.where('rv.status', '=', q.status);
  if (q.brandId) base = base.where('rv.brand_id', '=', q.brandId);
  if (q.overdue === 'true') base = base.where('rv.status', '=', 'open').where('rv.due_at', '<', now);
  if (q.overdue === 'false') base = base.where('rv.due_at', '>=', now);
  const rows = base
    .select([...taskColumns, 'work_orders.number', 'work_orders.status as order_status', attemptsOf.as('attempts')])
    .orderBy('rv.due_at')
    .orderBy('rv.id');
  return paginate(rows, base, q) as Promise<{ items: TaskView[]; total: number }>;
}

export async function findTask(db: Tx, scope: Scope, id: string): Promise<TaskView | undefined> {
  return taskBase(db, scope)
    .select([...taskColumns, 'work_orders.number', 'work_orders.status as order_status', attemptsOf.as('attempts')])
    .where('rv.id', '=', id)
    .executeTakeFirst() as Promise<TaskView | undefined>;
}

export async function openTaskOf(db: Tx, orderId: string) {
  return db
    .selectFrom('return_visit_tasks')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}
