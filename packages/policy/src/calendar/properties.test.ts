// Properties of the working-time arithmetic over random instants (fast-check): monotonic, consistent
// with workingMinutesBetween, additive. Instants range over 2025–2027 (data years and a fallback year).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CalendarSpec, DEFAULT_CALENDAR } from './spec.ts';
import { WorkCalendar } from './work-calendar.ts';

const SPECS: Record<string, CalendarSpec> = {
  default: DEFAULT_CALENDAR,
  lunch: {
    hours: [
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ],
    days: 'official',
  },
  evenings: { hours: [{ from: '09:00', to: '21:00' }], days: 'except-holidays' },
  roundTheClock: { hours: [{ from: '00:00', to: '24:00' }], days: 'every-day' },
};
const calendars = Object.entries(SPECS).map(
  ([name, spec]) =>
    [
      name,
      new WorkCalendar(spec, [
        { date: '2026-03-06', working: false, name: 'local holiday' },
        { date: '2027-02-06', working: true, name: 'extra working Saturday' },
        { date: '2027-02-08', working: false, name: 'a public holiday entered as a row', official: true },
        { date: '2027-02-14', working: true, name: 'an adjusted Sunday entered as a row', official: true },
      ]),
    ] as const,
);

const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2027, 11, 1);
/** Any instant, to the millisecond. */
const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms));
/** An instant on a whole minute (often exactly at a period boundary). */
const minuteInstant = fc.integer({ min: FROM / 60_000, max: TO / 60_000 }).map((m) => new Date(m * 60_000));
/** Exactly at (or a millisecond around) a period boundary of some day, local time. */
const boundaryInstant = fc
  .record({
    day: fc.integer({ min: FROM / 86_400_000, max: TO / 86_400_000 }),
    at: fc.constantFrom(0, 510, 540, 720, 810, 1050, 1260),
    jitter: fc.constantFrom(-1, 0, 1),
  })
  .map(({ day, at, jitter }) => new Date(day * 86_400_000 - 8 * 3_600_000 + at * 60_000 + jitter));
const anyInstant = fc.oneof(instant, minuteInstant, boundaryInstant);
const minutes = fc.integer({ min: 0, max: 20_000 });

describe.each(calendars)('%s calendar', (_, cal) => {
  test('addWorking is monotonic in the start', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, minutes, (a, b, m) => {
        const [t1, t2] = a <= b ? [a, b] : [b, a];
        expect(cal.addWorking(t1, m).getTime()).toBeLessThanOrEqual(cal.addWorking(t2, m).getTime());
      }),
    );
  });

  test('addWorking is monotonic in the minutes and never before the start', () => {
    fc.assert(
      fc.property(anyInstant, minutes, minutes, (t, a, b) => {
        const [m1, m2] = a <= b ? [a, b] : [b, a];
        const r1 = cal.addWorking(t, m1).getTime();
        expect(r1).toBeGreaterThanOrEqual(t.getTime());
        expect(r1).toBeLessThanOrEqual(cal.addWorking(t, m2).getTime());
      }),
    );
  });

  test('workingMinutesBetween(t, addWorking(t, m)) === m, inside working time and outside', () => {
    fc.assert(
      fc.property(anyInstant, minutes, (t, m) => {
        expect(cal.workingMinutesBetween(t, cal.addWorking(t, m))).toBe(m);
      }),
    );
  });

  test('fractional minutes round-trip to the millisecond', () => {
    fc.assert(
      fc.property(anyInstant, fc.integer({ min: 0, max: 600_000_000 }), (t, ms) => {
        const m = ms / 60_000;
        expect(Math.abs(cal.workingMinutesBetween(t, cal.addWorking(t, m)) - m)).toBeLessThan(1e-6);
      }),
    );
  });

  test('addWorking(t, a + b) = addWorking(addWorking(t, a), b)', () => {
    fc.assert(
      fc.property(anyInstant, minutes, minutes, (t, a, b) => {
        expect(cal.addWorking(t, a + b).getTime()).toBe(cal.addWorking(cal.addWorking(t, a), b).getTime());
      }),
    );
  });

  test('workingMinutesBetween is additive over a middle instant', () => {
    fc.assert(
      fc.property(anyInstant, anyInstant, anyInstant, (x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p.getTime() - q.getTime()) as [Date, Date, Date];
        const whole = cal.workingMinutesBetween(a, c);
        const parts = cal.workingMinutesBetween(a, b) + cal.workingMinutesBetween(b, c);
        expect(Math.abs(whole - parts)).toBeLessThan(1e-9);
      }),
    );
  });

  test('nextWorkingInstant is working time at or after t; previousWorkingInstant bounds it from below', () => {
    fc.assert(
      fc.property(anyInstant, (t) => {
        const next = cal.nextWorkingInstant(t);
        expect(next.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(cal.isWorkingTime(next)).toBe(true);
        expect(cal.workingMinutesBetween(t, next)).toBe(0);
        const prev = cal.previousWorkingInstant(t)!;
        expect(prev.getTime()).toBeLessThanOrEqual(t.getTime());
        expect(cal.workingMinutesBetween(prev, t)).toBe(0);
        // At a period's end addWorking(t, 0) answers t itself (the earliest instant), see addWorking.
        if (!cal.isWorkingTime(t) && prev.getTime() !== t.getTime())
          expect(cal.addWorking(t, 0).getTime()).toBe(next.getTime());
      }),
    );
  });
});
