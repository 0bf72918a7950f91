// Test fixture of the SLA module: a brand on the shipped AUX pack (its milestones: record 5 min, to the
// outlet 10 min, outlet receives 30 min, contact and book 30 min, on site 12 h urban …), two outlets in
// its East region (A is offered first), a technician of A, and the callers of every party. The clock
// starts on Monday 2026-03-16 09:00 Shanghai (01:00Z), a working day.
import { expect } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

export const START = '2026-03-16T01:00:00.000Z';
export const MIN = 60_000;
export const HOUR = 60 * MIN;

export async function slaFixture(pack = 'aux') {
  const t: TestApp = await createTestApp({ now: START });
  const f = t.factories;
  const brand = await f.brand();
  const other = await f.brand();
  await t.db.updateTable('brands').set({ policy_pack: pack }).where('id', '=', brand.id).execute();
  const region = await f.region(brand.id);
  const outletA = await f.outlet(brand.id, { regionId: region.id });
  const outletB = await f.outlet(brand.id, { regionId: region.id, tier: 'authorized' });
  const tech = await f.technician(outletA.id, { name: '李师傅' });
  const techB = await f.technician(outletB.id, { name: '王师傅' });
  const customer = await f.customer(brand.id, { name: '孙丽' });
  const as: Record<
    | 'agent'
    | 'agentOther'
    | 'dispatcher'
    | 'dispatcherOther'
    | 'supervisor'
    | 'managerA'
    | 'managerB'
    | 'tech'
    | 'techB'
    | 'customer',
    Caller
  > = {
    agent: await t.as('agent', { brandIds: [brand.id] }),
    agentOther: await t.as('agent', { brandIds: [other.id] }),
    dispatcher: await t.as('dispatcher', { brandIds: [brand.id] }),
    dispatcherOther: await t.as('dispatcher', { brandIds: [other.id] }),
    supervisor: await t.as('service_manager', { brandIds: [brand.id] }),
    managerA: await t.as('outlet_manager', { outletId: outletA.id }),
    managerB: await t.as('outlet_manager', { outletId: outletB.id }),
    tech: await t.as('technician', { outletId: outletA.id, technicianId: tech.id }),
    techB: await t.as('technician', { outletId: outletB.id, technicianId: techB.id }),
    customer: await t.as('customer', { customerId: customer.id }),
  };

  /** A repair registered by the agent (auto-offered to outlet A); `receivedAt` when the call came in. */
  async function intake(extra: Record<string, unknown> = {}) {
    const res = await t.post('/api/v1/work-orders', as.agent, {
      brandId: brand.id,
      type: 'repair',
      channel: 'phone',
      customerId: customer.id,
      categoryCode: 'air_conditioner',
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.data.order as { id: string; number: string; version: number; status: string };
  }

  /** The order's milestones through the API, by key. */
  async function milestones(orderId: string, caller: Caller = as.agent) {
    const res = await t.get(`/api/v1/work-orders/${orderId}/milestones`, caller);
    expect(res.statusCode, res.body).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
    return Object.fromEntries(res.data.items.map((m: any) => [m.key, m])) as Record<string, any>;
  }

  async function step(path: string, caller: Caller, body: unknown = {}) {
    const res = await t.post(path, caller, body);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.data;
  }

  const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString();

  return { t, brand, other, region, outletA, outletB, tech, techB, customer, as, intake, milestones, step, at };
}
export type SlaFixture = Awaited<ReturnType<typeof slaFixture>>;
