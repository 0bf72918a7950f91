import type { region, regionCreate, regionListQuery, regionUpdate } from '@aftercare/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { type Page, restResource } from './resource.ts';

export type Region = z.infer<typeof region>;
export type RegionCreate = z.input<typeof regionCreate>;
export type RegionUpdate = z.input<typeof regionUpdate>;
export type RegionListQuery = Partial<z.infer<typeof regionListQuery>>;

export const regions = restResource<Region, RegionCreate, RegionUpdate, RegionListQuery>('/regions');

/** Regions of one brand (or of every visible brand), for pickers. */
export function useRegionOptions(brandId?: string | null) {
  return useQuery({
    queryKey: [...regions.keys.lists(), 'options', brandId ?? null],
    queryFn: ({ signal }) =>
      request<Page<Region>>('/regions', { query: { pageSize: 200, brandId: brandId ?? undefined }, signal }),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
