import { type Capability, ROLE_CAPABILITIES, ROLE_SCOPE, type Role, type ScopeKind } from '@aftercare/contracts';

/** Which rows a caller may see. Every query of scoped data goes through one of these. */
export interface Scope {
  kind: ScopeKind;
  brandIds: string[];
  regionIds: string[];
  outletId: string | null;
  technicianId: string | null;
  customerId: string | null;
}

export interface Principal {
  via: 'session' | 'api_key';
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  capabilities: ReadonlySet<Capability>;
  scope: Scope;
  apiKeyId: string | null;
  locale: string;
}

export interface ScopedUserRow {
  role: string;
  brand_ids: string[];
  region_ids: string[];
  outlet_id: string | null;
  technician_id: string | null;
  customer_id: string | null;
}

export function scopeFor(row: ScopedUserRow): Scope {
  const role = row.role as Role;
  let kind: ScopeKind = ROLE_SCOPE[role] ?? 'customer';
  if (kind === 'brand' && row.region_ids.length > 0) kind = 'region';
  return {
    kind,
    brandIds: row.brand_ids,
    regionIds: row.region_ids,
    outletId: row.outlet_id,
    technicianId: row.technician_id,
    customerId: row.customer_id,
  };
}

export function capabilitiesFor(role: string): ReadonlySet<Capability> {
  return new Set(ROLE_CAPABILITIES[role as Role] ?? []);
}

/** Who did it, for audit rows and events. */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string | null;
  name: string | null;
  requestId: string | null;
}

export const systemActor: Actor = { type: 'system', id: null, name: 'system', requestId: null };

export function actorOf(p: Principal, requestId: string | null): Actor {
  return {
    type: p.via === 'api_key' ? 'api_key' : 'user',
    id: p.via === 'api_key' ? p.apiKeyId : p.userId,
    name: p.username,
    requestId,
  };
}
