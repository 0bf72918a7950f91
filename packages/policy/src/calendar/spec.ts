// The pack section `calendar`: a brand's working hours (local time, Asia/Shanghai) and which days
// are working days. The national baseline sets the default; a brand pack may replace it as a whole.
import { z } from 'zod';

export type CalendarDays = 'official' | 'except-holidays' | 'every-day';

export interface CalendarSpec {
  /** Working periods of a working day, local time Asia/Shanghai, 'HH:MM', ascending, non-overlapping. */
  hours: { from: string; to: string }[];
  /** official: PRC calendar (weekends and public holidays off, adjusted working days 调休 on);
   *  except-holidays: every day but public holidays; every-day: 7 days a week incl. holidays. */
  days: CalendarDays;
  ref?: string;
}

/** A day that differs from the official calendar: a local holiday, an extra working day, a new year's notice. */
export interface DayOverride {
  /** YYYY-MM-DD, Asia/Shanghai. */
  date: string;
  working: boolean;
  name: string;
  /**
   * true: the row states the public calendar (a national row: a year's notice the data lacks, a
   * regional public holiday) and counts like the official data — a public holiday (working false)
   * or an adjusted working day (working true), so an `every-day` calendar still works that day and
   * `except-holidays` follows the holiday only. false/absent: the brand's own decision, which wins
   * in every mode.
   */
  official?: boolean;
}

export const DEFAULT_CALENDAR: CalendarSpec = Object.freeze({
  hours: [{ from: '08:30', to: '17:30' }],
  days: 'official',
}) as CalendarSpec;

const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

/** Minutes after local midnight of 'HH:MM' ('24:00' = 1440). */
export function clockMinutes(hhmm: string): number {
  if (hhmm === '24:00') return 1440;
  const m = HHMM.exec(hhmm);
  if (!m) throw new Error(`not a time of day HH:MM: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

const timeSchema = z.string().regex(HHMM, { message: 'expected a time of day HH:MM (00:00–24:00)' });

export const calendarSchema: z.ZodType<CalendarSpec> = z
  .strictObject({
    hours: z
      .array(z.strictObject({ from: timeSchema, to: timeSchema }))
      .min(1, { message: 'give at least one working period' }),
    days: z.enum(['official', 'except-holidays', 'every-day']),
    ref: z.string().min(1).optional(),
  })
  .superRefine((spec, ctx) => {
    let previousEnd = -1;
    spec.hours.forEach((p, i) => {
      if (!HHMM.test(p.from) || !HHMM.test(p.to)) return;
      const from = clockMinutes(p.from);
      const to = clockMinutes(p.to);
      if (to <= from) ctx.addIssue({ code: 'custom', path: ['hours', i, 'to'], message: 'ends before it starts' });
      if (from < previousEnd)
        ctx.addIssue({
          code: 'custom',
          path: ['hours', i, 'from'],
          message: 'periods must be in ascending order and must not overlap',
        });
      previousEnd = Math.max(previousEnd, to);
    });
  });
