import { z } from 'zod';

/**
 * Section G reports: resolution rates within 1/2/3/5 days against the pack's targets, and on-time rates
 * per milestone, by brand, region, outlet or period. Both read the stored milestone rows (sla_milestones),
 * which the same engine as the clocks writes; nothing is recomputed another way.
 */

export const SLA_REPORT_GROUP_BY = ['brand', 'region', 'outlet', 'day', 'week', 'month'] as const;
export type SlaReportGroupBy = (typeof SLA_REPORT_GROUP_BY)[number];

/** The day counts every resolution report shows (the pack's target days are added when they differ). */
export const RESOLUTION_DAYS = [1, 2, 3, 5] as const;

/** The longest period one report covers, in days. */
export const SLA_REPORT_MAX_DAYS = 1_100;

export const slaReportQuery = z
  .strictObject({
    /** One brand; without it, every brand the caller sees. */
    brandId: z.uuid().optional(),
    /** Days (Asia/Shanghai), both included; a milestone counts in the period its clock started. Default: the last 30 days. */
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    groupBy: z.enum(SLA_REPORT_GROUP_BY).default('brand'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type SlaReportQuery = z.infer<typeof slaReportQuery>;

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** The pack a brand's figures are judged by: its resolution milestone and target rates (0–1). */
export const slaReportBrand = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  packId: z.string(),
  packVersion: z.int(),
  /** The milestone whose stop means "resolved" (`sla.resolution.milestone`), null when the pack names none. */
  resolutionMilestone: z.string().nullable(),
  targets: z.array(z.object({ days: z.int(), rate: z.number() })),
});
export type SlaReportBrand = z.infer<typeof slaReportBrand>;

/** A group: a brand, region or outlet (id null: none yet), or a period (key = its first day). */
export const slaReportGroupKey = z.object({
  key: z.string().nullable(),
  label: z.string().nullable(),
});

/**
 * Resolved within N days: a stopped milestone with at most N × 1440 minutes on its clock (pauses
 * excluded). The base for N days counts every stopped milestone plus the still-open ones started more
 * than N days ago (they can no longer make it); younger open ones are not counted yet. Rate null: no base.
 */
export const resolutionWithin = z.object({
  days: z.int(),
  resolved: z.int(),
  base: z.int(),
  rate: z.number().nullable(),
  /** The pack's target for these days (0–1) when the group belongs to one brand whose pack sets one. */
  target: z.number().nullable(),
  met: z.boolean().nullable(),
});
export type ResolutionWithin = z.infer<typeof resolutionWithin>;

export const resolutionRow = slaReportGroupKey.extend({
  /** Orders counted: rows of the resolution milestone (cancelled ones excluded). */
  orders: z.int(),
  resolved: z.int(),
  open: z.int(),
  within: z.array(resolutionWithin),
});
export type ResolutionRow = z.infer<typeof resolutionRow>;

export const resolutionReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(SLA_REPORT_GROUP_BY),
  generatedAt: z.string(),
  days: z.array(z.int()),
  brands: z.array(slaReportBrand),
  rows: z.array(resolutionRow),
  total: resolutionRow,
});
export type ResolutionReport = z.infer<typeof resolutionReport>;

/**
 * On-time figures of one milestone in one group. Cancelled milestones are left out; on-time rate =
 * met / (met + missed + open past due); null when nothing is decided yet.
 */
export const onTimeRow = slaReportGroupKey.extend({
  milestoneKey: z.string(),
  milestoneName: localized,
  total: z.int(),
  met: z.int(),
  missed: z.int(),
  open: z.int(),
  paused: z.int(),
  openOverdue: z.int(),
  customerCaused: z.int(),
  rate: z.number().nullable(),
});
export type OnTimeRow = z.infer<typeof onTimeRow>;

export const onTimeReport = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(SLA_REPORT_GROUP_BY),
  generatedAt: z.string(),
  brands: z.array(slaReportBrand),
  rows: z.array(onTimeRow),
  /** Per milestone over every group. */
  totals: z.array(onTimeRow),
});
export type OnTimeReport = z.infer<typeof onTimeReport>;
