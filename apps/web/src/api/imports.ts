import type { IMPORT_KINDS, importResult } from '@aftercare/contracts';
import { useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiUrl, request } from './client.ts';

export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportResult = z.infer<typeof importResult>;
export type ImportRowError = ImportResult['errors'][number];
/** create: a code that exists is an error; upsert: rows with an existing code update it. */
export type ImportMode = 'create' | 'upsert';

export const importKeys = { all: ['imports'] as const };

export function templateUrl(kind: ImportKind, format: 'csv' | 'xlsx' = 'xlsx'): string {
  return apiUrl(`/imports/templates/${kind}`, { format });
}

export function useRunImport() {
  return useMutation({
    mutationKey: importKeys.all,
    mutationFn: ({ kind, file, dryRun, mode }: { kind: ImportKind; file: File; dryRun: boolean; mode: ImportMode }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request<ImportResult>(`/imports/${kind}`, { method: 'POST', query: { dryRun, mode }, form });
    },
  });
}
