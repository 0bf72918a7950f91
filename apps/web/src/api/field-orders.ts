import type { customerOrderView, dayPlan, visitBody } from '@aftercare/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { workOrderKeys } from './work-orders.ts';

/**
 * The calls only the field pages make (outlet day plan, the technician's visit record, the customer's
 * H5 page). Orders, steps and an order's sub-collections come from ./work-orders.ts (shared with the
 * staff console).
 */
export type DayPlan = z.infer<typeof dayPlan>;
export type CustomerOrderView = z.infer<typeof customerOrderView>;

export function useDayPlan(outletId: string | null | undefined, date: string) {
  return useQuery({
    queryKey: ['outlets', 'detail', outletId ?? '', 'day-plan', date],
    queryFn: ({ signal }) => request<DayPlan>(`/outlets/${outletId}/day-plan`, { query: { date }, signal }),
    enabled: Boolean(outletId),
  });
}

/** What the technician records on site (`PUT /work-orders/:id/visit`, saves the open visit). */
export type VisitInput = z.input<typeof visitBody>;

export function useSaveVisit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: VisitInput) =>
      request<unknown>(`/work-orders/${id}/visit`, { method: 'PUT', body, silent: true }),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: workOrderKeys.detail(id) }),
        qc.invalidateQueries({ queryKey: workOrderKeys.sub(id, 'visits') }),
      ]),
  });
}

// ---- The customer's H5 page (public, by the token in the SMS link) ----

const h5Keys = (token: string) => ['h5', token] as const;

export function useH5Order(token: string | undefined) {
  return useQuery({
    queryKey: [...h5Keys(token ?? ''), 'order'],
    queryFn: ({ signal }) => request<CustomerOrderView>(`/h5/orders/${token}`, { signal, silent: true }),
    enabled: Boolean(token),
    retry: false,
    refetchInterval: 60_000,
  });
}

export function useH5Charges<T>(token: string | undefined) {
  return useQuery({
    queryKey: [...h5Keys(token ?? ''), 'charges'],
    queryFn: ({ signal }) => request<T>(`/h5/orders/${token}/charges`, { signal, silent: true }),
    enabled: Boolean(token),
    retry: false,
  });
}

export function useH5Action(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, body }: { path: 'quote/decision' | 'confirm'; body?: unknown }) =>
      request<unknown>(`/h5/orders/${token}/${path}`, { method: 'POST', body: body ?? {}, silent: true }),
    onSettled: () => qc.invalidateQueries({ queryKey: h5Keys(token) }),
  });
}
