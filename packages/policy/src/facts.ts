// What the warranty engine is asked about: one product and one fault. Dates are calendar dates
// ('YYYY-MM-DD', read as Asia/Shanghai) or instants (ISO timestamps, turned into their Shanghai date).
import { z } from 'zod';
import { isIsoDate } from './dates.ts';
import { causeSchema, componentSchema } from './schema.ts';

const dateOrInstant = z
  .string()
  .refine((v) => isIsoDate(v) || !Number.isNaN(Date.parse(v)), { message: 'expected a date or an ISO timestamp' });

export const repairRecordSchema = z.strictObject({
  /** The day the unit was handed in (or the visit day). */
  date: dateOrInstant,
  faultCode: z.string().optional(),
  paid: z.boolean().default(false),
  /** A serious performance fault in the sense of 三包 (counts toward exchange after repeated repairs). */
  serious: z.boolean().default(false),
  daysInRepair: z.int().nonnegative().default(0),
  /** Part of the time was spent waiting for the maker's parts (the longer limit applies). */
  waitingForMakerParts: z.boolean().default(false),
});

export const factsSchema = z.strictObject({
  brand: z.string().optional(),
  category: z.string(),
  model: z.string().optional(),
  serial: z.string().optional(),
  purchaseDate: dateOrInstant.optional(),
  /** An invoice (or 三包 certificate) proves the purchase date. */
  invoice: z.boolean().default(false),
  productionDate: dateOrInstant.optional(),
  /**
   * A warranty start recorded on the product by staff (a corrected or agreed date): it replaces the
   * start the pack would derive from the dates above. An exchange after it still starts anew.
   */
  warrantyStartOverride: dateOrInstant.optional(),
  deliveryDate: dateOrInstant.optional(),
  installationDate: dateOrInstant.optional(),
  channel: z.string().optional(),
  faultDate: dateOrInstant,
  /** ISO 3166 alpha-2 country where the service happens. */
  country: z.string().length(2).default('CN'),
  parts: z.array(z.string()).default([]),
  /**
   * Parts with a term of their own in the brand's catalog (months from the warranty start). A part
   * gets the longer of this and the pack's term for it: a catalog term never cuts 三包 cover short.
   */
  partTerms: z.array(z.strictObject({ part: z.string(), months: z.int().positive() })).default([]),
  faultCode: z.string().optional(),
  /** A performance (functional) fault, as opposed to appearance or a request for service. */
  performanceFault: z.boolean().default(true),
  cause: causeSchema.default('quality'),
  repairs: z.array(repairRecordSchema).default([]),
  /** The unit was exchanged on this date: the replacement's warranty starts anew. */
  exchangeDate: dateOrInstant.optional(),
  sameModelAvailable: z.boolean().default(true),
  extendedWarranties: z
    .array(
      z.strictObject({
        id: z.string(),
        from: dateOrInstant,
        to: dateOrInstant,
        covers: z.array(componentSchema).default(['labor', 'parts', 'onSite', 'transport']),
      }),
    )
    .default([]),
  entitlementUsage: z.array(z.strictObject({ id: z.string(), date: dateOrInstant })).default([]),
  /** Distance from the store or outlet, for entitlements limited by distance (free delivery within 80 km). */
  distanceKm: z.number().nonnegative().optional(),
});

/** Facts as a caller writes them (defaults optional). */
export type WarrantyFactsInput = z.input<typeof factsSchema>;
/** Facts with defaults applied. */
export type WarrantyFacts = z.output<typeof factsSchema>;
export type RepairRecord = z.output<typeof repairRecordSchema>;
