import type { IMPORT_KINDS, importProgress, importResult } from '@aftercare/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiUrl, request } from './client.ts';

export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportResult = z.infer<typeof importResult>;
export type ImportRowError = ImportResult['errors'][number];
export type ImportProgress = z.infer<typeof importProgress>;
/** create: a code that exists is an error; upsert: rows with an existing code update it. */
export type ImportMode = 'create' | 'upsert';

export const importKeys = {
  all: ['imports'] as const,
  progress: (jobId: string | null) => ['imports', 'progress', jobId] as const,
};

export function templateUrl(kind: ImportKind, format: 'csv' | 'xlsx' = 'xlsx'): string {
  return apiUrl(`/imports/templates/${kind}`, { format });
}

export interface RunImport {
  kind: ImportKind;
  file: File;
  dryRun: boolean;
  mode: ImportMode;
  /** A random id this client gives the run, to poll its progress while the upload request runs. */
  jobId: string;
}

export function useRunImport() {
  return useMutation({
    mutationKey: importKeys.all,
    mutationFn: ({ kind, file, dryRun, mode, jobId }: RunImport) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return request<ImportResult>(`/imports/${kind}`, { method: 'POST', query: { dryRun, mode, jobId }, form });
    },
  });
}

/**
 * The run's progress. Polled without credentials: the job id is the client's own secret, and a
 * request without a session never waits for the database the import is busy with.
 */
export async function fetchImportProgress(jobId: string, signal?: AbortSignal): Promise<ImportProgress | null> {
  const res = await fetch(apiUrl(`/imports/progress/${jobId}`), {
    credentials: 'omit',
    headers: { Accept: 'application/json' },
    signal,
  });
  return res.ok ? ((await res.json()) as ImportProgress) : null;
}

/** Polls a running import's progress twice a second while `jobId` is set. */
export function useImportProgress(jobId: string | null) {
  return useQuery({
    queryKey: importKeys.progress(jobId),
    queryFn: ({ signal }) => fetchImportProgress(jobId!, signal),
    enabled: jobId !== null,
    refetchInterval: 500,
    gcTime: 0,
    retry: false,
  });
}
