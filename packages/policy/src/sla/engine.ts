// The milestone engine (section G): the state of every promise of one work order, derived from the
// order's event history alone, at an instant `now`. Pure and deterministic — the same events, calendar
// and `now` give the same states — so a corrected calendar, a change of pack or a back-dated import
// recomputes. docs/sla.md describes the rules; the comments below only point at them.
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { clockOf, deadline, pausedIn } from './clock.ts';
import { clip, orderPauses, union } from './pauses.ts';
import {
  type Duration,
  durationMinutes,
  leadMinutes,
  type MilestoneDef,
  type PauseReason,
  type SlaSection,
} from './schema.ts';

export { orderPauses } from './pauses.ts';

type Localized = { 'zh-CN': string; 'en-US': string };

/** One work-order event as the engine reads it (work_order_events). */
export interface SlaEvent {
  seq: number;
  action: string;
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  data: Record<string, unknown>;
}

/** The order facts that choose milestones and targets. */
export interface SlaOrderFacts {
  type: string;
  channel: string;
  categoryCode: string | null;
  urbanRural: string;
}

/** The parts of the working calendar the engine uses (H1's WorkCalendar). */
export type SlaCalendar = Pick<
  WorkCalendar,
  'spec' | 'dailyMinutes' | 'addWorking' | 'workingMinutesBetween' | 'nextWorkingInstant' | 'previousWorkingInstant'
>;

export interface MilestonePause {
  from: Date;
  to: Date | null;
  reason: string;
}

export interface MilestoneState {
  key: string;
  name: Localized;
  responsible: 'desk' | 'outlet' | 'dispatch';
  clock: 'calendar' | 'working';
  /** The target in the clock's minutes; null for a target at the end of the appointment. */
  targetMinutes: number | null;
  startedAt: Date;
  /** Null while paused (the due time is not known until the clock runs again). */
  dueAt: Date | null;
  warnAt: Date | null;
  /** The stop event's time, or the cancellation's. */
  stoppedAt: Date | null;
  status: 'open' | 'paused' | 'met' | 'missed' | 'cancelled';
  /** Clock minutes from start to stop (or to now), pauses excluded, whole minutes. */
  elapsedMinutes: number;
  /** Clock minutes paused between start and stop (or now), whole minutes. */
  pausedMinutes: number;
  pauses: MilestonePause[];
  customerCaused: boolean;
  explain: Record<string, unknown>;
}

const MINUTE = 60_000;
const CANCELLING = ['cancel', 'close_on_call'];

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const asDate = (v: unknown): Date | null => {
  if (typeof v !== 'string' && !(v instanceof Date)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** Whether an event fires a trigger (`check_in`, or `note:contact_call` = a note with data.kind contact_call). */
export function matchesTrigger(trigger: string, event: SlaEvent): boolean {
  const [action, kind] = trigger.split(':');
  if (event.action !== action) return false;
  return kind === undefined || event.data.kind === kind;
}

const fires = (triggers: readonly string[], e: SlaEvent) => triggers.some((t) => matchesTrigger(t, e));

interface FactsFilter {
  urbanRural?: 'urban' | 'rural' | undefined;
  types?: string[] | undefined;
  channels?: string[] | undefined;
  categories?: string[] | undefined;
}

function matchesFacts(f: FactsFilter | undefined, o: SlaOrderFacts): boolean {
  if (!f) return true;
  if (f.urbanRural && f.urbanRural !== o.urbanRural) return false;
  if (f.types && !f.types.includes(o.type)) return false;
  if (f.channels && !f.channels.includes(o.channel)) return false;
  if (f.categories && (o.categoryCode === null || !f.categories.includes(o.categoryCode))) return false;
  return true;
}

const durationLabel = (d: Duration) => {
  const { ref: _ref, ...rest } = d;
  return rest;
};

/** Pure: the state of every applicable milestone of one order from its event history, at `now`. */
export function computeMilestones(
  sla: SlaSection | undefined,
  order: SlaOrderFacts,
  events: readonly SlaEvent[],
  calendar: SlaCalendar,
  now: Date,
): MilestoneState[] {
  if (!sla) return [];
  const history = events.filter((e) => e.at.getTime() <= now.getTime()).sort((a, b) => a.seq - b.seq);
  const allPauses = orderPauses(history);
  const out: MilestoneState[] = [];
  for (const def of sla.milestones) {
    const state = computeOne(def, order, history, allPauses, calendar, now);
    if (state) out.push(state);
  }
  return out;
}

function computeOne(
  def: MilestoneDef,
  order: SlaOrderFacts,
  history: readonly SlaEvent[],
  allPauses: readonly (MilestonePause & { reason: PauseReason })[],
  cal: SlaCalendar,
  now: Date,
): MilestoneState | null {
  if (!matchesFacts(def.appliesTo, order)) return null;
  let startIdx = history.findIndex((e) => fires(def.start.on, e));
  if (startIdx < 0) return null;
  let restarts = 0;
  if (def.start.latest)
    for (let i = startIdx + 1; i < history.length; i++) {
      const e = history[i]!;
      if (fires(def.stop.on, e) || CANCELLING.includes(e.action)) break;
      if (fires(def.start.on, e)) {
        startIdx = i;
        restarts++;
      }
    }
  const startEvent = history[startIdx]!;
  const receivedAt = def.start.at === 'receivedAt' ? asDate(startEvent.data.receivedAt) : null;
  const startedAt = receivedAt && receivedAt.getTime() < startEvent.at.getTime() ? receivedAt : startEvent.at;

  let stopIdx = -1;
  let cancelIdx = -1;
  // A clock started at receivedAt began before its start event, so that event may stop it (recorded in time).
  const firstStop = def.start.at === 'receivedAt' ? startIdx : startIdx + 1;
  for (let i = firstStop; i < history.length; i++) {
    const e = history[i]!;
    if (fires(def.stop.on, e)) {
      stopIdx = i;
      break;
    }
    if (i > startIdx && CANCELLING.includes(e.action)) {
      cancelIdx = i;
      break;
    }
  }
  const stopEvent = stopIdx >= 0 ? history[stopIdx]! : null;
  const cancelEvent = cancelIdx >= 0 ? history[cancelIdx]! : null;
  const endEvent = stopEvent ?? cancelEvent;
  const end = endEvent ? endEvent.at : now;
  const lastIdx = endEvent ? (stopIdx >= 0 ? stopIdx : cancelIdx) : history.length - 1;

  // Target: the first matching `targets` rule, else `target`.
  const ruleIdx = def.targets?.findIndex((t) => matchesFacts(t.when, order)) ?? -1;
  const chosen = ruleIdx >= 0 ? def.targets![ruleIdx]!.target : def.target;
  const appointmentEnd = 'appointmentEnd' in chosen;
  const measured = appointmentEnd ? null : durationMinutes(chosen as Duration, cal.dailyMinutes);
  const clock = clockOf(measured?.clock ?? 'calendar', cal);

  // Pauses this milestone counts, within [start, end).
  const pauseFor = new Set<string>(def.pauseFor ?? []);
  const open = !endEvent;
  const clipped = clip(allPauses, startedAt, end, open);
  const pauses = clipped.filter((p) => pauseFor.has(p.reason));
  const otherPauses = clipped.filter((p) => !pauseFor.has(p.reason));
  const merged = union(pauses);

  // Appointments booked in [start, end]: the active window and the customer's requests.
  const bookings = history
    .slice(startIdx, lastIdx + 1)
    .filter((e) => e.action === 'book' || e.action === 'reschedule')
    .map((e) => ({ e, start: asDate(e.data.start), end: asDate(e.data.end), by: e.data.requestedBy ?? null }))
    .filter((b) => b.end !== null);
  const active = bookings[bookings.length - 1] ?? null;

  // Paused now: a counted pause is still open (one that began after the due time counts not).
  let baseDue: Date | null;
  let pausedNow = false;
  if (appointmentEnd) baseDue = active ? active.end : null;
  else {
    baseDue = deadline(clock, startedAt, measured!.minutes, merged);
    pausedNow = baseDue === null;
  }
  let dueAt = baseDue;
  let customerCaused = false;
  const moves: Record<string, unknown>[] = [];
  if (def.customerAppointmentMoves && !appointmentEnd) {
    const latestCustomer = [...bookings].reverse().find((b) => b.by === 'customer') ?? null;
    for (const b of bookings)
      moves.push({
        seq: b.e.seq,
        action: b.e.action,
        at: iso(b.e.at),
        window: { start: iso(b.start), end: iso(b.end) },
        requestedBy: b.by,
        movesDue: b === latestCustomer && baseDue !== null && b.end!.getTime() > baseDue.getTime(),
      });
    if (latestCustomer && dueAt && latestCustomer.end!.getTime() > dueAt.getTime()) {
      dueAt = latestCustomer.end;
      customerCaused = true;
    }
  }
  if (pausedNow) dueAt = null;

  // Status.
  let status: MilestoneState['status'];
  if (cancelEvent) status = 'cancelled';
  else if (stopEvent) status = dueAt && stopEvent.at.getTime() > dueAt.getTime() ? 'missed' : 'met';
  else status = pausedNow ? 'paused' : 'open';

  // Warning: a lead before due, by default at 80 % of the target, at the latest working instant at
  // or before it and never before the start; none when no working instant lies between start and due.
  let warnRule: string | null = null;
  let candidate: Date | null = null;
  if (dueAt) {
    if (def.warnBefore) {
      warnRule = 'warnBefore';
      candidate = new Date(dueAt.getTime() - leadMinutes(def.warnBefore) * MINUTE);
    } else if (appointmentEnd) {
      warnRule = 'appointmentStart';
      candidate = active?.start ?? null;
    } else if (customerCaused) {
      warnRule = 'movedDue80';
      candidate = new Date(dueAt.getTime() - 0.2 * measured!.minutes * MINUTE);
    } else {
      warnRule = 'target80';
      candidate = deadline(clock, startedAt, 0.8 * measured!.minutes, merged);
    }
  }
  let warnAt: Date | null = null;
  if (dueAt && candidate) {
    if (candidate.getTime() > dueAt.getTime()) candidate = dueAt;
    const before = cal.previousWorkingInstant(candidate);
    if (before && before.getTime() >= startedAt.getTime() && before.getTime() < dueAt.getTime()) warnAt = before;
    else {
      const after = safeNextWorking(cal, startedAt);
      if (after && after.getTime() < dueAt.getTime() && after.getTime() >= startedAt.getTime()) warnAt = after;
    }
  }

  const elapsedMinutes = Math.floor(clock.between(startedAt, end) - pausedIn(clock, merged, end) + 1e-9);
  const pausedMinutes = Math.floor(pausedIn(clock, merged, end) + 1e-9);

  const explain: Record<string, unknown> = {
    target:
      ruleIdx >= 0
        ? {
            source: 'targets',
            index: ruleIdx,
            when: def.targets![ruleIdx]!.when,
            duration: durationLabel(chosen as Duration),
          }
        : appointmentEnd
          ? { source: 'target', appointmentEnd: true }
          : { source: 'target', duration: durationLabel(chosen as Duration) },
    clock: clock.kind,
    targetMinutes: measured?.minutes ?? null,
    calendar: { days: cal.spec.days, hours: cal.spec.hours, dailyMinutes: cal.dailyMinutes },
    start: {
      seq: startEvent.seq,
      action: startEvent.action,
      at: iso(startedAt),
      basis: startedAt === receivedAt ? 'receivedAt' : 'event',
      restarts,
    },
    stop: stopEvent ? { seq: stopEvent.seq, action: stopEvent.action, at: iso(stopEvent.at) } : null,
    cancelled: cancelEvent ? { seq: cancelEvent.seq, action: cancelEvent.action, at: iso(cancelEvent.at) } : null,
    pauseFor: def.pauseFor ?? [],
    pauses: pauses.map((p) => ({ from: iso(p.from), to: iso(p.to), reason: p.reason })),
    ignoredPauses: otherPauses.map((p) => ({ from: iso(p.from), to: iso(p.to), reason: p.reason })),
    baseDueAt: iso(baseDue),
    appointment:
      appointmentEnd && active ? { seq: active.e.seq, start: iso(active.start), end: iso(active.end) } : null,
    appointmentMoves: moves,
    customerCaused,
    warn: warnRule ? { rule: warnRule, candidate: iso(candidate), at: iso(warnAt) } : null,
    ref: def.ref ?? null,
  };

  return {
    key: def.id,
    name: def.name,
    responsible: def.responsible,
    clock: clock.kind,
    targetMinutes: measured?.minutes ?? null,
    startedAt,
    dueAt,
    warnAt,
    stoppedAt: endEvent ? endEvent.at : null,
    status,
    elapsedMinutes: Math.max(0, elapsedMinutes),
    pausedMinutes,
    pauses: pauses.map((p) => ({ from: p.from, to: p.to, reason: p.reason })),
    customerCaused,
    explain,
  };
}

function safeNextWorking(cal: SlaCalendar, t: Date): Date | null {
  try {
    return cal.nextWorkingInstant(t);
  } catch {
    return null;
  }
}
