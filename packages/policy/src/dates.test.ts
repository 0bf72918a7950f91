import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  addTermCivil,
  compareDates,
  dayNumber,
  fromDayNumber,
  shanghaiDate,
  toCalendarDate,
} from './dates.ts';

describe('addTermCivil (Civil Code art. 200–202)', () => {
  test.each([
    // [start event, term, last day of the period]
    ['2026-03-15', { days: 7 }, '2026-03-22'], // starts 03-16, seven days end on 03-22 at 24:00
    ['2026-03-15', { days: 15 }, '2026-03-30'],
    ['2026-12-28', { days: 7 }, '2027-01-04'],
    ['2026-03-15', { months: 1 }, '2026-04-15'],
    ['2026-01-31', { months: 1 }, '2026-02-28'], // February lacks the 31st: its last day
    ['2028-01-31', { months: 1 }, '2028-02-29'], // leap year
    ['2026-03-31', { months: 1 }, '2026-04-30'],
    ['2026-03-15', { years: 1 }, '2027-03-15'],
    ['2024-02-29', { years: 1 }, '2025-02-28'], // a 29 February purchase ends on 28 February
    ['2024-02-29', { years: 4 }, '2028-02-29'],
    ['2024-02-29', { years: 6 }, '2030-02-28'],
    ['2026-03-15', { years: 6 }, '2032-03-15'],
    ['2026-03-15', { days: 0 }, '2026-03-15'],
  ])('%s + %o ends on %s', (start, term, end) => {
    expect(addTermCivil(start, term)).toBe(end);
  });

  test('day numbers agree with the calendar, early years included', () => {
    const day = fc.integer({ min: -719_000, max: 1_000_000 });
    fc.assert(
      fc.property(day, (n) => {
        const d = fromDayNumber(n);
        expect(dayNumber(d)).toBe(n);
        if (n > -700_000) expect(d).toBe(new Date(n * 86_400_000).toISOString().slice(0, 10));
      }),
    );
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(dayNumber('0001-01-01') + 365)).toBe('0002-01-01');
    expect(addTermCivil('0004-02-29', { years: 1 })).toBe('0005-02-28');
  });

  test('rejects dates that are not calendar dates', () => {
    expect(() => addTermCivil('2026-02-30', { years: 1 })).toThrow(/calendar date/);
    expect(() => addTermCivil('2026/02/01', { years: 1 })).toThrow(/ISO date/);
  });

  test('property: a longer term never ends earlier', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.nat(30), fc.nat(30), fc.constantFrom('years', 'months', 'days'), (d, a, b, unit) => {
        const [short, long] = a <= b ? [a, b] : [b, a];
        expect(compareDates(addTermCivil(d, { [unit]: short }), addTermCivil(d, { [unit]: long }))).toBeLessThanOrEqual(
          0,
        );
      }),
    );
  });

  test('property: n days always end n days later; a month ends within 28–31 days', () => {
    const day = fc.integer({ min: 0, max: 40_000 }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.nat(1000), (d, n) => {
        expect(addTermCivil(d, { days: n })).toBe(addDays(d, n));
        const gap = compareDates(addTermCivil(d, { months: 1 }), d);
        expect(gap).toBeGreaterThanOrEqual(28);
        expect(gap).toBeLessThanOrEqual(31);
      }),
    );
  });
});

describe('Asia/Shanghai calendar dates', () => {
  test.each([
    ['2026-03-15T15:59:59Z', '2026-03-15'],
    ['2026-03-15T16:00:00Z', '2026-03-16'], // midnight in Shanghai
    ['2026-03-15T23:30:00Z', '2026-03-16'], // 07:30 next day in Shanghai
    ['2026-03-15T23:30:00+08:00', '2026-03-15'],
    ['2024-02-28T16:00:00.000Z', '2024-02-29'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
  ])('%s is %s in Shanghai', (instant, date) => {
    expect(shanghaiDate(instant)).toBe(date);
    expect(toCalendarDate(instant)).toBe(date);
  });

  test('a plain date is kept as it is; an impossible one is refused', () => {
    expect(toCalendarDate('2026-03-15')).toBe('2026-03-15');
    expect(() => toCalendarDate('2026-02-30')).toThrow();
    expect(() => shanghaiDate('yesterday')).toThrow(/instant/);
  });
});
