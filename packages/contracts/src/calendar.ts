import { z } from 'zod';

/**
 * Section G: the business calendar. The official days (public holidays and adjusted working days 调休,
 * shipped with the chinese-days data) plus override rows (calendar_days): a local holiday, an extra
 * working day, or the days of a year the data does not cover yet. brandId null = national (platform).
 */

const isoDay = z.iso.date();

/** A 2-digit (province), 4-digit (city) or 6-digit (county) administrative-division prefix. */
export const divisionPrefix = z.string().regex(/^(\d{2}|\d{4}|\d{6})$/, '2, 4 or 6 digits of a division code');

export const calendarDaysQuery = z.strictObject({
  /** The brand's override rows besides the national ones; national rows only when left out. */
  brandId: z.uuid().optional(),
  /** The current year (Asia/Shanghai) when left out. */
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export type CalendarDaysQuery = z.infer<typeof calendarDaysQuery>;

export const CALENDAR_DAY_KINDS = ['holiday', 'adjusted_working', 'day_off', 'extra_working'] as const;

/** A day that is not ordinary: official (holiday, adjusted working day) or an override row. */
export const calendarDay = z
  .object({
    /** The override row's id; null for an official day. */
    id: z.uuid().nullable(),
    date: z.string(),
    working: z.boolean(),
    name: z.string(),
    nameEn: z.string().nullable(),
    source: z.enum(['official', 'override']),
    /** holiday / adjusted_working (official), day_off / extra_working (override). */
    kind: z.enum(CALENDAR_DAY_KINDS),
    brandId: z.uuid().nullable(),
    divisionPrefix: z.string().nullable(),
    createdAt: z.string().nullable(),
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarDayList = z.object({
  year: z.int(),
  /** Whether the shipped official data covers the year (else weekends only, until rows are added). */
  covered: z.boolean(),
  items: z.array(calendarDay),
});
export type CalendarDayList = z.infer<typeof calendarDayList>;

export const calendarDayCreate = z.strictObject({
  /** null: a national row (platform administrators only). */
  brandId: z.uuid().nullable(),
  divisionPrefix: divisionPrefix.optional(),
  date: isoDay,
  working: z.boolean(),
  name: z.string().trim().min(1).max(60),
});
export type CalendarDayCreate = z.infer<typeof calendarDayCreate>;

/** How many orders and milestones were recomputed with the changed calendar; null when that failed (logged). */
const recomputed = z.object({ orders: z.int(), milestones: z.int() }).nullable();

/** The created row and the recompute that followed it. */
export const calendarDayCreated = calendarDay.extend({ recomputed });
export type CalendarDayCreated = z.infer<typeof calendarDayCreated>;

export const calendarDayDeleted = z.object({ ok: z.literal(true), recomputed });

export const calendarPreviewQuery = z.strictObject({
  brandId: z.uuid(),
  from: isoDay,
  /** Inclusive; at most 366 days after `from`. */
  to: isoDay,
  /** A 6- or 9-digit division code: include the override rows of its province, city and county. */
  divisionCode: z
    .string()
    .regex(/^\d{6}(\d{3})?$/)
    .optional(),
});
export type CalendarPreviewQuery = z.infer<typeof calendarPreviewQuery>;

const hoursPeriod = z.object({ from: z.string(), to: z.string() });

export const calendarPreviewDay = z.object({
  date: z.string(),
  /** 0 = Sunday … 6 = Saturday. */
  weekday: z.int(),
  working: z.boolean(),
  /** The working periods in force that day; empty on a day off. */
  hours: z.array(hoursPeriod),
  holiday: z.boolean(),
  adjusted: z.boolean(),
  /** Holiday, adjusted-day or override name. */
  name: z.string().nullable(),
  override: z.object({ working: z.boolean(), name: z.string() }).nullable(),
});
export type CalendarPreviewDay = z.infer<typeof calendarPreviewDay>;

export const calendarPreview = z.object({
  brandId: z.uuid(),
  /** The pack whose `calendar` section applies; null when the brand has no pack in force. */
  pack: z.object({ id: z.string(), version: z.int() }).nullable(),
  /** pack: the pack sets the hours; default: DEFAULT_CALENDAR (08:30–17:30, official days). */
  source: z.enum(['pack', 'default']),
  spec: z.object({
    hours: z.array(hoursPeriod),
    days: z.enum(['official', 'except-holidays', 'every-day']),
    ref: z.string().optional(),
  }),
  dailyMinutes: z.number(),
  days: z.array(calendarPreviewDay),
});
export type CalendarPreview = z.infer<typeof calendarPreview>;
