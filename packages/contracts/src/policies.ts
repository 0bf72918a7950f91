// Policy packs (section C): the YAML versions stored in the database, edited in the console,
// validated with the policy package's parser and activated. Bodies and queries are strict.
import { localizedSchema } from '@aftercare/policy';
import { z } from 'zod';

export const POLICY_PACK_STATUS = ['draft', 'active', 'retired'] as const;
export const policyPackStatus = z.enum(POLICY_PACK_STATUS);
export type PolicyPackStatus = z.infer<typeof policyPackStatus>;

/** A pack id as the YAML writes it (cn-baseline, aux). */
export const policyPackId = z
  .string()
  .max(60)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a pack id: lower-case letters, digits and -');

export const policyPackParams = z.strictObject({ id: policyPackId });
export const policyPackVersionParams = z.strictObject({
  id: policyPackId,
  version: z.coerce.number().int().positive().max(1_000_000),
});

/** A problem in a pack's text, at a line and column (1-based) of it. */
export const policyPackError = z.strictObject({
  line: z.number().int(),
  column: z.number().int(),
  /** Dotted path into the pack (`warranty.categories.washer`), empty for the document. */
  path: z.string(),
  message: z.string(),
});
export type PolicyPackError = z.infer<typeof policyPackError>;

/** The YAML text of a pack version (up to 200 000 characters). */
const source = z.string().min(1).max(200_000);

export const policyPackListQuery = z.strictObject({ q: z.string().trim().max(60).optional() });
export const policyPackValidateBody = z.strictObject({ source });
export const policyPackDraftBody = z.strictObject({ source });
export const policyPackDiffQuery = z.strictObject({
  /** The version to compare with; the active version when left out. */
  against: z.coerce.number().int().positive().max(1_000_000).optional(),
});

export const policyPackValidation = z.strictObject({
  ok: z.boolean(),
  errors: z.array(policyPackError),
  /** What the text declares, when it parsed. */
  pack: z
    .strictObject({
      id: z.string(),
      version: z.number().int(),
      extends: z.string().nullable(),
      effectiveFrom: z.string(),
      effectiveTo: z.string().nullable(),
    })
    .nullable(),
});
export type PolicyPackValidation = z.infer<typeof policyPackValidation>;

export const policyPackVersionSummary = z.strictObject({
  packId: z.string(),
  version: z.number().int(),
  status: policyPackStatus,
  extends: z.string().nullable(),
  name: localizedSchema,
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  brandId: z.string().nullable(),
  /** file: imported from policies/ at start; console: saved as a draft in the console or the API. */
  origin: z.enum(['file', 'console']),
  authorName: z.string().nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
});
export type PolicyPackVersionSummary = z.infer<typeof policyPackVersionSummary>;

export const policyPackVersion = policyPackVersionSummary.extend({ source: z.string() });
export type PolicyPackVersion = z.infer<typeof policyPackVersion>;

export const policyPackSummary = z.strictObject({
  id: z.string(),
  name: localizedSchema,
  extends: z.string().nullable(),
  /** The newest active version (the one a purchase today gets, unless its dates say otherwise). */
  activeVersion: z.number().int().nullable(),
  /** Every active version: older ones stay active while they govern purchases of their own period. */
  activeVersions: z.array(z.number().int()),
  drafts: z.array(z.number().int()),
  latestVersion: z.number().int(),
  /** The brands (visible to the caller) whose policy pack this is. */
  brands: z.array(z.strictObject({ id: z.string(), code: z.string(), name: z.string() })),
  /** Whether the caller may save drafts of it and activate them. */
  writable: z.boolean(),
});
export type PolicyPackSummary = z.infer<typeof policyPackSummary>;

export const policyPackList = z.strictObject({ items: z.array(policyPackSummary) });

export const policyPackDetail = policyPackSummary.extend({ versions: z.array(policyPackVersionSummary) });
export type PolicyPackDetail = z.infer<typeof policyPackDetail>;

export const policyPackDiff = z.strictObject({
  packId: z.string(),
  version: z.number().int(),
  /** The version compared with; null when there is none (the diff adds every line). */
  against: z.number().int().nullable(),
  /** A unified diff (`---`/`+++` headers, `@@` hunks, lines starting with ' ', '+' or '-'). */
  unified: z.string(),
  added: z.number().int(),
  removed: z.number().int(),
});
export type PolicyPackDiff = z.infer<typeof policyPackDiff>;

export const policyPackActivation = z.strictObject({
  version: policyPackVersion,
  /** The versions this one replaced for their whole effective period, now retired. */
  retired: z.array(z.number().int()),
});
export type PolicyPackActivation = z.infer<typeof policyPackActivation>;
