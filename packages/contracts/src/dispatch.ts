import { z } from 'zod';
import { divisionCode, pageOf, pageQuery } from './common.ts';
import { OUTLET_TIERS } from './network.ts';

/** Section F: dispatch — candidates, offers with a deadline, hand-offs, the board, pins. */

const text = (max: number) => z.string().trim().min(1).max(max);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const OFFER_SOURCES = ['auto', 'pinned', 'dispatcher'] as const;
export const OFFER_STATUSES = ['pending', 'accepted', 'refused', 'expired', 'withdrawn'] as const;
export const BOARD_VIEWS = ['unassigned', 'refused', 'overdue'] as const;

export const assignBody = z.strictObject({ technicianId: z.uuid() });
export const redirectBody = z.strictObject({ outletId: z.uuid(), reason: text(500) });

/** A ranked candidate outlet for an order, with why it stands where it does. */
export const dispatchCandidate = z.object({
  rank: z.int(),
  outlet: z.object({ id: z.uuid(), code: z.string(), name: z.string(), tier: z.enum(OUTLET_TIERS) }),
  status: z.string(),
  pinned: z.boolean(),
  /** The covering division's level (4 township … 1 province); null for a pinned outlet without coverage. */
  coverageLevel: z.int().nullable(),
  coverageCode: z.string().nullable(),
  openOrders: z.int(),
  capacityPerDay: z.int(),
  overCapacity: z.boolean(),
  kpiScore: z.int(),
  lastOfferedAt: z.string().nullable(),
  why: z.array(z.string()),
});
export type DispatchCandidate = z.infer<typeof dispatchCandidate>;
export const dispatchCandidates = z.object({
  items: z.array(dispatchCandidate),
  /** Outlets left out because they already refused or let an offer for this order expire. */
  excluded: z.array(z.object({ outletId: z.uuid(), status: z.enum(OFFER_STATUSES) })),
});

/** One hand-off of an order to an outlet (offers are never deleted). */
export const workOrderOffer = z.object({
  id: z.uuid(),
  outlet: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  rank: z.int().nullable(),
  source: z.enum(OFFER_SOURCES),
  status: z.enum(OFFER_STATUSES),
  reason: z.string().nullable(),
  offeredAt: z.string(),
  expiresAt: z.string(),
  respondedAt: z.string().nullable(),
});
export const workOrderOffers = z.object({ items: z.array(workOrderOffer), handoffs: z.int() });

/** What an outlet learns after refusing: whether the order went on, never to whom. */
export const refusalResult = z.object({ id: z.uuid(), number: z.string(), handedOn: z.boolean() });

export const boardQuery = z.strictObject({
  ...pageQuery,
  view: z.enum(BOARD_VIEWS).default('unassigned'),
  brandId: z.uuid().optional(),
  regionId: z.uuid().optional(),
});

export const dayPlanQuery = z.strictObject({ date: isoDay.optional() });
export const dayPlan = z.object({
  outletId: z.uuid(),
  date: z.string(),
  technicians: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.string(),
      jobs: z.array(
        z.object({
          orderId: z.uuid(),
          number: z.string(),
          status: z.string(),
          type: z.string(),
          windowStart: z.string(),
          windowEnd: z.string(),
          address: z.string(),
          contactName: z.string(),
        }),
      ),
    }),
  ),
});

export const dispatchPin = z.object({
  id: z.uuid(),
  brandId: z.uuid(),
  customer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  customerTag: z.string().nullable(),
  divisionCode: z.string().nullable(),
  outlet: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  createdAt: z.string(),
});
export const dispatchPinPage = pageOf(dispatchPin);
export const pinListQuery = z.strictObject({ ...pageQuery, brandId: z.uuid().optional() });
export const pinCreate = z
  .strictObject({
    brandId: z.uuid(),
    customerId: z.uuid().optional(),
    customerTag: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .regex(/^[a-z0-9_]+(:[a-z0-9_]+)?$/, 'tag like key_account or institution:hospital')
      .optional(),
    divisionCode: divisionCode.optional(),
    outletId: z.uuid(),
  })
  .refine((b) => (b.customerId === undefined) !== (b.customerTag === undefined), {
    message: 'give either customerId or customerTag',
    path: ['customerId'],
  });
