import type { auditEntry, auditListQuery } from '@aftercare/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from './client.ts';
import { type Page, queryKeys } from './resource.ts';

export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditQuery = Partial<z.infer<typeof auditListQuery>>;

export const auditKeys = queryKeys('audit');

export function useAuditLog(query: AuditQuery) {
  return useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => request<Page<AuditEntry>>('/audit', { query, signal }),
    placeholderData: keepPreviousData,
  });
}
