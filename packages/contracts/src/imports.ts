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
  /**
   * An id the client generates for this run (a random UUID) to poll GET /imports/progress/:jobId
   * while the request runs.
   */
  jobId: z.uuid().optional(),
});

export const importProgressParams = z.strictObject({ jobId: z.uuid() });

/**
 * A run's progress: `checking` (reading and checking every row), `writing` (`processed` of `total`
 * rows written, in one transaction), then `done` or `failed` (refused: nothing written).
 */
export const importProgress = z
  .object({
    jobId: z.uuid(),
    kind: importKind,
    dryRun: z.boolean(),
    phase: z.enum(['checking', 'writing', 'done', 'failed']),
    processed: z.number().int(),
    total: z.number().int().nullable(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportProgress' });
export const IMPORT_MAX_ROWS = 20_000;
export const importTemplateQuery = z.strictObject({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
