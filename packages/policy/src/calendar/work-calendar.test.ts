// Table tests at the boundaries of the business calendar (section G): the end of a working day, the
// eve of a holiday, adjusted working days (调休), the Spring Festival and National Day weeks,
// Asia/Shanghai midnight, lunch breaks, the day modes and override rows.
import { describe, expect, test } from 'vitest';
import { packSchema } from '../schema.ts';
import { OFFICIAL_YEARS, officialDay, officialSpecialDays } from './official.ts';
import { type CalendarSpec, calendarSchema, DEFAULT_CALENDAR } from './spec.ts';
import { shanghaiMidnight, WorkCalendar } from './work-calendar.ts';

/** A Shanghai wall-clock time 'YYYY-MM-DD HH:MM' as an instant. */
const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
/** An instant as Shanghai wall-clock time 'YYYY-MM-DD HH:MM'. */
const local = (t: Date) => new Date(t.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

const LUNCH: CalendarSpec = {
  hours: [
    { from: '08:30', to: '12:00' },
    { from: '13:30', to: '17:30' },
  ],
  days: 'official',
};
const office = new WorkCalendar(DEFAULT_CALENDAR);

describe('officialDay (chinese-days data)', () => {
  test.each([
    // date, working, holiday, adjusted, name
    ['2026-01-01', false, true, false, '元旦'],
    ['2026-01-04', true, false, true, '元旦'], // Sunday worked for New Year
    ['2026-02-14', true, false, true, '春节'], // Saturday worked before the Spring Festival
    ['2026-02-15', false, true, false, '春节'],
    ['2026-02-23', false, true, false, '春节'], // Monday, the last day off
    ['2026-02-24', true, false, false, null],
    ['2026-02-28', true, false, true, '春节'], // Saturday worked after it
    ['2026-03-07', false, false, false, null], // an ordinary Saturday
    ['2026-09-20', true, false, true, '国庆节'], // Sunday worked for National Day
    ['2026-10-01', false, true, false, '国庆节'],
    ['2026-10-07', false, true, false, '国庆节'],
    ['2026-10-08', true, false, false, null], // 2026: the week ends on the 7th (the data's notice)
    ['2026-10-10', true, false, true, '国庆节'],
    ['2025-09-28', true, false, true, '国庆节'],
    ['2025-10-06', false, true, false, '中秋'], // Mid-Autumn inside the 2025 National Day week
    ['2025-10-08', false, true, false, '国庆节'],
    ['2025-10-11', true, false, true, '国庆节'],
  ])('%s: working %s, holiday %s, adjusted %s (%s)', (date, working, holiday, adjusted, name) => {
    expect(officialDay(date)).toMatchObject({ working, holiday, adjusted, name, covered: true });
  });

  test('years without data fall back to Monday–Friday, marked not covered', () => {
    expect(OFFICIAL_YEARS).toEqual({ from: 2004, to: 2026 });
    expect(officialDay('2027-01-01')).toMatchObject({ working: true, holiday: false, covered: false }); // a Friday
    expect(officialDay('2027-01-02')).toMatchObject({ working: false, holiday: false, covered: false });
    expect(officialDay('2003-10-01')).toMatchObject({ working: true, covered: false });
  });

  test('the special days of a year: holidays and adjusted working days in date order', () => {
    const days = officialSpecialDays(2026);
    expect(days.filter((d) => d.adjusted).map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(days.filter((d) => d.holiday)).toHaveLength(33);
    expect(days.map((d) => d.date)).toEqual(days.map((d) => d.date).sort());
    expect(officialSpecialDays(2027)).toEqual([]);
  });
});

describe('WorkCalendar.addWorking, official calendar 08:30–17:30', () => {
  test.each([
    ['inside a period', '2026-03-05 09:00', 45, '2026-03-05 09:45'],
    ['to the end of the day exactly', '2026-03-05 17:00', 30, '2026-03-05 17:30'],
    ['carries to the next working morning', '2026-03-05 17:00', 60, '2026-03-06 09:00'],
    ['Friday evening → Monday', '2026-03-06 17:00', 60, '2026-03-09 09:00'],
    ['before opening starts at 08:30', '2026-03-05 06:00', 10, '2026-03-05 08:40'],
    ['after closing starts next morning', '2026-03-05 20:00', 10, '2026-03-06 08:40'],
    ['zero minutes outside → next opening', '2026-03-07 10:00', 0, '2026-03-09 08:30'],
    ['zero minutes inside → itself', '2026-03-05 10:15', 0, '2026-03-05 10:15'],
    ['a whole working day', '2026-03-05 08:30', 540, '2026-03-05 17:30'],
    ['two working days from mid-morning', '2026-03-05 10:00', 1080, '2026-03-09 10:00'],
    ['eve of the Spring Festival → the adjusted Saturday', '2026-02-13 17:00', 60, '2026-02-14 09:00'],
    ['the adjusted Saturday → after the holiday week', '2026-02-14 17:00', 60, '2026-02-24 09:00'],
    ['eve of New Year → the adjusted Sunday', '2025-12-31 17:00', 60, '2026-01-04 09:00'],
    ['eve of National Day 2026', '2026-09-30 17:00', 60, '2026-10-08 09:00'],
    ['eve of National Day 2025', '2025-09-30 17:00', 60, '2025-10-09 09:00'],
    ['the adjusted Sunday before National Day 2025', '2025-09-27 12:00', 60, '2025-09-28 09:30'],
    ['inside the holiday week', '2026-10-03 10:00', 30, '2026-10-08 09:00'],
  ])('%s: %s + %i min → %s', (_, from, minutes, to) => {
    expect(local(office.addWorking(sh(from), minutes))).toBe(to);
  });

  test('fractional minutes count to the millisecond', () => {
    expect(office.addWorking(sh('2026-03-05 09:00'), 1.5).getTime()).toBe(sh('2026-03-05 09:01').getTime() + 30_000);
  });

  test('negative or non-finite minutes are refused', () => {
    expect(() => office.addWorking(sh('2026-03-05 09:00'), -1)).toThrow(RangeError);
    expect(() => office.addWorking(sh('2026-03-05 09:00'), Number.NaN)).toThrow(RangeError);
  });
});

describe('WorkCalendar.workingMinutesBetween', () => {
  test.each([
    ['a span inside one period', '2026-03-05 09:00', '2026-03-05 09:45', 45],
    ['b before a', '2026-03-05 10:00', '2026-03-05 09:00', 0],
    ['an empty span', '2026-03-05 10:00', '2026-03-05 10:00', 0],
    ['overnight', '2026-03-05 17:00', '2026-03-06 09:00', 60],
    ['a weekend', '2026-03-07 00:00', '2026-03-09 00:00', 0],
    ['the Spring Festival week (13th, adjusted 14th, 24th)', '2026-02-13 08:30', '2026-02-25 08:30', 3 * 540],
    ['National Day 2026 (30 Sep, 8 and 9 Oct)', '2026-09-30 08:30', '2026-10-10 08:30', 3 * 540],
    ['National Day 2025 (30 Sep, 9 Oct, 10 Oct)', '2025-09-30 08:30', '2025-10-11 00:00', 3 * 540],
    ['a whole year 2026 (248 working days)', '2026-01-01 00:00', '2027-01-01 00:00', 248 * 540],
  ])('%s', (_, a, b, minutes) => {
    expect(office.workingMinutesBetween(sh(a), sh(b))).toBe(minutes);
  });
});

describe('Asia/Shanghai midnight', () => {
  test('16:00Z is already the next Shanghai day', () => {
    expect(shanghaiMidnight('2026-03-06').toISOString()).toBe('2026-03-05T16:00:00.000Z');
    // 16:00Z on Friday 13 Feb is Saturday 14 Feb in Shanghai, an adjusted working day.
    const t = new Date('2026-02-13T16:00:00Z');
    expect(office.isWorkingTime(t)).toBe(false);
    expect(office.nextWorkingInstant(t).toISOString()).toBe('2026-02-14T00:30:00.000Z');
    // 15:59Z on Friday 6 March is still Friday 23:59 in Shanghai: the next opening is Monday.
    expect(office.nextWorkingInstant(new Date('2026-03-06T15:59:00Z')).toISOString()).toBe('2026-03-09T00:30:00.000Z');
    expect(office.previousWorkingInstant(new Date('2026-03-06T16:00:00Z'))?.toISOString()).toBe(
      '2026-03-06T09:30:00.000Z',
    );
  });

  test('working time is 08:30–17:30 local = 00:30Z–09:30Z', () => {
    expect(office.isWorkingTime(new Date('2026-03-05T00:29:59Z'))).toBe(false);
    expect(office.isWorkingTime(new Date('2026-03-05T00:30:00Z'))).toBe(true);
    expect(office.isWorkingTime(new Date('2026-03-05T09:29:59Z'))).toBe(true);
    expect(office.isWorkingTime(new Date('2026-03-05T09:30:00Z'))).toBe(false);
  });
});

describe('lunch break', () => {
  const cal = new WorkCalendar(LUNCH);
  test('the working day is the sum of its periods', () => {
    expect(cal.dailyMinutes).toBe(450);
    expect(office.dailyMinutes).toBe(540);
  });
  test.each([
    ['11:30', 60, '14:00'],
    ['11:30', 30, '12:00'],
    ['12:30', 10, '13:40'],
    ['17:00', 60, 'next 09:00'],
  ])('%s + %i min → %s', (from, minutes, to) => {
    const expected = to.startsWith('next') ? `2026-03-06 ${to.slice(5)}` : `2026-03-05 ${to}`;
    expect(local(cal.addWorking(sh(`2026-03-05 ${from}`), minutes))).toBe(expected);
  });
  test('spans, next and previous instants skip the break', () => {
    expect(cal.workingMinutesBetween(sh('2026-03-05 11:00'), sh('2026-03-05 14:00'))).toBe(90);
    expect(cal.isWorkingTime(sh('2026-03-05 12:30'))).toBe(false);
    expect(local(cal.nextWorkingInstant(sh('2026-03-05 12:30')))).toBe('2026-03-05 13:30');
    expect(local(cal.previousWorkingInstant(sh('2026-03-05 12:30'))!)).toBe('2026-03-05 12:00');
    expect(local(cal.previousWorkingInstant(sh('2026-03-09 07:00'))!)).toBe('2026-03-06 17:30');
  });
});

describe('day modes', () => {
  const everyDay = new WorkCalendar({ hours: [{ from: '00:00', to: '24:00' }], days: 'every-day' });
  const exceptHolidays = new WorkCalendar({ hours: [{ from: '09:00', to: '21:00' }], days: 'except-holidays' });
  test.each([
    ['2026-03-07', false, true, true], // an ordinary Saturday
    ['2026-02-17', false, true, false], // Spring Festival
    ['2026-02-14', true, true, true], // adjusted Saturday
    ['2026-03-05', true, true, true],
  ])('%s: official %s, every-day %s, except-holidays %s', (date, official, every, except) => {
    expect(office.isWorkingDay(date)).toBe(official);
    expect(everyDay.isWorkingDay(date)).toBe(every);
    expect(exceptHolidays.isWorkingDay(date)).toBe(except);
  });
  test('every-day around the clock is calendar time', () => {
    expect(everyDay.dailyMinutes).toBe(1440);
    const t = sh('2026-02-16 23:00');
    expect(everyDay.addWorking(t, 120).getTime()).toBe(t.getTime() + 120 * 60_000);
    expect(everyDay.workingMinutesBetween(sh('2026-02-13 00:00'), sh('2026-02-24 00:00'))).toBe(11 * 1440);
  });
  test('except-holidays works weekends but not the National Day week', () => {
    expect(local(exceptHolidays.addWorking(sh('2026-03-06 20:30'), 60))).toBe('2026-03-07 09:30');
    expect(local(exceptHolidays.addWorking(sh('2026-09-30 20:30'), 60))).toBe('2026-10-08 09:30');
  });
});

describe('overrides', () => {
  test('a local holiday removes a working day, an extra working day adds one', () => {
    const cal = new WorkCalendar(DEFAULT_CALENDAR, [
      { date: '2026-03-06', working: false, name: '地方节日' },
      { date: '2026-03-07', working: true, name: '补班' },
    ]);
    expect(cal.isWorkingDay('2026-03-06')).toBe(false);
    expect(cal.isWorkingDay('2026-03-07')).toBe(true);
    expect(local(cal.addWorking(sh('2026-03-05 17:00'), 60))).toBe('2026-03-07 09:00');
    expect(cal.describeDay('2026-03-06')).toMatchObject({
      working: false,
      hours: [],
      override: { name: '地方节日' },
      official: { working: true },
    });
    expect(cal.describeDay('2026-03-07').hours).toEqual([{ from: '08:30', to: '17:30' }]);
  });

  test('a 2027 notice entered as rows: holidays and adjusted days of a year the data lacks', () => {
    const cal = new WorkCalendar(DEFAULT_CALENDAR, [
      { date: '2027-02-05', working: false, name: '春节' }, // a Friday
      { date: '2027-02-06', working: false, name: '春节' },
      { date: '2027-02-07', working: true, name: '春节补班' }, // a Sunday
    ]);
    expect(office.isWorkingDay('2027-02-05')).toBe(true);
    expect(local(cal.addWorking(sh('2027-02-04 17:00'), 60))).toBe('2027-02-07 09:00');
  });

  test('an official row states the public calendar: every-day still works, except-holidays follows holidays only', () => {
    const rows = [
      { date: '2027-02-08', working: false, name: '2027 春节', official: true }, // a Monday
      { date: '2027-02-06', working: false, name: '2027 春节', official: true }, // a Saturday
      { date: '2027-02-14', working: true, name: '2027 春节补班', official: true }, // a Sunday
    ];
    const official = new WorkCalendar(DEFAULT_CALENDAR, rows);
    const everyDay = new WorkCalendar({ hours: [{ from: '08:00', to: '20:00' }], days: 'every-day' }, rows);
    const weekends = new WorkCalendar({ hours: [{ from: '08:00', to: '20:00' }], days: 'except-holidays' }, rows);
    expect([official, everyDay, weekends].map((c) => c.isWorkingDay('2027-02-08'))).toEqual([false, true, false]);
    expect([official, everyDay, weekends].map((c) => c.isWorkingDay('2027-02-06'))).toEqual([false, true, false]);
    expect([official, everyDay, weekends].map((c) => c.isWorkingDay('2027-02-14'))).toEqual([true, true, true]);
    expect(official.describeDay('2027-02-14').official).toMatchObject({ adjusted: true, name: '2027 春节补班' });
    expect(official.describeDay('2027-02-08').official).toMatchObject({ holiday: true, covered: false });
  });

  test('the later row wins on the same date (national, then brand, then division)', () => {
    const cal = new WorkCalendar(DEFAULT_CALENDAR, [
      { date: '2026-03-06', working: false, name: 'national' },
      { date: '2026-03-06', working: true, name: 'brand' },
    ]);
    expect(cal.isWorkingDay('2026-03-06')).toBe(true);
    // A brand's own day off wins over the public calendar's adjusted working day.
    const brandOff = new WorkCalendar(DEFAULT_CALENDAR, [
      { date: '2026-02-14', working: true, name: '补班', official: true },
      { date: '2026-02-14', working: false, name: '厂休' },
    ]);
    expect(brandOff.isWorkingDay('2026-02-14')).toBe(false);
  });

  test('an override applies in every day mode', () => {
    const cal = new WorkCalendar({ hours: [{ from: '00:00', to: '24:00' }], days: 'every-day' }, [
      { date: '2026-03-07', working: false, name: '停业' },
    ]);
    expect(cal.isWorkingDay('2026-03-07')).toBe(false);
  });

  test('no working period within 400 days: previousWorkingInstant answers null', () => {
    const days = Array.from({ length: 420 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 2, 6) - i * 86_400_000).toISOString().slice(0, 10),
      working: false,
      name: 'closed',
    }));
    const cal = new WorkCalendar(DEFAULT_CALENDAR, days);
    expect(cal.previousWorkingInstant(sh('2026-03-06 20:00'))).toBeNull();
    expect(local(cal.nextWorkingInstant(sh('2026-03-06 20:00')))).toBe('2026-03-09 08:30');
  });
});

describe('calendarSchema', () => {
  test('accepts the default and a lunch break', () => {
    expect(calendarSchema.safeParse(DEFAULT_CALENDAR).success).toBe(true);
    expect(calendarSchema.safeParse({ ...LUNCH, ref: 'AUX 服务手册' }).success).toBe(true);
    expect(calendarSchema.safeParse({ hours: [{ from: '00:00', to: '24:00' }], days: 'every-day' }).success).toBe(true);
  });
  test.each([
    ['no period', { hours: [], days: 'official' }, 'hours'],
    ['a bad time', { hours: [{ from: '8:30', to: '17:30' }], days: 'official' }, 'hours.0.from'],
    ['25:00', { hours: [{ from: '08:30', to: '25:00' }], days: 'official' }, 'hours.0.to'],
    ['ends before it starts', { hours: [{ from: '17:30', to: '08:30' }], days: 'official' }, 'hours.0.to'],
    [
      'overlapping periods',
      {
        hours: [
          { from: '08:30', to: '12:30' },
          { from: '12:00', to: '17:30' },
        ],
        days: 'official',
      },
      'hours.1.from',
    ],
    ['an unknown mode', { hours: [{ from: '08:30', to: '17:30' }], days: 'weekdays' }, 'days'],
    ['an unknown key', { hours: [{ from: '08:30', to: '17:30' }], days: 'official', workdays: [1] }, ''],
    ['no days', { hours: [{ from: '08:30', to: '17:30' }] }, 'days'],
  ])('refuses %s', (_, value, path) => {
    const r = calendarSchema.safeParse(value);
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
  test('is the pack section `calendar`', () => {
    const pack = {
      id: 'x',
      version: 1,
      name: { 'zh-CN': 'x', 'en-US': 'x' },
      effective: { from: '2026-01-01' },
    };
    expect(packSchema.safeParse({ ...pack, calendar: LUNCH }).success).toBe(true);
    expect(packSchema.safeParse({ ...pack, calendar: { workdays: [1, 2] } }).success).toBe(false);
  });
});
