// The work-order state machine of section E, pure: which action may move an order from which status
// to which, and what each step needs. Commands ask `decide()` before they write anything; an illegal
// step is refused with a code and nothing changes.
import { OPEN_STATUSES, type OrderAction, type OrderStatus } from '@aftercare/contracts';

/** Who takes a step: the capability a caller needs for it (the scope decides on which orders). */
export type Party = 'desk' | 'dispatch' | 'outlet' | 'technician' | 'return_visit' | 'customer' | 'system';

export interface Rule {
  from: readonly OrderStatus[];
  /** The status after the step; `null` keeps the status (assign, note, link …). */
  to: OrderStatus | null;
  by: readonly Party[];
  needsReason?: boolean;
  needsTechnician?: boolean;
  needsAppointment?: boolean;
  needsCompletionProof?: boolean;
}

const ANY_OPEN = OPEN_STATUSES;
const ALL: readonly OrderStatus[] = [...ANY_OPEN, 'closed', 'cancelled'];
/** Before anyone is on site: the order may still be redirected or cancelled. */
const BEFORE_SITE: readonly OrderStatus[] = [
  'registered',
  'dispatched',
  'accepted',
  'booked',
  'on_the_way',
  'reopened',
];

/** Someone is working on the order: the statuses where its SLA clock may be paused. */
const WORKING: readonly OrderStatus[] = [
  'accepted',
  'booked',
  'on_the_way',
  'on_site',
  'waiting_parts',
  'returned_to_factory',
  'reopened',
];

export const RULES: Record<OrderAction, Rule> = {
  register: { from: [], to: 'registered', by: ['desk', 'customer', 'system'] },
  close_on_call: { from: ['registered'], to: 'closed', by: ['desk'] },
  offer: { from: ['registered', 'reopened'], to: 'dispatched', by: ['system', 'dispatch'] },
  accept: { from: ['dispatched'], to: 'accepted', by: ['outlet'] },
  refuse: { from: ['dispatched'], to: 'registered', by: ['outlet'], needsReason: true },
  expire: { from: ['dispatched'], to: 'registered', by: ['system'] },
  return_to_board: { from: ['registered'], to: null, by: ['system'] },
  redirect: {
    from: ['registered', 'dispatched', 'accepted', 'booked', 'reopened'],
    to: 'dispatched',
    by: ['dispatch'],
    needsReason: true,
  },
  assign: {
    from: ['accepted', 'booked', 'on_the_way', 'waiting_parts', 'returned_to_factory', 'reopened'],
    to: null,
    by: ['outlet', 'dispatch'],
  },
  book: {
    from: ['accepted', 'reopened', 'waiting_parts', 'returned_to_factory'],
    to: 'booked',
    by: ['outlet', 'desk', 'dispatch'],
  },
  reschedule: { from: ['booked', 'on_the_way'], to: 'booked', by: ['outlet', 'desk', 'customer'], needsReason: true },
  depart: { from: ['booked'], to: 'on_the_way', by: ['technician'], needsTechnician: true, needsAppointment: true },
  check_in: { from: ['booked', 'on_the_way'], to: 'on_site', by: ['technician'], needsTechnician: true },
  complete: {
    from: ['on_site'],
    to: 'resolved',
    by: ['technician'],
    needsTechnician: true,
    needsCompletionProof: true,
  },
  wait_parts: { from: ['on_site'], to: 'waiting_parts', by: ['technician'], needsReason: true },
  to_factory: {
    from: ['on_site', 'waiting_parts'],
    to: 'returned_to_factory',
    by: ['technician', 'outlet'],
    needsReason: true,
  },
  revisit: { from: ['on_site'], to: 'accepted', by: ['technician'], needsReason: true },
  start_return_visit: { from: ['resolved'], to: 'return_visit', by: ['return_visit'] },
  close: { from: ['resolved', 'return_visit'], to: 'closed', by: ['return_visit'] },
  reopen: {
    from: ['resolved', 'return_visit', 'closed'],
    to: 'reopened',
    by: ['return_visit', 'dispatch'],
    needsReason: true,
  },
  cancel: { from: BEFORE_SITE, to: 'cancelled', by: ['desk', 'dispatch', 'customer'], needsReason: true },
  note: { from: ALL, to: null, by: ['desk', 'dispatch', 'outlet', 'technician', 'return_visit'] },
  link: { from: ANY_OPEN, to: null, by: ['desk', 'system'] },
  quote: { from: ['on_site', 'waiting_parts'], to: null, by: ['technician', 'outlet'] },
  quote_decision: { from: ['on_site', 'waiting_parts'], to: null, by: ['customer', 'technician'] },
  // The SLA clock of section G: waiting for the customer (or for parts) stops it while someone works
  // on the order; `resume_clock` (or the next status change) starts it again. The status stays.
  pause_clock: { from: WORKING, to: null, by: ['outlet', 'technician', 'dispatch', 'desk'], needsReason: true },
  resume_clock: { from: WORKING, to: null, by: ['outlet', 'technician', 'dispatch', 'desk'] },
};

export interface OrderState {
  status: OrderStatus;
  technicianId: string | null;
  hasActiveAppointment: boolean;
}

export interface StepInput {
  reason?: string | null | undefined;
  /** Completion verified by a one-time code or the customer's signature. */
  completionProof?: 'code' | 'signature' | null | undefined;
}

export type Refusal =
  | 'ILLEGAL_TRANSITION'
  | 'REASON_REQUIRED'
  | 'TECHNICIAN_REQUIRED'
  | 'APPOINTMENT_REQUIRED'
  | 'COMPLETION_PROOF_REQUIRED';

export type Decision = { ok: true; to: OrderStatus } | { ok: false; refusal: Refusal };

/** May `action` be taken on an order in `state`, by `party`? Where does it lead? */
export function decide(state: OrderState, action: OrderAction, party: Party, input: StepInput = {}): Decision {
  const rule = RULES[action];
  if (!rule.from.includes(state.status) || !rule.by.includes(party))
    return { ok: false, refusal: 'ILLEGAL_TRANSITION' };
  if (rule.needsReason && !input.reason?.trim()) return { ok: false, refusal: 'REASON_REQUIRED' };
  if (rule.needsTechnician && !state.technicianId) return { ok: false, refusal: 'TECHNICIAN_REQUIRED' };
  if (rule.needsAppointment && !state.hasActiveAppointment) return { ok: false, refusal: 'APPOINTMENT_REQUIRED' };
  if (rule.needsCompletionProof && !input.completionProof) return { ok: false, refusal: 'COMPLETION_PROOF_REQUIRED' };
  return { ok: true, to: rule.to ?? state.status };
}

/** Actions a party could take from a status (guards on data aside): what the console offers. */
export function actionsFrom(status: OrderStatus, parties: readonly Party[]): OrderAction[] {
  return (Object.keys(RULES) as OrderAction[]).filter(
    (a) => a !== 'register' && RULES[a].from.includes(status) && RULES[a].by.some((p) => parties.includes(p)),
  );
}

export const isOpen = (status: OrderStatus) => status !== 'closed' && status !== 'cancelled';
