import type { OnTimeReport, ResolutionReport, SlaReportGroupBy } from '@aftercare/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiUrl, request } from '../../api/client.ts';

/** The SLA reports (section G): resolution rates and on-time rates, and their .xlsx downloads. */

export type { OnTimeReport, OnTimeRow, ResolutionReport, ResolutionRow, SlaReportGroupBy } from '@aftercare/contracts';

export interface ReportFilters {
  brandId?: string;
  from: string;
  to: string;
  groupBy: SlaReportGroupBy;
}

const query = (f: ReportFilters) => ({ brandId: f.brandId, from: f.from, to: f.to, groupBy: f.groupBy });

export function useResolutionReport(f: ReportFilters) {
  return useQuery({
    queryKey: ['sla-reports', 'resolution', query(f)],
    queryFn: ({ signal }) => request<ResolutionReport>('/sla/reports/resolution', { query: query(f), signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOnTimeReport(f: ReportFilters) {
  return useQuery({
    queryKey: ['sla-reports', 'on-time', query(f)],
    queryFn: ({ signal }) => request<OnTimeReport>('/sla/reports/on-time', { query: query(f), signal }),
    placeholderData: keepPreviousData,
  });
}

/** The .xlsx of a report: a plain link, so the browser downloads it with the session cookie. */
export function exportUrl(kind: 'resolution' | 'on-time', f: ReportFilters): string {
  return apiUrl(`/sla/reports/${kind}.xlsx`, query(f));
}
