// The `service` section of a pack: how the brand runs a work order (sections E and F) — how long an
// outlet has to accept an offer, the on-site conduct checklist, how completion is verified and when
// the return visit is due. Pure data and pure lookups; the server enforces them.
import { z } from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lower-case id (a-z, 0-9, -)' });
const localized = z.strictObject({ 'zh-CN': z.string().min(1), 'en-US': z.string().min(1) });
const ref = z.string().min(1).optional();

export const checklistItemSchema = z.strictObject({
  id: slug,
  name: localized,
  /** A required item must be ticked before the visit can complete. */
  required: z.boolean().default(true),
  ref,
});

export const serviceSchema = z.strictObject({
  dispatch: z
    .strictObject({
      /** Minutes an outlet has to accept or refuse an offer before it moves to the next candidate. */
      acceptMinutes: z
        .int()
        .positive()
        .max(24 * 60),
      /** Offers made automatically before the order waits on the dispatch board for a person. */
      maxAutoOffers: z.int().positive().max(20).default(5),
      ref,
    })
    .optional(),
  visit: z
    .strictObject({
      checklist: z.array(checklistItemSchema).default([]),
      /** A check-in farther than this from the service address is flagged (fraud signal). */
      checkInMaxDistanceM: z.int().positive().default(1000),
      ref,
    })
    .optional(),
  completion: z
    .strictObject({
      /** Minutes a one-time completion code sent to the customer stays valid. */
      codeTtlMinutes: z
        .int()
        .positive()
        .max(24 * 60)
        .default(30),
      codeLength: z.int().min(4).max(8).default(6),
      ref,
    })
    .optional(),
  returnVisit: z
    .strictObject({
      /** Hours after completion by which the return visit is due. */
      dueHours: z
        .number()
        .positive()
        .max(24 * 30),
      ref,
    })
    .optional(),
});

export type ServiceRules = z.infer<typeof serviceSchema>;

/** Defaults where neither the brand pack nor the baseline says anything. */
export const SERVICE_DEFAULTS = {
  acceptMinutes: 30,
  maxAutoOffers: 5,
  checkInMaxDistanceM: 1000,
  codeTtlMinutes: 30,
  codeLength: 6,
  returnVisitDueHours: 72,
} as const;

export interface ResolvedServiceRules {
  acceptMinutes: number;
  maxAutoOffers: number;
  checklist: z.infer<typeof checklistItemSchema>[];
  checkInMaxDistanceM: number;
  codeTtlMinutes: number;
  codeLength: number;
  returnVisitDueHours: number;
}

/** The service rules of a (resolved) pack with the defaults filled in. */
export function serviceRules(pack: { service?: ServiceRules | undefined } | undefined): ResolvedServiceRules {
  const s = pack?.service;
  return {
    acceptMinutes: s?.dispatch?.acceptMinutes ?? SERVICE_DEFAULTS.acceptMinutes,
    maxAutoOffers: s?.dispatch?.maxAutoOffers ?? SERVICE_DEFAULTS.maxAutoOffers,
    checklist: s?.visit?.checklist ?? [],
    checkInMaxDistanceM: s?.visit?.checkInMaxDistanceM ?? SERVICE_DEFAULTS.checkInMaxDistanceM,
    codeTtlMinutes: s?.completion?.codeTtlMinutes ?? SERVICE_DEFAULTS.codeTtlMinutes,
    codeLength: s?.completion?.codeLength ?? SERVICE_DEFAULTS.codeLength,
    returnVisitDueHours: s?.returnVisit?.dueHours ?? SERVICE_DEFAULTS.returnVisitDueHours,
  };
}

/** Great-circle distance in metres (check-in against the service address). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.sqrt(h)));
}
