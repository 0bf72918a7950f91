import type { OUTLET_STATUSES, OUTLET_TIERS, ServiceType } from '@aftercare/contracts';
import type { Principal } from '../../platform/access/principal.ts';
import { phoneFor } from '../../platform/masking.ts';
import type { OutletView } from './outlets.repository.ts';

export function presentOutlet(p: Principal | null, v: OutletView) {
  const { row } = v;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    tier: row.tier as (typeof OUTLET_TIERS)[number],
    parentOutletId: row.parent_outlet_id,
    status: row.status as (typeof OUTLET_STATUSES)[number],
    capacityPerDay: row.capacity_per_day,
    divisionCode: row.division_code,
    divisionName: row.division_name,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    phone: phoneFor(p, row.phone),
    dealerHotline: phoneFor(p, row.dealer_hotline),
    contactName: row.contact_name,
    brands: v.brands.map((b) => ({ brandId: b.brand_id, regionId: b.region_id, centerId: b.center_id })),
    coverage: v.coverage,
    authorizations: v.authorizations.map((a) => ({
      brandId: a.brand_id,
      categoryCode: a.category_code,
      serviceType: a.service_type as ServiceType,
    })),
    technicianCount: Number(row.technician_count ?? 0),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
