// Warranty evaluation (section D): the facts a caller sends come from the policy package's own schema
// (factsSchema), and the verdict schema below mirrors its Verdict type (checked at compile time at the
// end of this file), so neither is written twice.
import {
  causeSchema,
  factsSchema,
  localizedSchema,
  type Verdict as PolicyVerdict,
  remedyKindSchema,
} from '@aftercare/policy';
import { z } from 'zod';

const packId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a pack id: lower-case letters, digits and -');

/**
 * Ad-hoc facts: everything the engine takes except the brand name, which comes from `brandId` (the
 * brand must be visible to the caller). The brand's pack (brands.policy_pack) is used unless `packId`
 * names another; the version is the one in force on the purchase date unless `packVersion` is given.
 */
export const warrantyEvaluateBody = factsSchema.omit({ brand: true }).extend({
  brandId: z.uuid(),
  packId: packId.optional(),
  packVersion: z.int().positive().optional(),
});

/** GET /products/:id/warranty: the fault and the service (the product supplies the rest). */
export const productWarrantyQuery = z.strictObject({
  /** Calendar date or ISO timestamp; today (Asia/Shanghai) when left out. */
  faultDate: factsSchema.shape.faultDate.optional(),
  /** ISO 3166 alpha-2 country where the service happens. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'an ISO 3166 alpha-2 country code such as CN')
    .optional(),
  /** Part codes, comma-separated: catalog part codes of the brand or part ids named by the pack. */
  parts: z.string().trim().max(500).optional(),
  faultCode: z.string().trim().min(1).max(60).optional(),
  cause: causeSchema.optional(),
  performanceFault: z.enum(['true', 'false']).optional(),
});

const packRef = z.object({ id: z.string(), version: z.int() });
const clause = z.object({
  pack: packRef,
  path: z.string(),
  ref: z.string().optional(),
  contract: z.string().optional(),
  catalogPart: z.string().optional(),
  record: z.enum(['warrantyStartOverride']).optional(),
});
const decision = z.object({
  covered: z.boolean(),
  until: z.string().nullable(),
  clause,
  explanation: localizedSchema,
});

export const warrantyVerdict = z
  .object({
    pack: packRef,
    chain: z.array(packRef),
    faultDate: z.string(),
    start: z
      .object({
        date: z.string(),
        basis: z.enum(['purchase', 'delivery', 'installation', 'production', 'exchange', 'override']),
        extensionDays: z.int(),
        clause,
        explanation: localizedSchema,
      })
      .nullable(),
    covered: z.boolean(),
    components: z.object({ labor: decision, parts: decision, onSite: decision, transport: decision }),
    parts: z.array(decision.extend({ part: z.string(), main: z.boolean() })),
    remedies: z.array(z.object({ kind: remedyKindSchema, free: z.boolean(), clause, explanation: localizedSchema })),
    entitlements: z.array(
      z.object({
        id: z.string(),
        service: z.string(),
        name: localizedSchema,
        available: z.boolean(),
        remaining: z.int(),
        used: z.int(),
        until: z.string().nullable(),
        clause,
        explanation: localizedSchema,
      }),
    ),
    notes: z.array(z.object({ clause, explanation: localizedSchema })),
  })
  .meta({ id: 'WarrantyVerdict' });

export const WARRANTY_PACK_SOURCES = ['brand', 'request', 'baseline'] as const;

export const warrantyEvaluation = z
  .object({
    verdict: warrantyVerdict,
    /**
     * How the pack version was chosen: `in-force` on `on` (the purchase date, else the production or
     * fault date), `requested` (packVersion), `earliest` when no version had taken effect yet on `on`,
     * `latest` when every version that had started has ended by then.
     * `source`: the brand's pack, the pack the request named, or the national baseline for a brand without one.
     */
    selection: z.object({
      packId: z.string(),
      version: z.int(),
      on: z.string(),
      rule: z.enum(['in-force', 'requested', 'earliest', 'latest']),
      source: z.enum(WARRANTY_PACK_SOURCES),
    }),
    /** The facts evaluated, with defaults applied (for a stored product: what the record supplied). */
    facts: factsSchema,
    /**
     * Every explanation carries zh-CN and en-US; this is the one the caller asked for (Accept-Language),
     * for clients that show a single language.
     */
    language: z.enum(['zh-CN', 'en-US']),
  })
  .meta({ id: 'WarrantyEvaluation' });

export type WarrantyEvaluation = z.infer<typeof warrantyEvaluation>;

// The schema and the policy package's type must describe the same verdict: each must be assignable
// to the other, so a field added on one side without the other fails typecheck.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const verdictMatches: Same<z.infer<typeof warrantyVerdict>, PolicyVerdict> = true;
void verdictMatches;

// ---------- entitlement uses (free services consumed) ----------

/** The entitlement id is the pack's (`aux-yearly-checkup`); checked against the pack, not here. */
export const entitlementParams = z.strictObject({ id: z.uuid(), entitlementId: z.string().trim().min(1).max(60) });
export const entitlementUseParams = entitlementParams.extend({ useId: z.string().trim().min(1).max(60) });

export const entitlementUseBody = z.strictObject({
  /** The day the free service was given (Asia/Shanghai calendar date); today when left out. */
  usedOn: z.iso.date().optional(),
  /** The work order it was given on, as text until work orders link uses themselves. */
  workOrderRef: z.string().trim().min(1).max(100).optional(),
});

export const entitlementVoidBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });

export const entitlementUse = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    entitlementId: z.string(),
    usedOn: z.string(),
    workOrderRef: z.string().nullable(),
    pack: packRef,
    status: z.enum(['active', 'voided']),
    voidReason: z.string().nullable(),
    voidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'EntitlementUse' });

/** A use (or its correction) and the entitlement's standing on the use day after it. */
export const entitlementUseResult = z
  .object({
    use: entitlementUse,
    entitlement: warrantyVerdict.shape.entitlements.element,
  })
  .meta({ id: 'EntitlementUseResult' });

export const entitlementUseList = z.object({ items: z.array(entitlementUse) }).meta({ id: 'EntitlementUseList' });
