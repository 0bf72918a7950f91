import type { AssessmentSlip, RemedyProposal, SlipSummary } from '@aftercare/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client.ts';
import { type Page, queryKeys } from './resource.ts';

/** Assessment slips (考核单), their appeals and reviews, and customer remedies (section G). */

export type { AssessmentSlip, RemedyProposal, SlipSummary } from '@aftercare/contracts';

export const slipKeys = queryKeys('assessment-slips');
export const remedyKeys = queryKeys('remedy-proposals');

export interface SlipFilters {
  brandId?: string;
  outletId?: string;
  status?: AssessmentSlip['status'];
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export function useSlips(params: SlipFilters) {
  return useQuery({
    queryKey: slipKeys.list(params),
    queryFn: ({ signal }) => request<Page<AssessmentSlip>>('/assessment-slips', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useSlip(id: string | null) {
  return useQuery({
    queryKey: slipKeys.detail(id ?? ''),
    queryFn: ({ signal }) => request<AssessmentSlip>(`/assessment-slips/${id}`, { signal }),
    enabled: !!id,
  });
}

export function useSlipSummary(brandId: string | undefined, period: string) {
  return useQuery({
    queryKey: [...slipKeys.all, 'summary', brandId, period],
    queryFn: ({ signal }) => request<SlipSummary>('/assessment-slips/summary', { query: { brandId, period }, signal }),
    enabled: !!brandId,
  });
}

export type SlipStep =
  | { step: 'appeal'; body: { text: string; evidence: { url: string; name?: string }[] } }
  | { step: 'review'; body: { decision: 'accept_appeal' | 'reject_appeal'; note?: string } }
  | { step: 'confirm'; body: { note?: string } };

export function useSlipStep() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...s }: SlipStep & { id: string }) =>
      request<AssessmentSlip>(`/assessment-slips/${id}/${s.step}`, { method: 'POST', body: s.body, silent: true }),
    onSettled: () => qc.invalidateQueries({ queryKey: slipKeys.all }),
  });
}

export interface RemedyFilters {
  brandId?: string;
  status?: RemedyProposal['status'];
  page: number;
  pageSize: number;
}

export function useRemedies(params: RemedyFilters) {
  return useQuery({
    queryKey: remedyKeys.list(params),
    queryFn: ({ signal }) => request<Page<RemedyProposal>>('/remedy-proposals', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRemedyDecision() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, approve, note }: { id: string; approve: boolean; note?: string }) =>
      request<RemedyProposal>(`/remedy-proposals/${id}/${approve ? 'approve' : 'reject'}`, {
        method: 'POST',
        body: note ? { note } : {},
        silent: true,
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: remedyKeys.all }),
  });
}
