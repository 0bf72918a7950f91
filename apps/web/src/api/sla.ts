import type { Milestone, Notification, SlaBoard } from '@aftercare/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client.ts';
import { workOrderKeys } from './work-orders.ts';

/** Section G in the console: the at-risk board, an order's milestones, the notifications bell. */

export type { Milestone, Notification, SlaBoard };
export type SlaBoardItem = SlaBoard['items'][number];

export const slaKeys = {
  board: (params: object) => ['sla', 'board', params] as const,
  notifications: ['sla', 'notifications'] as const,
};

export interface BoardParams {
  brandId?: string;
  regionId?: string;
  outletId?: string;
  withinHours: number;
  page: number;
  pageSize: number;
}

/** The board, refreshed every 15 s while it is open (countdowns tick on their own between). */
export function useSlaBoard(params: BoardParams, enabled = true) {
  return useQuery({
    queryKey: slaKeys.board(params),
    queryFn: ({ signal }) => request<SlaBoard>('/sla/board', { query: { ...params }, signal, silent: true }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
    enabled,
    retry: false,
  });
}

/** The order's milestones (GET /work-orders/:id/milestones), under the order's query key so a step refreshes them. */
export function useMilestones(orderId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: workOrderKeys.sub(orderId ?? '', 'milestones'),
    queryFn: ({ signal }) =>
      request<{ items: Milestone[] }>(`/work-orders/${orderId}/milestones`, { signal, silent: true }),
    enabled: Boolean(orderId) && enabled,
    select: (b) => b.items,
    refetchInterval: 60_000,
    retry: false,
  });
}

/** The signed-in user's unread notifications, polled every 30 s. */
export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: slaKeys.notifications,
    queryFn: ({ signal }) =>
      request<{ items: Notification[]; unread: number }>('/notifications', {
        query: { unread: 'true', limit: 20 },
        signal,
        silent: true,
      }),
    refetchInterval: 30_000,
    enabled,
    retry: false,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<unknown>(`/notifications/${id}/read`, { method: 'POST', silent: true }),
    onSettled: () => qc.invalidateQueries({ queryKey: slaKeys.notifications }),
  });
}
