import {
  BOARD_VIEWS,
  type dispatchCandidates,
  type intakeResult,
  type OrderAction,
  type orderEvent,
  type WorkOrder,
  type workOrderOffers,
} from '@aftercare/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type IntakeBody,
  ifMatch,
  type OutcomeValues,
  orderQueryString,
  outcomeBodyOf,
  routeSetOf,
} from '../pages/orders/order-values.ts';
import { request } from './client.ts';
import { type Page, queryKeys } from './resource.ts';

/** The staff console's work-order calls: intake, list, record, timeline, steps, board, return visits. */

export type { WorkOrder };
export type OrderEvent = z.infer<typeof orderEvent>;
export type IntakeResult = z.infer<typeof intakeResult> & { customerLink: string | null };

/** Query keys; the `work-orders` root is shared with the field pages so a step refreshes both. */
export const workOrderKeys = {
  ...queryKeys('work-orders'),
  board: (params: object) => ['work-orders', 'board', params] as const,
  returnVisits: (params: object) => ['return-visits', 'list', params] as const,
  faultCodes: (brandId: string) => ['fault-codes', brandId] as const,
  routes: ['api-routes'] as const,
};

export interface OrderListParams {
  page: number;
  pageSize: number;
  status?: string[];
  open?: string;
  type?: string;
  brandId?: string;
  q?: string;
}

export function useWorkOrders(params: OrderListParams) {
  return useQuery({
    queryKey: workOrderKeys.list(params),
    queryFn: ({ signal }) => request<Page<WorkOrder>>(`/work-orders?${orderQueryString({ ...params })}`, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWorkOrder(id: string | undefined) {
  return useQuery({
    queryKey: workOrderKeys.detail(id ?? ''),
    queryFn: ({ signal }) => request<WorkOrder>(`/work-orders/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useTimeline(id: string | undefined) {
  return useQuery({
    queryKey: workOrderKeys.sub(id ?? '', 'timeline'),
    queryFn: ({ signal }) => request<{ items: OrderEvent[] }>(`/work-orders/${id}/timeline`, { signal }),
    enabled: Boolean(id),
    select: (b) => b.items,
  });
}

/**
 * The server's routes (from its OpenAPI document), read once per session: the console shows a step
 * or a panel only when its route exists.
 */
export function useApiRoutes() {
  return useQuery({
    queryKey: workOrderKeys.routes,
    queryFn: async ({ signal }) => {
      try {
        const res = await fetch('/api/openapi.json', { signal, credentials: 'same-origin' });
        return routeSetOf(res.ok ? await res.json() : null);
      } catch (err) {
        if ((err as Error).name === 'AbortError') throw err;
        return null;
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** A sub-collection of an order (offers, appointments, visits, charges, candidates) when routed. */
export function useOrderPart<T>(id: string | undefined, what: string, enabled: boolean) {
  return useQuery({
    queryKey: workOrderKeys.sub(id ?? '', what),
    queryFn: ({ signal }) => request<T>(`/work-orders/${id}/${what}`, { signal, silent: true }),
    enabled: Boolean(id) && enabled,
    retry: false,
  });
}

/** The brand's fault codes for a category (plus its all-category codes), when the server lists them. */
export function useFaultCodes(brandId: string | undefined, categoryCode: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...workOrderKeys.faultCodes(brandId ?? ''), categoryCode ?? ''],
    queryFn: ({ signal }) =>
      request<{ items: { code: string; name: string; categoryCode: string | null; serious: boolean }[] }>(
        '/fault-codes',
        { query: { brandId, categoryCode, status: 'active' }, signal, silent: true },
      ),
    enabled: Boolean(brandId) && enabled,
    select: (b) => b.items,
    staleTime: 10 * 60_000,
    retry: false,
  });
}

/** Intake with the form's Idempotency-Key; errors are left to the desk (duplicates are a choice). */
export function useIntake() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, key }: { body: IntakeBody; key: string }) =>
      request<IntakeResult>('/work-orders', {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': key },
        silent: true,
      }),
    onSuccess: (r) => {
      qc.setQueryData(workOrderKeys.detail(r.order.id), r.order);
      return qc.invalidateQueries({ queryKey: workOrderKeys.lists() });
    },
  });
}

const refreshOrder = (qc: ReturnType<typeof useQueryClient>, id: string) =>
  Promise.all([
    qc.invalidateQueries({ queryKey: workOrderKeys.detail(id) }),
    qc.invalidateQueries({ queryKey: workOrderKeys.lists() }),
    qc.invalidateQueries({ queryKey: ['work-orders', 'board'] }),
    qc.invalidateQueries({ queryKey: ['return-visits'] }),
  ]);

/** One step on an order (`POST /work-orders/:id/<path>`) with If-Match: the version last read. */
export function useStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ order, path, body }: { order: Pick<WorkOrder, 'id' | 'version'>; path: string; body: unknown }) =>
      request<unknown>(`/work-orders/${order.id}/${path}`, {
        method: 'POST',
        body,
        headers: { 'If-Match': ifMatch(order.version) },
        silent: true,
      }),
    onSettled: (_r, _e, { order }) => refreshOrder(qc, order.id),
  });
}

// ---- Dispatch (modules/dispatch) --------------------------------------------------------------

export { BOARD_VIEWS };
export type BoardView = (typeof BOARD_VIEWS)[number];
export type Candidates = z.infer<typeof dispatchCandidates>;
export type Offers = z.infer<typeof workOrderOffers>;

/** The board (a page of orders), refreshed every 30 s while it is open. */
export function useDispatchBoard(
  view: BoardView,
  filters: { brandId?: string; regionId?: string; page: number; pageSize: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: workOrderKeys.board({ view, ...filters }),
    queryFn: ({ signal }) => request<Page<WorkOrder>>('/dispatch/board', { query: { view, ...filters }, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
    enabled,
  });
}

export function useCandidates(id: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: workOrderKeys.sub(id ?? '', 'candidates'),
    queryFn: ({ signal }) => request<Candidates>(`/work-orders/${id}/candidates`, { signal, silent: true }),
    enabled: Boolean(id) && enabled,
    retry: false,
  });
}

// ---- Return visits (modules/visits) -----------------------------------------------------------

/** A return-visit task (visits.ts `returnVisitTask`). */
export interface ReturnVisitTask {
  id: string;
  order: { id: string; number: string; status: string; brandId: string };
  dueAt: string;
  overdue: boolean;
  status: 'open' | 'done' | 'cancelled';
  claimedBy: string | null;
  outcome: 'satisfied' | 'unsatisfied' | 'unreachable' | null;
  notes: string | null;
  attempts: number;
  doneAt: string | null;
  createdAt: string;
}

export function useReturnVisits(
  params: { status?: string; brandId?: string; overdue?: string; page: number; pageSize: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: workOrderKeys.returnVisits(params),
    queryFn: ({ signal }) => request<Page<ReturnVisitTask>>('/return-visits', { query: params, signal }),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
    enabled,
  });
}

export function useReturnVisitStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step, values }: { id: string; step: 'start' | 'outcome'; values?: OutcomeValues }) =>
      request<unknown>(`/return-visits/${id}/${step}`, {
        method: 'POST',
        body: step === 'outcome' ? outcomeBodyOf(values ?? {}) : {},
        silent: true,
      }),
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['return-visits'] }),
        qc.invalidateQueries({ queryKey: workOrderKeys.all }),
      ]),
  });
}

export type { OrderAction };
