import type { appointmentList, WorkOrder } from '@aftercare/contracts';
import { useQueries } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from '../../api/client.ts';
import { workOrderKeys } from '../../api/work-orders.ts';

/** A time window as the server sends it. */
export interface Window {
  start: string;
  end: string;
}

export type Appointments = z.infer<typeof appointmentList>;

/** The active appointment window of each order (GET /work-orders/:id/appointments), by order id. */
export function useActiveWindows(orders: readonly WorkOrder[]): { windows: Map<string, Window>; loading: boolean } {
  const results = useQueries({
    queries: orders.map((o) => ({
      queryKey: workOrderKeys.sub(o.id, 'appointments'),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request<Appointments>(`/work-orders/${o.id}/appointments`, { signal, silent: true }),
      retry: false,
      staleTime: 30_000,
    })),
  });
  const windows = new Map<string, Window>();
  results.forEach((r, i) => {
    const active = r.data?.items.find((a) => a.status === 'active');
    if (active) windows.set(orders[i]!.id, { start: active.start, end: active.end });
  });
  return { windows, loading: results.some((r) => r.isLoading) };
}
