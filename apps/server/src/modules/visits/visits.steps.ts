// Shared pieces of the visit steps: the state machine asked before a step writes its own rows (so a
// refused step answers with the machine's code, not a database error), and the customer's H5 actor.
import type { OrderAction, OrderStatus } from '@aftercare/contracts';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import {
  decide,
  type OrderRow,
  orderByToken,
  type Party,
  type StepActor,
  type StepInput,
  WorkOrderErrors,
} from '../work-orders/index.ts';

export type Trx = Transaction<DB>;

const REFUSALS = {
  ILLEGAL_TRANSITION: WorkOrderErrors.WORK_ORDER_ILLEGAL_TRANSITION,
  REASON_REQUIRED: WorkOrderErrors.WORK_ORDER_REASON_REQUIRED,
  TECHNICIAN_REQUIRED: WorkOrderErrors.WORK_ORDER_TECHNICIAN_REQUIRED,
  APPOINTMENT_REQUIRED: WorkOrderErrors.WORK_ORDER_APPOINTMENT_REQUIRED,
  COMPLETION_PROOF_REQUIRED: WorkOrderErrors.WORK_ORDER_COMPLETION_PROOF_REQUIRED,
} as const;

/**
 * Asks the state machine before the step's own rows are written; applyStep asks again when it
 * writes. Guards on data the step supplies (an appointment, the proof) are given as satisfied here.
 */
export function precheck(order: OrderRow, action: OrderAction, party: Party, input: Pick<StepInput, 'reason'> = {}) {
  const d = decide(
    { status: order.status as OrderStatus, technicianId: order.technician_id, hasActiveAppointment: true },
    action,
    party,
    { reason: input.reason, completionProof: 'code' },
  );
  if (!d.ok) throw new AppError(REFUSALS[d.refusal], { status: order.status, action });
}

/** The customer acting through the secret link of their SMS (no account): shown as the customer. */
export function h5Actor(order: OrderRow, requestId: string | null): StepActor {
  return { type: 'system', id: null, name: order.contact_name, requestId, role: 'customer' };
}

/** The order behind an H5 token, locked; a wrong token answers 404 WORK_ORDER_TOKEN_INVALID. */
export async function lockByToken(trx: Trx, token: string): Promise<OrderRow> {
  const row = await orderByToken(trx, token, true);
  if (!row) throw new AppError(WorkOrderErrors.WORK_ORDER_TOKEN_INVALID);
  return row;
}

export const withFlag = (flags: string[], flag: string) => (flags.includes(flag) ? flags : [...flags, flag]);
