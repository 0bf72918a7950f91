// Calendar arithmetic for policy terms, counted as the Civil Code counts periods (art. 200–202):
// a period starts the day after its start event and ends at 24:00 of its last day; a month or year
// period ends on the corresponding day of the last month, or on that month's last day when it has no
// such day (a year from 29 February ends on 28 February). Dates are ISO calendar dates ('YYYY-MM-DD')
// in Asia/Shanghai; nothing here reads the clock.

export type IsoDate = string;

export interface Term {
  years?: number;
  months?: number;
  days?: number;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // China has kept UTC+8 without daylight saving since 1991
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new Error(`not a calendar date: ${date}`);
  return [y, mo, d];
}

function fmt(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function isIsoDate(value: string): boolean {
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Proleptic Gregorian day numbers by integer arithmetic (H. Hinnant's days_from_civil), so years
// before 100 are not read as 19xx the way Date.UTC reads them.
/** Days since 1970-01-01 (a plain day number, no time zone). */
export function dayNumber(date: IsoDate): number {
  const [y0, m, d] = parts(date);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDayNumber(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return fmt(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return dayNumber(a) - dayNumber(b);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

/**
 * The last day of a period that starts after `start` (the event date) and runs for `term`.
 * Days: start + n. Months/years: the corresponding day n months later, clamped to the month's end.
 * A term of zero ends on the start date itself (the event day only).
 */
export function addTermCivil(start: IsoDate, term: Term): IsoDate {
  const [y, m, d] = parts(start);
  const months = (term.years ?? 0) * 12 + (term.months ?? 0);
  let end = start;
  if (months !== 0) {
    const total = y * 12 + (m - 1) + months;
    const ty = Math.floor(total / 12);
    const tm = (total % 12) + 1;
    end = fmt(ty, tm, Math.min(d, daysInMonth(ty, tm)));
  }
  return term.days ? addDays(end, term.days) : end;
}

/** Whether `date` falls within the period started by `start` and ending on `lastDay` (inclusive). */
export function withinPeriod(date: IsoDate, start: IsoDate, lastDay: IsoDate): boolean {
  return compareDates(date, start) >= 0 && compareDates(date, lastDay) <= 0;
}

/** The calendar date in Asia/Shanghai of an instant (an ISO timestamp or epoch milliseconds). */
export function shanghaiDate(instant: string | number | Date): IsoDate {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${String(instant)}`);
  return fromDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** A fact date: a plain calendar date stays as it is; an instant becomes its Shanghai calendar date. */
export function toCalendarDate(value: string): IsoDate {
  if (!ISO_DATE.test(value)) return shanghaiDate(value);
  parts(value); // throws on 2026-02-30
  return value;
}

export function termLabel(term: Term, lang: 'zh-CN' | 'en-US'): string {
  const bits: string[] = [];
  const n = (v: number, zh: string, en: string) =>
    bits.push(lang === 'zh-CN' ? `${v}${zh}` : `${v} ${en}${v === 1 ? '' : 's'}`);
  if (term.years) n(term.years, '年', 'year');
  if (term.months) n(term.months, '个月', 'month');
  if (term.days) n(term.days, '天', 'day');
  if (bits.length === 0) return lang === 'zh-CN' ? '0天' : '0 days';
  return bits.join(lang === 'zh-CN' ? '' : ' ');
}

/** A term scaled by k (k periods of `every`). */
export function scaleTerm(term: Term, k: number): Term {
  return { years: (term.years ?? 0) * k, months: (term.months ?? 0) * k, days: (term.days ?? 0) * k };
}
