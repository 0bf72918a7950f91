import { z } from 'zod';
import { pageQuery } from './common.ts';

/** Section G: the at-risk board — open milestones breached or due soon, and paused ones, by brand, region, outlet. */

export const slaBoardQuery = z.strictObject({
  ...pageQuery,
  brandId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  outletId: z.uuid().optional(),
  /** "Due soon" means due within this many hours from now (default 4, at most 3 days). */
  withinHours: z.coerce.number().min(0.25).max(72).default(4),
});
export type SlaBoardQuery = z.infer<typeof slaBoardQuery>;

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** Counts of open milestones past due, due within the window, and paused (clock stopped). */
export const slaBoardCounts = z.object({
  breached: z.int(),
  dueSoon: z.int(),
  paused: z.int(),
});
export type SlaBoardCounts = z.infer<typeof slaBoardCounts>;

/** One line of a grouping; id null collects milestones without a region or outlet (not yet handed over). */
export const slaBoardGroup = slaBoardCounts.extend({
  id: z.uuid().nullable(),
  name: z.string().nullable(),
  code: z.string().nullable(),
});
export type SlaBoardGroup = z.infer<typeof slaBoardGroup>;

/** One at-risk milestone (breached or due soon), with its order and who answers for it. */
export const slaBoardItem = z.object({
  id: z.uuid(),
  order: z.object({ id: z.uuid(), number: z.string(), status: z.string() }),
  brand: z.object({ id: z.uuid(), name: z.string() }),
  milestoneKey: z.string(),
  name: localized,
  responsible: z.enum(['desk', 'outlet', 'dispatch']),
  outlet: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  region: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  status: z.enum(['open', 'paused']),
  startedAt: z.string(),
  dueAt: z.string(),
  breached: z.boolean(),
  /** Whole minutes past due (breached) or still left (due soon); the other one is null. */
  minutesLate: z.int().nullable(),
  minutesLeft: z.int().nullable(),
  customerCaused: z.boolean(),
});
export type SlaBoardItem = z.infer<typeof slaBoardItem>;

export const slaBoard = z.object({
  asOf: z.string(),
  withinHours: z.number(),
  summary: slaBoardCounts,
  byBrand: z.array(slaBoardGroup),
  byRegion: z.array(slaBoardGroup),
  byOutlet: z.array(slaBoardGroup),
  /** Breached first (longest late first), then due soon by due time. */
  items: z.array(slaBoardItem),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
});
export type SlaBoard = z.infer<typeof slaBoard>;
