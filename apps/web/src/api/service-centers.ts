import type {
  serviceCenter,
  serviceCenterCreate,
  serviceCenterListQuery,
  serviceCenterUpdate,
} from '@aftercare/contracts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { type Page, restResource } from './resource.ts';

export type ServiceCenter = z.infer<typeof serviceCenter>;
export type ServiceCenterCreate = z.input<typeof serviceCenterCreate>;
export type ServiceCenterUpdate = z.input<typeof serviceCenterUpdate>;
export type ServiceCenterListQuery = Partial<z.infer<typeof serviceCenterListQuery>>;

export const serviceCenters = restResource<
  ServiceCenter,
  ServiceCenterCreate,
  ServiceCenterUpdate,
  ServiceCenterListQuery
>('/service-centers');

export function useServiceCenterOptions(regionId?: string | null) {
  return useQuery({
    queryKey: [...serviceCenters.keys.lists(), 'options', regionId ?? null],
    queryFn: ({ signal }) =>
      request<Page<ServiceCenter>>('/service-centers', {
        query: { pageSize: 200, regionId: regionId ?? undefined },
        signal,
      }),
    enabled: Boolean(regionId),
    staleTime: 60_000,
    select: (page) => page.items,
  });
}
