import type { Selectable } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { RegionsTable } from '../../platform/db/schema.ts';
import { phoneFor } from '../../platform/masking.ts';

export function presentRegion(p: Principal | null, row: Selectable<RegionsTable>) {
  return {
    id: row.id,
    brandId: row.brand_id,
    code: row.code,
    name: row.name,
    provinceCodes: row.province_codes,
    managerName: row.manager_name,
    phone: phoneFor(p, row.phone),
    status: row.status as 'active' | 'inactive',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
