import { z } from 'zod';

export const IMPORT_KINDS = ['outlets', 'technicians', 'regions', 'service_centers'] as const;
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
    errors: z.array(importRowError),
  })
  .meta({ id: 'ImportResult' });
