import type { Role } from '@aftercare/contracts';
import type { Principal } from '../../platform/access/principal.ts';
import { phoneFor } from '../../platform/masking.ts';
import type { UserRow } from './users.repository.ts';

export function presentUser(p: Principal, row: UserRow, now: Date) {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    brandIds: row.brand_ids,
    regionIds: row.region_ids,
    outletId: row.outlet_id,
    technicianId: row.technician_id,
    customerId: row.customer_id,
    phone: phoneFor(p, row.phone),
    status: row.status as 'active' | 'disabled',
    lockedUntil: row.locked_until && row.locked_until > now ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
