// A milestone's clock: calendar or working minutes, and the deadline a target gives once pauses are
// left out. Pure; the working measure comes from the brand's WorkCalendar.
import type { SlaCalendar } from './engine.ts';

const MINUTE = 60_000;

export interface Clock {
  kind: 'calendar' | 'working';
  add(t: Date, minutes: number): Date;
  between(a: Date, b: Date): number;
}

export function clockOf(kind: 'calendar' | 'working', cal: SlaCalendar): Clock {
  if (kind === 'working')
    return { kind, add: (t, m) => cal.addWorking(t, m), between: (a, b) => cal.workingMinutesBetween(a, b) };
  return {
    kind,
    add: (t, m) => new Date(t.getTime() + Math.round(m * MINUTE)),
    between: (a, b) => Math.max(0, (b.getTime() - a.getTime()) / MINUTE),
  };
}

/**
 * The instant `minutes` clock minutes after `start`, not counting pauses that begin before that
 * instant (each such pause moves it by its span in the clock's measure). Null while a counted pause
 * is still open.
 */
export function deadline(
  clock: Clock,
  start: Date,
  minutes: number,
  pauses: { from: Date; to: Date | null }[],
): Date | null {
  let cursor = start;
  let remaining = minutes;
  for (const p of pauses) {
    const due = clock.add(cursor, remaining);
    if (p.from.getTime() >= due.getTime()) break;
    remaining = Math.max(0, remaining - clock.between(cursor, p.from));
    if (p.to === null) return null;
    cursor = p.to.getTime() > cursor.getTime() ? p.to : cursor;
  }
  return clock.add(cursor, remaining);
}

export function pausedIn(clock: Clock, pauses: { from: Date; to: Date | null }[], end: Date): number {
  return pauses.reduce((sum, p) => sum + clock.between(p.from, p.to ?? end), 0);
}
