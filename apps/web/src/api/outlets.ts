import type { outlet, outletCreate, outletListQuery, outletUpdate } from '@aftercare/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { type Page, restResource } from './resource.ts';

export type Outlet = z.infer<typeof outlet>;
export type OutletCreate = z.input<typeof outletCreate>;
export type OutletUpdate = z.input<typeof outletUpdate>;
export type OutletListQuery = Partial<z.infer<typeof outletListQuery>>;

export const outlets = restResource<Outlet, OutletCreate, OutletUpdate, OutletListQuery>('/outlets');

/** Outlets matching a search term, for remote pickers. */
export function useOutletSearch(q: string) {
  return useQuery({
    queryKey: [...outlets.keys.lists(), 'search', q],
    queryFn: ({ signal }) => request<Page<Outlet>>('/outlets', { query: { q, pageSize: 20 }, signal }),
    staleTime: 30_000,
    select: (page) => page.items,
  });
}
