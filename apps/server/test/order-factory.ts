import type { Database } from '../src/platform/db/database.ts';
import { newId } from '../src/platform/ids.ts';

export type OrderOverrides = Partial<{
  productId: string | null;
  type: string;
  status: string;
  outletId: string | null;
  technicianId: string | null;
  divisionCode: string;
  categoryCode: string;
  offerExpiresAt: Date | null;
}>;

/**
 * A work order in any status, written straight to the tables (with its `register` event), for
 * tests of later steps. `outletId`/`technicianId` set the current owner; no offer rows are made.
 */
export async function insertOrder(
  db: Database,
  now: Date,
  customer: { id: string; brandId: string },
  over: OrderOverrides,
  number: string,
) {
  const id = newId();
  await db
    .insertInto('work_orders')
    .values({
      id,
      number,
      brand_id: customer.brandId,
      type: over.type ?? 'repair',
      channel: 'phone',
      status: over.status ?? 'registered',
      customer_id: customer.id,
      product_id: over.productId ?? null,
      category_code: over.categoryCode ?? 'air_conditioner',
      division_code: over.divisionCode ?? '310115004',
      address_detail: '潍坊路100弄1号101室',
      urban_rural: 'urban',
      contact_name: '测试用户',
      contact_phone: '13912345678',
      outlet_id: over.outletId ?? null,
      technician_id: over.technicianId ?? null,
      offer_expires_at: over.offerExpiresAt ?? null,
      flags: [],
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('work_order_events')
    .values({
      id: newId(),
      order_id: id,
      brand_id: customer.brandId,
      seq: 1,
      action: 'register',
      from_status: null,
      to_status: 'registered',
      actor_type: 'system',
      data: '{}',
      at: now,
    })
    .execute();
  return { id, number, brandId: customer.brandId, customerId: customer.id };
}
