import { z } from 'zod';

export const IMPORT_KINDS = [
  'outlets',
  'technicians',
  'regions',
  'service_centers',
  'models',
  'parts',
  'sales',
] as const;
export const importKind = z.enum(IMPORT_KINDS);

export const importRowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
});
export const importResult = z
  .object({
    kind: importKind,
    dryRun: z.boolean(),
    total: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    /** Rows that matched what is stored (sales: the same line imported again). */
    unchanged: z.number().int().optional(),
    errors: z.array(importRowError),
  })
  .meta({ id: 'ImportResult' });

/**
 * Query of POST /imports/:kind. A dry run checks every row and, when all pass, runs every write and
 * rolls back; it answers 200 with the row errors in `errors`. A real import with any error answers 422
 * IMPORT_HAS_ERRORS with the same rows in the problem's `details`, and writes nothing.
 */
export const importQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  mode: z.enum(['create', 'upsert']).default('create'),
});
export const IMPORT_MAX_ROWS = 20_000;
export const importTemplateQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
