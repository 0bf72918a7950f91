import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { request } from './client.ts';
import { type Page, queryKeys } from './resource.ts';

/**
 * One audit row. There is no audit contract in @aftercare/contracts yet; this mirrors the
 * audit_log table (camel-cased) and should be replaced by z.infer of the contract when it lands.
 */
export interface AuditEntry {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  requestId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  brandId: string | null;
  outletId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  entity?: string;
  entityId?: string;
  [key: string]: string | number | undefined;
}

export const auditKeys = queryKeys('audit');

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => request<Page<AuditEntry>>('/audit', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
