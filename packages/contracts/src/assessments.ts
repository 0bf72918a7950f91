// Assessment slips (考核单) against the outlet or agent responsible for a breached SLA milestone, their
// appeals and reviews, and the customer remedies proposed on a breach (section G). Bodies are strict.
import { z } from 'zod';
import { pageOf, pageQuery } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const SLIP_STATUSES = ['open', 'appealed', 'confirmed', 'withdrawn'] as const;
export const SLIP_PARTIES = ['outlet', 'agent'] as const;
export const REMEDY_KINDS = ['waive_charges', 'compensation', 'loaner'] as const;
export const REMEDY_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export const MAX_APPEAL_EVIDENCE = 10;

export const slipListQuery = z.strictObject({
  ...pageQuery,
  brandId: z.uuid().optional(),
  outletId: z.uuid().optional(),
  status: z.enum(SLIP_STATUSES).optional(),
  /** Issued on or after this Shanghai day. */
  from: isoDay.optional(),
  /** Issued on or before this Shanghai day. */
  to: isoDay.optional(),
});

export const appealEvidence = z.strictObject({
  url: z.url({ protocol: /^https?$/ }).max(2000),
  name: z.string().trim().max(200).optional(),
});

export const slipAppealBody = z.strictObject({
  text: text(2000),
  evidence: z.array(appealEvidence).max(MAX_APPEAL_EVIDENCE).default([]),
});

export const slipReviewBody = z
  .strictObject({
    /** accept_appeal withdraws the slip; reject_appeal confirms it. */
    decision: z.enum(['accept_appeal', 'reject_appeal']),
    note: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.decision !== 'reject_appeal' || !!b.note, {
    message: 'rejecting an appeal needs a note',
    path: ['note'],
  });

export const slipConfirmBody = z.strictObject({ note: z.string().trim().max(2000).optional() });

const ref = z.object({ id: z.uuid(), name: z.string() });

export const assessmentSlip = z.object({
  id: z.uuid(),
  number: z.string(),
  brandId: z.uuid(),
  order: z.object({ id: z.uuid(), number: z.string() }),
  milestoneId: z.uuid(),
  milestoneKey: z.string(),
  party: z.enum(SLIP_PARTIES),
  outlet: ref.nullable(),
  user: ref.nullable(),
  amountFen: z.int(),
  reason: z.string(),
  status: z.enum(SLIP_STATUSES),
  appealDueAt: z.string(),
  /** Open and before appeal_due_at: the outlet may still appeal. */
  appealable: z.boolean(),
  appealText: z.string().nullable(),
  appealEvidence: z.array(z.object({ url: z.string(), name: z.string().optional() })),
  appealedBy: z.uuid().nullable(),
  appealedAt: z.string().nullable(),
  reviewedBy: z.uuid().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  settledIn: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const assessmentSlipPage = pageOf(assessmentSlip);

export const slipSummaryQuery = z.strictObject({
  brandId: z.uuid(),
  /** The Shanghai month the slips were issued in. */
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
});

/** Confirmed slip totals of one month per outlet / agent, for settlement. */
export const slipSummary = z.object({
  brandId: z.uuid(),
  period: z.string(),
  items: z.array(
    z.object({
      party: z.enum(SLIP_PARTIES),
      outlet: ref.nullable(),
      user: ref.nullable(),
      count: z.int(),
      amountFen: z.int(),
      /** Of those, not yet taken by a settlement. */
      unsettledFen: z.int(),
    }),
  ),
  totalFen: z.int(),
});

export const remedyListQuery = z.strictObject({
  ...pageQuery,
  brandId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  status: z.enum(REMEDY_STATUSES).optional(),
});

export const remedyApproveBody = z.strictObject({ note: z.string().trim().max(2000).optional() });
export const remedyRejectBody = z.strictObject({ note: text(2000) });

export const remedyProposal = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  order: z.object({ id: z.uuid(), number: z.string() }),
  milestoneId: z.uuid(),
  milestoneKey: z.string(),
  /** The milestone's name in the pack's words (null for a row computed before names were stored). */
  milestoneName: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }).nullable(),
  remedyId: z.string(),
  kind: z.enum(REMEDY_KINDS),
  amountFen: z.int(),
  status: z.enum(REMEDY_STATUSES),
  decidedBy: z.uuid().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
});
export const remedyProposalPage = pageOf(remedyProposal);

export type AssessmentSlip = z.infer<typeof assessmentSlip>;
export type SlipSummary = z.infer<typeof slipSummary>;
export type RemedyProposal = z.infer<typeof remedyProposal>;
