import type { Selectable } from 'kysely';
import type { Principal } from '../../platform/access/principal.ts';
import type { ServiceCentersTable } from '../../platform/db/schema.ts';
import { phoneFor } from '../../platform/masking.ts';

export function presentServiceCenter(p: Principal | null, row: Selectable<ServiceCentersTable>) {
  return {
    id: row.id,
    brandId: row.brand_id,
    regionId: row.region_id,
    code: row.code,
    name: row.name,
    divisionCode: row.division_code,
    address: row.address,
    phone: phoneFor(p, row.phone),
    status: row.status as 'active' | 'inactive',
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
