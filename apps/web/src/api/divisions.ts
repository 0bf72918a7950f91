import type { division, divisionListQuery, divisionUpdate } from '@aftercare/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { queryKeys } from './resource.ts';

export { divisionPath } from './division-path.ts';

export type Division = z.infer<typeof division>;
export type DivisionListQuery = Partial<z.infer<typeof divisionListQuery>>;
export type DivisionUpdate = z.input<typeof divisionUpdate>;

export const divisionKeys = queryKeys('divisions');

/** The list endpoint is not paginated (it takes a limit); it may answer {items} or a bare array. */
export async function fetchDivisions(query: DivisionListQuery, signal?: AbortSignal): Promise<Division[]> {
  const body = await request<{ items: Division[] } | Division[]>('/divisions', { query, signal });
  return Array.isArray(body) ? body : body.items;
}

export function fetchDivision(code: string, signal?: AbortSignal): Promise<Division> {
  return request<Division>(`/divisions/${code}`, { signal, silent: true });
}

export function useDivisions(query: DivisionListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: divisionKeys.list(query),
    queryFn: ({ signal }) => fetchDivisions(query, signal),
    staleTime: 10 * 60_000,
    enabled: opts.enabled ?? true,
  });
}

export function useDivision(code: string | null | undefined) {
  return useQuery({
    queryKey: divisionKeys.detail(code ?? ''),
    queryFn: ({ signal }) => fetchDivision(code!, signal),
    enabled: Boolean(code),
    staleTime: 10 * 60_000,
  });
}

export function useUpdateDivision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: DivisionUpdate }) =>
      request<Division>(`/divisions/${code}`, { method: 'PATCH', body, silent: true }),
    onSuccess: (row) => {
      qc.setQueryData(divisionKeys.detail(row.code), row);
      return qc.invalidateQueries({ queryKey: divisionKeys.lists() });
    },
  });
}
