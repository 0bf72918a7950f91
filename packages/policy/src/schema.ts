// The policy-pack schema (section C): one YAML file per brand program, versioned, with effective dates.
// A brand pack `extends` the national baseline and overrides only what differs (resolve.ts merges them).
// Sections settlement and care are reserved for later issues: accepted
// as free-form data now, validated in depth when their engines land.
import { z } from 'zod';
import { calendarSchema } from './calendar/spec.ts';
import { isIsoDate } from './dates.ts';
import { feesSchema } from './fees.ts';
import { serviceSchema } from './service.ts';
import { remediesSchema, slaProblems, slaSchema } from './sla/schema.ts';

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected a calendar date YYYY-MM-DD' });
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'expected a lower-case id (a-z, 0-9, -)' });
const ref = z.string().min(1).optional();

export const localizedSchema = z.strictObject({ 'zh-CN': z.string().min(1), 'en-US': z.string().min(1) });

/** A period: exactly one of years, months or days, with an optional citation of the promise. */
export const termSchema = z
  .strictObject({
    years: z.int().nonnegative().optional(),
    months: z.int().nonnegative().optional(),
    days: z.int().nonnegative().optional(),
    ref,
  })
  .refine((t) => [t.years, t.months, t.days].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of years, months or days',
  });

export const causeSchema = z.enum(['quality', 'user-damage', 'natural-disaster', 'unauthorized-repair']);
export const componentSchema = z.enum(['labor', 'parts', 'onSite', 'transport']);
export const remedyKindSchema = z.enum(['return', 'exchange', 'repair']);

const categoryTermsSchema = z.strictObject({
  name: localizedSchema.optional(),
  wholeUnit: termSchema.optional(),
  mainParts: z.strictObject({ ids: z.array(slug).optional(), term: termSchema.optional(), ref }).optional(),
  /** Parts with a term of their own (e.g. an AC adapter 2 years), by part id. */
  parts: z.record(slug, termSchema).optional(),
  labor: termSchema.optional(),
  onSite: termSchema.optional(),
  transport: termSchema.optional(),
  postRepair: termSchema.optional(),
});

const promotionSchema = z.strictObject({
  id: slug,
  name: localizedSchema.optional(),
  categories: z.array(slug).min(1),
  purchased: z.strictObject({ from: isoDateSchema, to: isoDateSchema }),
  excludeChannels: z.array(z.string()).optional(),
  wholeUnit: termSchema.optional(),
  mainParts: termSchema.optional(),
  labor: termSchema.optional(),
  onSite: termSchema.optional(),
  transport: termSchema.optional(),
  ref,
});

export const warrantySchema = z.strictObject({
  start: z
    .strictObject({
      /** Which event starts the warranty when its date is known; purchase (invoice) otherwise. */
      basis: z.enum(['purchase', 'delivery', 'installation']).optional(),
      /** Without an invoice the warranty counts from the production date plus this grace period. */
      noInvoiceGrace: termSchema.optional(),
      ref,
    })
    .optional(),
  territory: z
    .strictObject({
      home: z
        .array(z.string().regex(/^[A-Z]{2}$/))
        .min(1)
        .optional(),
      /** Cover outside the home countries, counted from the warranty start (e.g. first year worldwide). */
      abroad: termSchema.optional(),
      ref,
    })
    .optional(),
  repairExtends: z.strictObject({ enabled: z.boolean(), ref }).optional(),
  exchangeRestarts: z.strictObject({ enabled: z.boolean(), ref }).optional(),
  exclusions: z.strictObject({ causes: z.array(causeSchema.exclude(['quality'])), ref }).optional(),
  /** After a paid repair, the same fault within this term is repaired free (per category in categories.*). */
  postRepair: z.strictObject({ term: termSchema, sameFault: z.boolean().optional(), ref }).optional(),
  categories: z.record(slug, categoryTermsSchema).optional(),
  promotions: z.array(promotionSchema).optional(),
});

export const returnsSchema = z.strictObject({
  /** Performance fault within this period of purchase: return, exchange or repair at the customer's choice. */
  returnWithin: termSchema.optional(),
  /** Performance fault within this period: exchange or repair. */
  exchangeWithin: termSchema.optional(),
  /** A functional fault within this period is exchanged without conditions (Gome: one month). */
  unconditionalExchangeWithin: termSchema.optional(),
  /** Within warranty, this many repairs of the same serious fault, and it fails again: exchange. */
  repeatedFailure: z.strictObject({ repairs: z.int().positive(), ref }).optional(),
  /** A repair that overruns these limits gives the listed remedies. */
  repairOverrun: z
    .strictObject({
      ownDelayDays: z.int().positive().optional(),
      partsWaitDays: z.int().positive().optional(),
      remedies: z
        .array(remedyKindSchema.exclude(['repair']))
        .min(1)
        .optional(),
      ref,
    })
    .optional(),
  /** When no unit of the same model exists, an exchange becomes a return. */
  noSameModel: z.strictObject({ remedy: z.enum(['return']), ref }).optional(),
});

export const entitlementSchema = z.strictObject({
  id: slug,
  service: slug,
  name: localizedSchema,
  categories: z.array(slug).optional(),
  count: z.int().positive(),
  /** How long the entitlement lasts, counted from the warranty start. */
  within: termSchema,
  /** When set, `count` renews each period of this length (a yearly check-up for 10 years). */
  every: termSchema.optional(),
  maxDistanceKm: z.number().positive().optional(),
  ref,
});

/**
 * A brand rule that reads the production date out of a serial number: a regular expression with
 * named groups `year` (2 or 4 digits; 2 digits mean 20yy), and either `month` (with an optional
 * `day`) or `week` (ISO week; the date is that week's Monday). The first rule whose categories and
 * model pattern fit the product and whose pattern matches the serial decides.
 */
export const serialRuleSchema = z.strictObject({
  id: slug,
  name: localizedSchema.optional(),
  /** Pack categories the rule is for; every category when left out. */
  categories: z.array(slug).min(1).optional(),
  /** A regular expression the model code must match; any model when left out. */
  model: z.string().min(1).optional(),
  /** A regular expression on the serial (trimmed, upper case) with the named groups above. */
  pattern: z.string().min(1),
  ref,
});

export const serialSchema = z.strictObject({ rules: z.array(serialRuleSchema).min(1) });

/** Why a serial rule's expressions are unusable, or null when they are fine. */
export function serialRuleProblems(rule: { model?: string | undefined; pattern: string }): {
  field: 'model' | 'pattern';
  message: string;
}[] {
  const out: { field: 'model' | 'pattern'; message: string }[] = [];
  const compile = (field: 'model' | 'pattern', source: string) => {
    try {
      return new RegExp(source);
    } catch (e) {
      out.push({ field, message: `not a valid regular expression: ${(e as Error).message}` });
      return null;
    }
  };
  if (rule.model !== undefined) compile('model', rule.model);
  const re = compile('pattern', rule.pattern);
  if (!re) return out;
  // Group names as the expression declares them (a match is not needed to know them).
  const groups = new Set([...rule.pattern.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((m) => m[1]!));
  const allowed = new Set(['year', 'month', 'day', 'week']);
  const unknown = [...groups].filter((g) => !allowed.has(g));
  if (unknown.length > 0)
    out.push({ field: 'pattern', message: `unknown named groups ${unknown.join(', ')} (use year, month, day, week)` });
  if (!groups.has('year')) out.push({ field: 'pattern', message: 'needs a named group (?<year>…) of 2 or 4 digits' });
  if (groups.has('month') === groups.has('week'))
    out.push({ field: 'pattern', message: 'needs exactly one of the named groups (?<month>…) or (?<week>…)' });
  if (groups.has('day') && !groups.has('month'))
    out.push({ field: 'pattern', message: 'a (?<day>…) group needs a (?<month>…) group' });
  return out;
}

const reserved = z.record(z.string(), z.unknown()).optional();

export const packSchema = z
  .strictObject({
    id: slug,
    version: z.int().positive(),
    extends: slug.optional(),
    name: localizedSchema,
    source: z.string().optional(),
    effective: z.strictObject({ from: isoDateSchema, to: isoDateSchema.optional() }),
    /** Retail brands run under one pack (Gome: 国美, 永乐, 大中), each with its hotline. */
    retailBrands: z
      .array(z.strictObject({ id: slug, name: localizedSchema, hotline: z.string().optional() }))
      .optional(),
    warranty: warrantySchema.optional(),
    returns: returnsSchema.optional(),
    entitlements: z.array(entitlementSchema).optional(),
    /** Production date from the serial number (section B). */
    serial: serialSchema.optional(),
    /** How the brand runs a work order: offer deadline, checklist, completion code, return visit. */
    service: serviceSchema.optional(),
    /** Promises as clocks: milestones, resolution-rate targets, appeal days (section G; sla/schema.ts). */
    sla: slaSchema.optional(),
    /** Customer remedies on breach and who may approve how much (section G). */
    remedies: remediesSchema.optional(),
    /** The brand's published fee standard (明码标价): service items by component and region, part prices. */
    fees: feesSchema.optional(),
    settlement: reserved,
    care: reserved,
    /** Working hours and which days are working days (section G); see calendar/spec.ts. */
    calendar: calendarSchema.optional(),
  })
  .superRefine((pack, ctx) => {
    const to = pack.effective.to;
    if (to && to < pack.effective.from)
      ctx.addIssue({ code: 'custom', path: ['effective', 'to'], message: 'effective.to is before effective.from' });
    pack.warranty?.promotions?.forEach((p, i) => {
      if (p.purchased.to < p.purchased.from)
        ctx.addIssue({
          code: 'custom',
          path: ['warranty', 'promotions', i, 'purchased', 'to'],
          message: 'ends before it starts',
        });
    });
    pack.serial?.rules.forEach((rule, i) => {
      for (const p of serialRuleProblems(rule))
        ctx.addIssue({ code: 'custom', path: ['serial', 'rules', i, p.field], message: p.message });
      if (pack.serial!.rules.findIndex((r) => r.id === rule.id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['serial', 'rules', i, 'id'],
          message: `rule id ${rule.id} is used twice`,
        });
    });
    for (const p of slaProblems(pack)) ctx.addIssue({ code: 'custom', path: p.path, message: p.message });
    if (!pack.extends) {
      for (const [cat, terms] of Object.entries(pack.warranty?.categories ?? {}))
        if (!terms.wholeUnit)
          ctx.addIssue({
            code: 'custom',
            path: ['warranty', 'categories', cat],
            message: 'a pack that extends no other pack needs a wholeUnit term for every category',
          });
    }
  });

export type Pack = z.infer<typeof packSchema>;
export type TermSpec = z.infer<typeof termSchema>;
export type Cause = z.infer<typeof causeSchema>;
export type Component = z.infer<typeof componentSchema>;
export type RemedyKind = z.infer<typeof remedyKindSchema>;
export type Localized = z.infer<typeof localizedSchema>;
export type Entitlement = z.infer<typeof entitlementSchema>;
export type CategoryTerms = z.infer<typeof categoryTermsSchema>;
export type Promotion = z.infer<typeof promotionSchema>;
export type SerialRule = z.infer<typeof serialRuleSchema>;
export const COMPONENTS: readonly Component[] = ['labor', 'parts', 'onSite', 'transport'];
