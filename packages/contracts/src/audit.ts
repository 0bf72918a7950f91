import { z } from 'zod';
import { pageQuery } from './common.ts';

export const AUDIT_ACTOR_TYPES = ['user', 'api_key', 'system'] as const;

/** One row of the append-only audit log: who did what to which record, with the record before and after. */
export const auditEntry = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actorType: z.enum(AUDIT_ACTOR_TYPES),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    requestId: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string().nullable(),
    brandId: z.uuid().nullable(),
    outletId: z.uuid().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'AuditEntry' });

/** A timestamp with offset, or a day (YYYY-MM-DD, Asia/Shanghai): `from` starts at it, `to` includes it. */
const auditTime = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const auditListQuery = z.strictObject({
  ...pageQuery,
  /** Free text: part of the action, entity or actor name, or an exact entity id or request id. */
  q: z.string().trim().min(1).max(100).optional(),
  entity: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  actorId: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  from: auditTime.optional(),
  to: auditTime.optional(),
});
