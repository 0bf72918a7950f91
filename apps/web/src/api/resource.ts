import { keepPreviousData, type UseQueryResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Query, request } from './client.ts';

/** The list shape every paginated endpoint answers with. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Query keys of one domain: all ⊃ lists ⊃ list(params); all ⊃ details ⊃ detail(id). */
export function queryKeys<R extends string>(root: R) {
  return {
    all: [root] as const,
    lists: () => [root, 'list'] as const,
    list: (params: object) => [root, 'list', params] as const,
    details: () => [root, 'detail'] as const,
    detail: (id: string) => [root, 'detail', id] as const,
    sub: (id: string, what: string) => [root, 'detail', id, what] as const,
  };
}

/**
 * The hooks of one REST collection (`GET /x`, `GET /x/:id`, `POST /x`, `PATCH /x/:id`). Each domain
 * file calls this with its contract types; nothing else is shared or injected.
 */
export function restResource<T extends { id: string }, C, U, Q extends Query>(path: string) {
  const keys = queryKeys(path.replace(/^\//, ''));
  return {
    keys,
    useList(params: Q, opts: { enabled?: boolean } = {}): UseQueryResult<Page<T>> {
      return useQuery({
        queryKey: keys.list(params),
        queryFn: ({ signal }) => request<Page<T>>(path, { query: params, signal }),
        placeholderData: keepPreviousData,
        enabled: opts.enabled ?? true,
      });
    },
    useOne(id: string | null | undefined): UseQueryResult<T> {
      return useQuery({
        queryKey: keys.detail(id ?? ''),
        queryFn: ({ signal }) => request<T>(`${path}/${id}`, { signal }),
        enabled: Boolean(id),
      });
    },
    useCreate() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (body: C) => request<T>(path, { method: 'POST', body, silent: true }),
        onSuccess: (row) => {
          qc.setQueryData(keys.detail(row.id), row);
          return qc.invalidateQueries({ queryKey: keys.lists() });
        },
      });
    },
    useUpdate() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: ({ id, body, silent }: { id: string; body: U; silent?: boolean }) =>
          request<T>(`${path}/${id}`, { method: 'PATCH', body, silent: silent ?? true }),
        onSuccess: (row) => {
          qc.setQueryData(keys.detail(row.id), row);
          return qc.invalidateQueries({ queryKey: keys.lists() });
        },
      });
    },
  };
}
