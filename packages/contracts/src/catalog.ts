import { z } from 'zod';
import { ACTIVE_STATUS, categoryCode, pageQuery, recordName } from './common.ts';

/**
 * Product catalog per brand: product models and spare parts. Every model and part belongs to one of
 * its brand's categories. Money is integer fen (分): `priceFen: 12850` is ¥128.50.
 */

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_./+-]+$/, 'letters, digits, _ . / + and -');
const name = recordName;
const isoDate = z.iso.date();

/** A part price in fen (integer, 0 to ¥1 000 000). */
export const priceFen = z
  .number()
  .int()
  .min(0)
  .max(100_000_000)
  .meta({ description: 'Price in fen (1 yuan = 100 fen)' });

/** Free-form model specifications, e.g. {"capacity": "1.5匹", "power": "1200W", "energyClass": 1}. */
export const modelSpecs = z
  .record(z.string().trim().min(1).max(40), z.union([z.string().max(200), z.number(), z.boolean()]))
  .refine((o) => Object.keys(o).length <= 50, 'at most 50 specifications');

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

// ---------- product models ----------
export const productModel = z
  .object({
    id: z.uuid(),
    brandId: z.uuid(),
    categoryCode: z.string(),
    code: z.string(),
    name: z.string(),
    nameEn: z.string().nullable(),
    specs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
    launchedOn: z.string().nullable(),
    status: z.enum(ACTIVE_STATUS),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ProductModel' });
export const modelCreate = z.strictObject({
  brandId: z.uuid(),
  categoryCode,
  code,
  name,
  nameEn: z.string().trim().max(100).nullish(),
  specs: modelSpecs.default({}),
  launchedOn: isoDate.nullish(),
  status: z.enum(ACTIVE_STATUS).optional(),
});
// The brand and code identify a model; the specs default is dropped so a PATCH that leaves them out keeps them.
export const modelUpdate = modelCreate
  .omit({ brandId: true, code: true, specs: true })
  .partial()
  .extend({ specs: modelSpecs.optional() });
export const modelListQuery = z.strictObject({
  ...pageQuery,
  brandId: z.uuid().optional(),
  categoryCode: z.string().trim().max(40).optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(ACTIVE_STATUS).optional(),
});

// ---------- parts ----------
export const part = z
  .object({
    id: z.uuid(),
    brandId: z.uuid(),
    categoryCode: z.string(),
    code: z.string(),
    name: z.string(),
    /** A main part (主要部件) of its category, e.g. the compressor of an air conditioner. */
    isMainPart: z.boolean(),
    priceFen: z.number().int(),
    /** Overrides the pack's term for this part when set (used by the warranty evaluation). */
    warrantyTermMonths: z.number().int().nullable(),
    /** Models of the same brand this part fits (empty: not recorded). */
    modelIds: z.array(z.uuid()),
    status: z.enum(ACTIVE_STATUS),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Part' });
export const partCreate = z.strictObject({
  brandId: z.uuid(),
  categoryCode,
  code,
  name,
  isMainPart: z.boolean().default(false),
  priceFen,
  warrantyTermMonths: z.number().int().min(1).max(240).nullish(),
  modelIds: z.array(z.uuid()).max(500).default([]),
  status: z.enum(ACTIVE_STATUS).optional(),
});
export const partUpdate = partCreate
  .omit({ brandId: true, code: true, isMainPart: true, modelIds: true, priceFen: true })
  .partial()
  .extend({
    isMainPart: z.boolean().optional(),
    priceFen: priceFen.optional(),
    modelIds: z.array(z.uuid()).max(500).optional(),
  });
export const partListQuery = z.strictObject({
  ...pageQuery,
  brandId: z.uuid().optional(),
  categoryCode: z.string().trim().max(40).optional(),
  modelId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  status: z.enum(ACTIVE_STATUS).optional(),
  mainPart: booleanQuery.optional(),
});

/** The brand's fault-code catalog (故障代码), picked at intake and at diagnosis. */
export const faultCode = z
  .object({
    brandId: z.uuid(),
    code: z.string(),
    categoryCode: z.string().nullable(),
    name: z.string(),
    serious: z.boolean(),
    status: z.enum(['active', 'inactive']),
  })
  .meta({ id: 'FaultCode' });
export type FaultCode = z.infer<typeof faultCode>;

export const faultCodeListQuery = z.strictObject({
  brandId: z.uuid().optional(),
  /** Codes for this category plus the brand's codes that apply to every category. */
  categoryCode: categoryCode.optional(),
  status: z.enum(['active', 'inactive']).optional(),
});

export const faultCodeUpsert = z.strictObject({
  brandId: z.uuid(),
  code: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9-]+$/, 'letters, digits and -')
    .transform((c) => c.toUpperCase()),
  categoryCode: categoryCode.nullish(),
  name: z.string().trim().min(1).max(100),
  serious: z.boolean().default(false),
  status: z.enum(['active', 'inactive']).default('active'),
});
