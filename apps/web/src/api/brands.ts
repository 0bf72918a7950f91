import type { brand, brandCreate, brandListQuery, brandUpdate } from '@aftercare/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { type Page, restResource } from './resource.ts';

export type Brand = z.infer<typeof brand>;
export type BrandCreate = z.input<typeof brandCreate>;
export type BrandUpdate = z.input<typeof brandUpdate>;
export type BrandListQuery = Partial<z.infer<typeof brandListQuery>>;

export const brands = restResource<Brand, BrandCreate, BrandUpdate, BrandListQuery>('/brands');

/** Every brand the caller can see (a few dozen at most), for pickers and id → name lookups. */
export function useAllBrands() {
  return useQuery({
    queryKey: [...brands.keys.lists(), 'all'],
    queryFn: ({ signal }) => request<Page<Brand>>('/brands', { query: { pageSize: 200 }, signal }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
