import type { Selectable } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { AuditLogTable } from '../../platform/db/schema.ts';
import { phoneFor } from '../../platform/masking.ts';

const PHONE_KEY = /phone|mobile|hotline|tel$/i;

/** Phone numbers inside the recorded before/after are masked like everywhere else (pii.phone). */
function maskPhones(p: Principal, value: unknown, phoneKey = false): unknown {
  if (typeof value === 'string') return phoneKey ? phoneFor(p, value) : value;
  if (Array.isArray(value)) return value.map((v) => maskPhones(p, v, phoneKey));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskPhones(p, v, PHONE_KEY.test(k))]));
  }
  return value;
}

function json(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

export function presentAudit(p: Principal, row: Selectable<AuditLogTable>) {
  const mask = !p.capabilities.has('pii.phone');
  const before = json(row.before);
  const after = json(row.after);
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorType: row.actor_type as 'user' | 'api_key' | 'system',
    actorId: row.actor_id,
    actorName: row.actor_name,
    requestId: row.request_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    brandId: row.brand_id,
    outletId: row.outlet_id,
    before: mask ? maskPhones(p, before) : before,
    after: mask ? maskPhones(p, after) : after,
  };
}
