import type { AssessmentSlip, RemedyProposal, SlipSummary } from '@aftercare/contracts';
import type { RemedyView, SlipView, slipSummary } from './assessments.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

type Evidence = { url: string; name?: string };

export function presentSlip(s: SlipView, now: Date): AssessmentSlip {
  return {
    id: s.id,
    number: s.number,
    brandId: s.brand_id,
    order: { id: s.order_id, number: s.order_number },
    milestoneId: s.milestone_id,
    milestoneKey: s.milestone_key,
    party: s.party,
    outlet: s.outlet_id ? { id: s.outlet_id, name: s.outlet_name ?? '' } : null,
    user: s.user_id ? { id: s.user_id, name: s.user_name ?? '' } : null,
    amountFen: s.amount_fen,
    reason: s.reason,
    status: s.status,
    appealDueAt: s.appeal_due_at.toISOString(),
    appealable: s.status === 'open' && now < s.appeal_due_at,
    appealText: s.appeal_text,
    appealEvidence: ((s.appeal_evidence as Evidence[] | null) ?? []).map((e) => ({
      url: e.url,
      ...(e.name ? { name: e.name } : {}),
    })),
    appealedBy: s.appealed_by,
    appealedAt: iso(s.appealed_at),
    reviewedBy: s.reviewed_by,
    reviewedAt: iso(s.reviewed_at),
    reviewNote: s.review_note,
    settledIn: s.settled_in,
    createdAt: s.created_at.toISOString(),
    updatedAt: s.updated_at.toISOString(),
  };
}

export function presentSummary(
  brandId: string,
  period: string,
  rows: Awaited<ReturnType<typeof slipSummary>>,
): SlipSummary {
  const items = rows.map((r) => ({
    party: r.party,
    outlet: r.outlet_id ? { id: r.outlet_id, name: r.outlet_name ?? '' } : null,
    user: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
    count: Number(r.count),
    amountFen: Number(r.amount_fen),
    unsettledFen: Number(r.unsettled_fen),
  }));
  return { brandId, period, items, totalFen: items.reduce((a, i) => a + i.amountFen, 0) };
}

export function presentRemedy(r: RemedyView): RemedyProposal {
  return {
    id: r.id,
    brandId: r.brand_id,
    order: { id: r.order_id, number: r.order_number },
    milestoneId: r.milestone_id,
    milestoneKey: r.milestone_key,
    milestoneName: r.milestone_name,
    remedyId: r.remedy_id,
    kind: r.kind,
    amountFen: r.amount_fen,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    createdAt: r.created_at.toISOString(),
  };
}
