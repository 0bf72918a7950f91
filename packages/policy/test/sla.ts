// Test helper for the SLA engine: an order's event history written as a short script in Shanghai
// local time, with the statuses the work-order state machine gives each action.
import { DEFAULT_CALENDAR } from '../src/calendar/spec.ts';
import { WorkCalendar } from '../src/calendar/work-calendar.ts';
import type { SlaEvent, SlaOrderFacts } from '../src/sla/engine.ts';

/** A Shanghai local time 'YYYY-MM-DD HH:MM' as an instant. */
export const sh = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);

export const officeCalendar = new WorkCalendar(DEFAULT_CALENDAR);

/** The status each action leads to (null: the status stays). */
const TO: Record<string, string | null> = {
  register: 'registered',
  close_on_call: 'closed',
  offer: 'dispatched',
  accept: 'accepted',
  refuse: 'registered',
  expire: 'registered',
  return_to_board: null,
  redirect: 'dispatched',
  assign: null,
  book: 'booked',
  reschedule: 'booked',
  depart: 'on_the_way',
  check_in: 'on_site',
  complete: 'resolved',
  wait_parts: 'waiting_parts',
  to_factory: 'returned_to_factory',
  revisit: 'accepted',
  start_return_visit: 'return_visit',
  close: 'closed',
  reopen: 'reopened',
  cancel: 'cancelled',
  note: null,
  link: null,
  quote: null,
  quote_decision: null,
  pause_clock: null,
  resume_clock: null,
};

export type Step = [local: string, action: string, data?: Record<string, unknown>];

/** Events from steps in order; seq counts from 1, statuses follow the actions. */
export function history(steps: readonly Step[]): SlaEvent[] {
  return eventsOf(steps.map(([local, action, data]) => [sh(local), action, data]));
}

/** Events from instants and actions in order (seq counts from 1, statuses follow the actions). */
export function eventsOf(steps: readonly [at: Date, action: string, data?: Record<string, unknown>][]): SlaEvent[] {
  let status: string | null = null;
  return steps.map(([at, action, data], i) => {
    const from = status;
    const to = TO[action] === undefined ? null : (TO[action] ?? status);
    status = to;
    return { seq: i + 1, action, at, fromStatus: from, toStatus: to, data: data ?? {} };
  });
}

/** A booked window in local times, requested by someone. */
export const window = (start: string, end: string, requestedBy: 'customer' | 'outlet' | 'agent' = 'outlet') => ({
  start: sh(start).toISOString(),
  end: sh(end).toISOString(),
  requestedBy,
});

export const facts = (over: Partial<SlaOrderFacts> = {}): SlaOrderFacts => ({
  type: 'repair',
  channel: 'phone',
  categoryCode: 'air-conditioner',
  urbanRural: 'urban',
  ...over,
});
