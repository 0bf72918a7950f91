import type {
  PolicyPackActivation,
  PolicyPackDetail,
  PolicyPackDiff,
  PolicyPackSummary,
  PolicyPackValidation,
  PolicyPackVersion,
} from '@aftercare/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client.ts';
import { queryKeys } from './resource.ts';

export type { PolicyPackDetail, PolicyPackDiff, PolicyPackSummary, PolicyPackValidation, PolicyPackVersion };

const keys = queryKeys('policy-packs');

/** Every pack the caller may see (a handful: not paged). */
export function usePolicyPacks(q?: string) {
  return useQuery({
    queryKey: keys.list({ q }),
    queryFn: ({ signal }) => request<{ items: PolicyPackSummary[] }>('/policy-packs', { query: { q }, signal }),
    select: (r) => r.items,
  });
}

export function usePolicyPack(id: string | null) {
  return useQuery({
    queryKey: keys.detail(id ?? ''),
    queryFn: ({ signal }) => request<PolicyPackDetail>(`/policy-packs/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function usePolicyPackVersion(id: string | null, version: number | null) {
  return useQuery({
    queryKey: keys.sub(id ?? '', `v${version}`),
    queryFn: ({ signal }) => request<PolicyPackVersion>(`/policy-packs/${id}/versions/${version}`, { signal }),
    enabled: Boolean(id) && version !== null,
  });
}

export function usePolicyPackDiff(id: string | null, version: number | null) {
  return useQuery({
    queryKey: keys.sub(id ?? '', `diff-v${version}`),
    queryFn: ({ signal }) => request<PolicyPackDiff>(`/policy-packs/${id}/versions/${version}/diff`, { signal }),
    enabled: Boolean(id) && version !== null,
  });
}

/** Checks a text (writes nothing); line errors come back in the answer, not as a failure. */
export function useValidatePack() {
  return useMutation({
    mutationFn: (source: string) =>
      request<PolicyPackValidation>('/policy-packs/validate', { method: 'POST', body: { source } }),
  });
}

/** Saves a new draft version; a 422 carries the line errors in `details.errors` (shown by the editor). */
export function useSaveDraft(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (source: string) =>
      request<PolicyPackVersion>(`/policy-packs/${id}/drafts`, { method: 'POST', body: { source }, silent: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useActivateVersion(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) =>
      request<PolicyPackActivation>(`/policy-packs/${id}/versions/${version}/activate`, { method: 'POST' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }),
  });
}
