// Working-time arithmetic over a brand's working hours and the official calendar (pure, no clock).
// Asia/Shanghai is UTC+8 all year (no daylight saving since 1991). Loops walk days and periods, never
// minutes; every loop is bounded.
import { fromDayNumber } from '../dates.ts';
import { type OfficialDay, officialDay, weekday } from './official.ts';
import { type CalendarSpec, clockMinutes, type DayOverride } from './spec.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** How far nextWorkingInstant / previousWorkingInstant look for a working period. */
const SEARCH_DAYS = 400;

/** The instant a Shanghai date begins (00:00 local = 16:00Z the day before). */
export function shanghaiMidnight(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS);
}

const dayIndex = (ms: number) => Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
const dayStart = (idx: number) => idx * DAY_MS - SHANGHAI_OFFSET_MS;
const dateOf = fromDayNumber;

export interface CalendarDay {
  date: string;
  working: boolean;
  official: OfficialDay;
  /** The override in force on that day, when one is. */
  override: DayOverride | null;
  /** The working periods of that day ('HH:MM'), empty on a day off. */
  hours: { from: string; to: string }[];
}

export class WorkCalendar {
  readonly spec: CalendarSpec;
  /** Working minutes in one working day. */
  readonly dailyMinutes: number;
  /** Working periods as [from, to) milliseconds after local midnight. */
  private readonly periods: readonly (readonly [number, number])[];
  private readonly overrides: ReadonlyMap<string, DayOverride>;
  private readonly cache = new Map<number, boolean>();

  /** Overrides later in the list win over earlier ones on the same date (national, then brand, then division). */
  constructor(spec: CalendarSpec, overrides: readonly DayOverride[] = []) {
    this.spec = spec;
    this.periods = spec.hours.map((p) => [clockMinutes(p.from) * MINUTE_MS, clockMinutes(p.to) * MINUTE_MS] as const);
    if (this.periods.length === 0 || this.periods.some(([a, b]) => b <= a))
      throw new Error('a calendar needs at least one working period, each ending after it starts');
    this.dailyMinutes = this.periods.reduce((sum, [a, b]) => sum + (b - a), 0) / MINUTE_MS;
    const map = new Map<string, DayOverride>();
    for (const o of overrides) map.set(o.date, o);
    this.overrides = map;
  }

  /** Whether a Shanghai date (YYYY-MM-DD) is a working day. */
  isWorkingDay(date: string): boolean {
    const override = this.overrides.get(date);
    if (override && !override.official) return override.working;
    if (this.spec.days === 'every-day') return true;
    const official = this.publicDay(date);
    if (this.spec.days === 'except-holidays') return !official.holiday;
    return official.working;
  }

  /** A date with its status, its source and its working hours (for previews and explanations). */
  describeDay(date: string): CalendarDay {
    const working = this.isWorkingDay(date);
    return {
      date,
      working,
      official: this.publicDay(date),
      override: this.overrides.get(date) ?? null,
      hours: working ? this.spec.hours.map((p) => ({ ...p })) : [],
    };
  }

  /** The public calendar's day: the shipped data, or an `official` override row stating it. */
  private publicDay(date: string): OfficialDay {
    const data = officialDay(date);
    const row = this.overrides.get(date);
    if (!row?.official) return data;
    const dow = weekday(date);
    const weekend = dow === 0 || dow === 6;
    return {
      working: row.working,
      holiday: !row.working,
      adjusted: row.working && weekend,
      name: row.name,
      nameEn: null,
      covered: data.covered,
    };
  }

  isWorkingTime(t: Date): boolean {
    const ms = t.getTime();
    const idx = dayIndex(ms);
    if (!this.workingIdx(idx)) return false;
    const offset = ms - dayStart(idx);
    return this.periods.some(([a, b]) => offset >= a && offset < b);
  }

  /**
   * The instant `minutes` (>= 0, may be fractional; counted to the millisecond) working minutes after
   * `t`; from outside working time it starts at the next working period. The result is the earliest
   * such instant, so a span that ends exactly at a period's end answers that end (17:30), not the next
   * morning; likewise `addWorking(end of a period, 0)` answers that end.
   */
  addWorking(t: Date, minutes: number): Date {
    if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`working minutes must be >= 0: ${minutes}`);
    const from = t.getTime();
    let remaining = Math.round(minutes * MINUTE_MS);
    let cursor = from;
    const firstIdx = dayIndex(from);
    const limit = SEARCH_DAYS + Math.ceil(remaining / (this.dailyMinutes * MINUTE_MS)) * 4;
    for (let idx = firstIdx; idx <= firstIdx + limit; idx++) {
      if (!this.workingIdx(idx)) continue;
      const base = dayStart(idx);
      for (const [a, b] of this.periods) {
        const end = base + b;
        if (cursor > end) continue;
        const start = Math.max(cursor, base + a);
        const available = end - start;
        if (remaining <= available) return new Date(start + remaining);
        remaining -= available;
        cursor = end;
      }
    }
    throw new Error(`no working time found within ${limit} days of ${t.toISOString()}`);
  }

  /** Working minutes in [a, b); 0 when b <= a. */
  workingMinutesBetween(a: Date, b: Date): number {
    const from = a.getTime();
    const to = b.getTime();
    if (!(to > from)) return 0;
    let total = 0;
    const last = dayIndex(to);
    for (let idx = dayIndex(from); idx <= last; idx++) {
      if (!this.workingIdx(idx)) continue;
      const base = dayStart(idx);
      for (const [pa, pb] of this.periods) {
        const lo = Math.max(from, base + pa);
        const hi = Math.min(to, base + pb);
        if (hi > lo) total += hi - lo;
      }
    }
    return total / MINUTE_MS;
  }

  /** t itself when within working time, else the start of the next working period. */
  nextWorkingInstant(t: Date): Date {
    if (this.isWorkingTime(t)) return t;
    const ms = t.getTime();
    const first = dayIndex(ms);
    for (let idx = first; idx <= first + SEARCH_DAYS; idx++) {
      if (!this.workingIdx(idx)) continue;
      const base = dayStart(idx);
      for (const [a] of this.periods) if (base + a >= ms) return new Date(base + a);
    }
    throw new Error(`no working day within ${SEARCH_DAYS} days of ${t.toISOString()}`);
  }

  /** t itself when within working time, else the end of the previous working period (null if none in 400 days). */
  previousWorkingInstant(t: Date): Date | null {
    if (this.isWorkingTime(t)) return t;
    const ms = t.getTime();
    const first = dayIndex(ms);
    for (let idx = first; idx >= first - SEARCH_DAYS; idx--) {
      if (!this.workingIdx(idx)) continue;
      const base = dayStart(idx);
      for (let i = this.periods.length - 1; i >= 0; i--) {
        const end = base + this.periods[i]![1];
        if (end <= ms) return new Date(end);
      }
    }
    return null;
  }

  private workingIdx(idx: number): boolean {
    let working = this.cache.get(idx);
    if (working === undefined) {
      working = this.isWorkingDay(dateOf(idx));
      this.cache.set(idx, working);
    }
    return working;
  }
}
