import type { DispatchCandidate, dispatchPin, workOrderOffer } from '@aftercare/contracts';
import type { z } from 'zod';
import type { Ranked } from './dispatch.rank.ts';
import type { offersOf, PinRow } from './dispatch.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentCandidate(r: Ranked): DispatchCandidate {
  const o = r.outlet;
  return {
    rank: r.rank,
    outlet: { id: o.id, code: o.code, name: o.name, tier: o.tier },
    status: o.status,
    pinned: r.pinned,
    coverageLevel: r.coverageLevel,
    coverageCode: r.coverageCode,
    openOrders: o.openOrders,
    capacityPerDay: o.capacityPerDay,
    overCapacity: r.overCapacity,
    kpiScore: o.kpiScore,
    lastOfferedAt: iso(o.lastOfferedAt),
    why: r.why,
  };
}

type OfferRow = Awaited<ReturnType<typeof offersOf>>[number];

export function presentOffer(r: OfferRow): z.infer<typeof workOrderOffer> {
  return {
    id: r.id,
    outlet: { id: r.outlet_id, code: r.outlet_code, name: r.outlet_name },
    rank: r.rank,
    source: r.source as z.infer<typeof workOrderOffer>['source'],
    status: r.status as z.infer<typeof workOrderOffer>['status'],
    reason: r.reason,
    offeredAt: r.offered_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    respondedAt: iso(r.responded_at),
  };
}

export function presentPin(r: PinRow): z.infer<typeof dispatchPin> {
  return {
    id: r.id,
    brandId: r.brand_id,
    customer: r.customer_id ? { id: r.customer_id, name: r.customer_name ?? '' } : null,
    customerTag: r.customer_tag,
    divisionCode: r.division_code,
    outlet: { id: r.outlet_id, code: r.outlet_code, name: r.outlet_name },
    createdAt: r.created_at.toISOString(),
  };
}
