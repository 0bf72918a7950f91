import type { apiKey, apiKeyCreate, apiKeyCreated } from '@aftercare/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { queryKeys } from './resource.ts';

export type ApiKey = z.infer<typeof apiKey>;
export type ApiKeyCreate = z.input<typeof apiKeyCreate>;
export type ApiKeyCreated = z.infer<typeof apiKeyCreated>;

export const apiKeyKeys = queryKeys('api-keys');

/** The caller's own API keys (not paginated: a handful per user). */
export function useApiKeys() {
  return useQuery({
    queryKey: apiKeyKeys.lists(),
    queryFn: async ({ signal }) => (await request<{ items: ApiKey[] }>('/api-keys', { signal })).items,
  });
}

export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiKeyCreate) => request<ApiKeyCreated>('/api-keys', { method: 'POST', body, silent: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<ApiKey>(`/api-keys/${id}/revoke`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiKeyKeys.all }),
  });
}
