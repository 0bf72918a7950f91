// Test fixture of the visits module: one brand on the baseline pack, two outlets, two technicians of
// outlet A, the callers of every party, and helpers that walk an order to a given step through the API.
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { newId } from '../../platform/ids.ts';
import { hashToken } from '../work-orders/index.ts';

/** A 1×1 PNG: what a signature pad sends, in miniature. */
export const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
/** The baseline pack's checklist (cn-baseline.yaml), all required. */
export const BASELINE_CHECKLIST = ['licence-shown', 'fee-standard-shown', 'power-on-test', 'clean-up'];
export const ALL_TICKED = Object.fromEntries(BASELINE_CHECKLIST.map((id) => [id, true]));

export async function visitsFixture() {
  const t: TestApp = await createTestApp();
  const f = t.factories;
  const brand = await f.brand();
  const brandB = await f.brand();
  const outlet = await f.outlet(brand.id);
  const outlet2 = await f.outlet(brand.id);
  const tech = await f.technician(outlet.id, { name: '李师傅' });
  const tech2 = await f.technician(outlet.id, { name: '赵师傅' });
  const customer = await f.customer(brand.id, { name: '孙丽' });
  const customerB = await f.customer(brandB.id);
  await t.db
    .insertInto('fault_codes')
    .values({ brand_id: brand.id, code: 'E1', name: '室内温度传感器故障', category_code: null })
    .execute();
  const as = {
    agent: await t.as('agent', { brandIds: [brand.id] }),
    agentB: await t.as('agent', { brandIds: [brandB.id] }),
    dispatcher: await t.as('dispatcher', { brandIds: [brand.id] }),
    inspector: await t.as('quality_inspector', { brandIds: [brand.id] }),
    manager: await t.as('outlet_manager', { outletId: outlet.id }),
    manager2: await t.as('outlet_manager', { outletId: outlet2.id }),
    tech: await t.as('technician', { outletId: outlet.id, technicianId: tech.id }),
    tech2: await t.as('technician', { outletId: outlet.id, technicianId: tech2.id }),
    customer: await t.as('customer', { customerId: customer.id }),
  };

  /** An order of outlet A's technician in `status` (no appointment rows unless booked through the API). */
  const order = (status: string, over: { technicianId?: string | null } = {}) =>
    f.order(customer, {
      status,
      outletId: outlet.id,
      technicianId: over.technicianId === undefined ? tech.id : over.technicianId,
    });

  /** An order checked in through the API (booked → on_site), with an open visit. */
  async function onSite() {
    const o = await order('booked');
    const res = await t.post(`/api/v1/work-orders/${o.id}/check-in`, as.tech, {});
    if (res.statusCode !== 200) throw new Error(`check-in: ${res.statusCode} ${res.body}`);
    return o;
  }

  const tick = (id: string, checklist: Record<string, boolean> = ALL_TICKED) =>
    t.request('PUT', `/api/v1/work-orders/${id}/visit`, as.tech, { body: { checklist } });

  /** The code of the last SMS requested for an order (read from the outbox, as the SMS gateway would). */
  async function smsCode(orderId: string) {
    const ev = await t.db
      .selectFrom('events')
      .select('payload')
      .where('aggregate_id', '=', orderId)
      .where('type', '=', 'sms.requested')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const text = (ev.payload as { text: string }).text;
    return text.match(/验证码为 (\d+)/)![1]!;
  }

  /** An order resolved through the API (checked in, ticked, signed). */
  async function resolved() {
    const o = await onSite();
    await tick(o.id);
    const res = await t.post(`/api/v1/work-orders/${o.id}/complete`, as.tech, { signature: PNG });
    if (res.statusCode !== 200) throw new Error(`complete: ${res.statusCode} ${res.body}`);
    return o;
  }

  /** Gives the order a customer link token (as intake does) and returns it. */
  async function tokenFor(orderId: string) {
    const token = `tok-${newId()}`;
    await t.db
      .updateTable('work_orders')
      .set({ customer_token_hash: hashToken(token) })
      .where('id', '=', orderId)
      .execute();
    return token;
  }

  const row = (id: string) => t.db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  return {
    t,
    brand,
    brandB,
    outlet,
    outlet2,
    tech,
    tech2,
    customer,
    customerB,
    as,
    order,
    onSite,
    tick,
    smsCode,
    resolved,
    tokenFor,
    row,
  };
}

export type VisitsFixture = Awaited<ReturnType<typeof visitsFixture>>;
export type { Caller };
