import type {
  technician,
  technicianCreate,
  technicianListQuery,
  technicianUpdate,
  training,
  trainingCreate,
} from '@aftercare/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { type Page, restResource } from './resource.ts';

export type Technician = z.infer<typeof technician>;
export type TechnicianCreate = z.input<typeof technicianCreate>;
export type TechnicianUpdate = z.input<typeof technicianUpdate>;
export type TechnicianListQuery = Partial<z.infer<typeof technicianListQuery>>;
export type Training = z.infer<typeof training>;
export type TrainingCreate = z.input<typeof trainingCreate>;

export const technicians = restResource<Technician, TechnicianCreate, TechnicianUpdate, TechnicianListQuery>(
  '/technicians',
);

/** Trainings may come back as a page or as a bare array; both are accepted. */
function itemsOf<T>(body: Page<T> | T[]): T[] {
  return Array.isArray(body) ? body : body.items;
}

export function useTrainings(technicianId: string | null | undefined) {
  return useQuery({
    queryKey: technicians.keys.sub(technicianId ?? '', 'trainings'),
    queryFn: async ({ signal }) =>
      itemsOf(await request<Page<Training> | Training[]>(`/technicians/${technicianId}/trainings`, { signal })),
    enabled: Boolean(technicianId),
  });
}

export function useAddTraining(technicianId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TrainingCreate) =>
      request<Training>(`/technicians/${technicianId}/trainings`, { method: 'POST', body, silent: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: technicians.keys.sub(technicianId, 'trainings') }),
  });
}

export function useTechnicianSearch(q: string, outletId?: string | null) {
  return useQuery({
    queryKey: [...technicians.keys.lists(), 'search', q, outletId ?? null],
    queryFn: ({ signal }) =>
      request<Page<Technician>>('/technicians', {
        query: { q, outletId: outletId ?? undefined, pageSize: 20 },
        signal,
      }),
    select: (page) => page.items,
  });
}
