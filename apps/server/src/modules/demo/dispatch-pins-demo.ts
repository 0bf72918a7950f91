// Demo dispatch pins (section F): a few key accounts of each brand go first to the outlet that
// installed their first product — when that outlet is active and authorized to repair the category —
// so the pins list has something real and auto-dispatch shows a pinned offer for them.
import type { Insertable } from 'kysely';
import type { DispatchPinsTable } from '../work-orders/work-orders.tables.ts';

interface Inputs {
  customers: { id: string; brand_id: string; tags?: string[] | undefined }[];
  products: { customer_id: string; brand_id: string; category_code: string; installing_outlet_id?: string | null }[];
  outlets: { id: string; status?: string | undefined }[];
  authorizations: { outlet_id: string; brand_id: string; category_code: string; service_type: string }[];
  id: () => string;
  now: Date;
}

export const PINS_PER_BRAND = 3;

export function buildDispatchPins({ customers, products, outlets, authorizations, id, now }: Inputs) {
  const active = new Set(outlets.filter((o) => (o.status ?? 'active') === 'active').map((o) => o.id));
  const repairs = new Set(
    authorizations
      .filter((a) => a.service_type === 'repair')
      .map((a) => `${a.outlet_id}|${a.brand_id}|${a.category_code}`),
  );
  const firstProduct = new Map<string, Inputs['products'][number]>();
  for (const p of products) if (!firstProduct.has(p.customer_id)) firstProduct.set(p.customer_id, p);
  const perBrand = new Map<string, number>();
  const pins: Insertable<DispatchPinsTable>[] = [];
  for (const c of customers) {
    if (!c.tags?.includes('key_account') || (perBrand.get(c.brand_id) ?? 0) >= PINS_PER_BRAND) continue;
    const p = firstProduct.get(c.id);
    const outletId = p?.installing_outlet_id;
    if (!p || !outletId || !active.has(outletId) || !repairs.has(`${outletId}|${p.brand_id}|${p.category_code}`))
      continue;
    pins.push({ id: id(), brand_id: c.brand_id, customer_id: c.id, outlet_id: outletId, created_at: now });
    perBrand.set(c.brand_id, (perBrand.get(c.brand_id) ?? 0) + 1);
  }
  return pins;
}
