import { sql } from 'kysely';
import type { Running } from '../../../apps/server/src/boot.ts';
import { rankCandidates } from '../../../apps/server/src/modules/dispatch/dispatch.rank.ts';
import { candidateFacts } from '../../../apps/server/src/modules/dispatch/dispatch.repository.ts';
import type { OrderRow } from '../../../apps/server/src/modules/work-orders/work-orders.repository.ts';

/** The demo's hero outlet (the `outlet.manager` login's) and its technician (the `technician` login). */
export interface Hero {
  outletId: string;
  outletName: string;
  technicianId: string;
  technicianName: string;
  licenceNo: string | null;
  lat: number | null;
  lng: number | null;
}

export async function heroOutlet(running: Running): Promise<Hero> {
  const db = running.ctx.db;
  const users = await db
    .selectFrom('users')
    .select(['username', 'outlet_id', 'technician_id'])
    .where('username', 'in', ['outlet.manager', 'technician'])
    .execute();
  const outletId = users.find((u) => u.username === 'outlet.manager')?.outlet_id;
  const technicianId = users.find((u) => u.username === 'technician')?.technician_id;
  if (!outletId || !technicianId) throw new Error('the demo data set has no outlet.manager / technician login');
  const outlet = await db
    .selectFrom('outlets')
    .select(['name', 'lat', 'lng'])
    .where('id', '=', outletId)
    .executeTakeFirstOrThrow();
  const tech = await db
    .selectFrom('technicians')
    .select(['name', 'licence_no', 'outlet_id'])
    .where('id', '=', technicianId)
    .executeTakeFirstOrThrow();
  if (tech.outlet_id !== outletId) throw new Error('the technician login does not work for the hero outlet');
  return {
    outletId,
    outletName: outlet.name,
    technicianId,
    technicianName: tech.name,
    licenceNo: tech.licence_no,
    lat: outlet.lat,
    lng: outlet.lng,
  };
}

/** A caller for a repair: a customer, the product the call is about and how auto-dispatch will go. */
export interface Caller {
  customerId: string;
  name: string;
  phone: string;
  productId: string;
  serial: string;
  categoryCode: string;
  /** The hero outlet ranks first for this customer's address without a pin. */
  rankedFirst: boolean;
}

/**
 * A customer of `brandCode` calling about a product that the hero outlet is authorized to repair and
 * its technician is skilled for, whose primary address the hero outlet covers, whose phone finds only
 * them, with no open order. Prefers one for whom the hero outlet ranks first on its own (the same
 * ranking auto-dispatch runs at intake); otherwise the first fit, and the journey pins it (a key account).
 */
export async function repairCaller(running: Running, hero: Hero, brandCode: string): Promise<Caller> {
  const db = running.ctx.db;
  const brand = await db.selectFrom('brands').select('id').where('code', '=', brandCode).executeTakeFirstOrThrow();
  const { rows } = await sql<{
    customer_id: string;
    name: string;
    phone: string;
    product_id: string;
    serial: string;
    category_code: string;
    division_code: string;
  }>`
    SELECT c.id AS customer_id, c.name, ph.normalized AS phone, ip.id AS product_id, ip.serial,
      ip.category_code, a.division_code
    FROM customers c
    JOIN customer_phones ph ON ph.customer_id = c.id AND ph.is_primary AND ph.kind = 'mobile'
    JOIN customer_addresses a ON a.customer_id = c.id AND a.is_primary
    JOIN installed_products ip ON ip.customer_id = c.id AND ip.serial IS NOT NULL
    WHERE c.brand_id = ${brand.id} AND c.status = 'active'
      AND EXISTS (SELECT 1 FROM outlet_authorizations oa WHERE oa.outlet_id = ${hero.outletId}
        AND oa.brand_id = c.brand_id AND oa.category_code = ip.category_code AND oa.service_type = 'repair')
      AND EXISTS (SELECT 1 FROM technician_skills s WHERE s.technician_id = ${hero.technicianId}
        AND s.category_code = ip.category_code AND s.service_type = 'repair')
      AND EXISTS (SELECT 1 FROM outlet_coverage oc WHERE oc.outlet_id = ${hero.outletId}
        AND oc.division_code IN (a.division_code, left(a.division_code, 6), left(a.division_code, 4) || '00',
          left(a.division_code, 2) || '0000'))
      AND NOT EXISTS (SELECT 1 FROM work_orders w WHERE w.customer_id = c.id
        AND w.status NOT IN ('closed', 'cancelled'))
      AND (SELECT count(*) FROM customer_phones p2 WHERE p2.normalized = ph.normalized AND p2.brand_id = c.brand_id) = 1
    ORDER BY c.id, ip.id
    LIMIT 40`.execute(db);
  if (rows.length === 0) throw new Error(`no ${brandCode} customer fits a repair by the hero outlet`);
  const callerOf = (r: (typeof rows)[number], rankedFirst: boolean): Caller => ({
    customerId: r.customer_id,
    name: r.name,
    phone: r.phone,
    productId: r.product_id,
    serial: r.serial,
    categoryCode: r.category_code,
    rankedFirst,
  });
  for (const r of rows) {
    // The order auto-dispatch will rank: only these fields are read.
    const order = {
      id: '00000000-0000-0000-0000-000000000000',
      brand_id: brand.id,
      customer_id: r.customer_id,
      category_code: r.category_code,
      type: 'repair',
      division_code: r.division_code,
    } as OrderRow;
    const ranked = rankCandidates(await candidateFacts(db, order));
    if (ranked[0]?.outlet.id === hero.outletId) return callerOf(r, true);
  }
  return callerOf(rows[0]!, false);
}

/** The completion code the customer received: the SMS is an outbox event (`sms.requested`) to their phone. */
export async function smsCode(running: Running, orderId: string, phone: string): Promise<string> {
  const e = await running.ctx.db
    .selectFrom('events')
    .select(['payload'])
    .where('type', '=', 'sms.requested')
    .where('aggregate_id', '=', orderId)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  if (!e) throw new Error('no SMS was requested for the order');
  const payload = (typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload) as {
    purpose?: string;
    to?: string;
    text?: string;
  };
  if (payload.purpose !== 'completion_code' || payload.to !== phone)
    throw new Error(`the SMS went to ${payload.to} for ${payload.purpose}, not to the customer's ${phone}`);
  const code = /验证码为\s*(\d+)/.exec(payload.text ?? '')?.[1];
  if (!code) throw new Error(`no code in the SMS text: ${payload.text}`);
  return code;
}
