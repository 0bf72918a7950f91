import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.strictObject({ id: z.uuid() });

export const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problem>;

/** Mainland mobile or landline with area code, as typed by people (spaces, dashes, +86 allowed). */
export const phoneInput = z
  .string()
  .trim()
  .min(5)
  .max(30)
  .regex(/^[+\d][\d\s-]*$/, 'phone number');

export const divisionCode = z.string().regex(/^\d{6}(\d{3})?$/, '6-digit GB/T 2260 or 9-digit township code');

export const okResponse = z.object({ ok: z.literal(true) });

export const ACTIVE_STATUS = ['active', 'inactive'] as const;

/** A brand's product category code (air_conditioner, washer, laptop …), shared by every contract. */
export const categoryCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and _');

/** The display name of a record (brand, region, outlet, model, part …). */
export const recordName = z.string().trim().min(1).max(100);
