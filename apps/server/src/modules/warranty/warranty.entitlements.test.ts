// POST /products/:id/entitlements/:entitlementId/use and its correction, under the shipped AUX pack:
// free delivery once in year one, a yearly check-up for ten years.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let aux: { id: string };
let foreign: { id: string };
let agent: Caller;
let admin: Caller;
let outletManager: Caller;
let customer: { id: string; brandId: string };
let foreignProduct: { id: string };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-01T02:00:00Z' });
  aux = await t.factories.brand({ name: '奥克斯', categories: ['air_conditioner', 'heat_pump_water_heater'] });
  foreign = await t.factories.brand({ name: '他人品牌' });
  await t.db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', aux.id).execute();
  agent = await t.as('agent', { brandIds: [aux.id] });
  admin = await t.as('brand_admin', { brandIds: [aux.id] });
  const outlet = await t.factories.outlet(aux.id);
  outletManager = await t.as('outlet_manager', { outletId: outlet.id });
  customer = await t.factories.customer(aux.id);
  foreignProduct = await t.factories.product(await t.factories.customer(foreign.id));
});
afterAll(async () => t?.close());

let serial = 0;
async function product(body: Record<string, unknown> = {}) {
  const res = await t.post('/api/v1/products', agent, {
    customerId: customer.id,
    categoryCode: 'air_conditioner',
    serial: `ENT-${++serial}`,
    purchaseDate: '2026-01-10',
    hasInvoice: true,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.data as { id: string };
}

const use = (id: string, entitlement: string, body: Record<string, unknown> = {}, caller = agent) =>
  t.post(`/api/v1/products/${id}/entitlements/${entitlement}/use`, caller, body);

const counter = async (id: string, code: string) =>
  (
    await t.db
      .selectFrom('entitlement_counters')
      .select('used')
      .where('product_id', '=', id)
      .where('entitlement_code', '=', code)
      .executeTakeFirst()
  )?.used ?? 0;

describe('recording a free-service use', () => {
  it('records the use with its day and work order, counts it, and refuses the next one with 409', async () => {
    const p = await product();
    const res = await use(p.id, 'aux-free-delivery', { usedOn: '2026-01-12', workOrderRef: 'WO20260112-000007' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.data.use).toMatchObject({
      productId: p.id,
      entitlementId: 'aux-free-delivery',
      usedOn: '2026-01-12',
      workOrderRef: 'WO20260112-000007',
      pack: { id: 'aux', version: 2 },
      status: 'active',
    });
    expect(res.data.entitlement).toMatchObject({ id: 'aux-free-delivery', available: false, remaining: 0, used: 1 });
    expect(await counter(p.id, 'aux-free-delivery')).toBe(1);

    const uses = await t.count('entitlement_uses');
    const again = await use(p.id, 'aux-free-delivery');
    expect([again.statusCode, again.data.code]).toEqual([409, 'ENTITLEMENT_USED_UP']);
    expect(again.data.detail ?? again.data.title).toBeTruthy();
    expect(await t.count('entitlement_uses')).toBe(uses);
    expect(await counter(p.id, 'aux-free-delivery')).toBe(1);

    // The verdict counts it too.
    const verdict = await t.get(`/api/v1/products/${p.id}/warranty`, agent);
    const delivery = verdict.data.verdict.entitlements.find((e: { id: string }) => e.id === 'aux-free-delivery');
    expect(delivery).toMatchObject({ used: 1, remaining: 0, available: false });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', p.id)
      .where('action', '=', 'product.entitlement_use')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a yearly check-up renews each year counted from the warranty start', async () => {
    const p = await product();
    expect((await use(p.id, 'aux-yearly-checkup', { usedOn: '2026-03-15' })).statusCode).toBe(201);
    const same = await use(p.id, 'aux-yearly-checkup', { usedOn: '2027-01-10' }); // last day of year one
    expect([same.statusCode, same.data.code]).toEqual([409, 'ENTITLEMENT_USED_UP']);
    const next = await use(p.id, 'aux-yearly-checkup', { usedOn: '2027-01-11' }); // year two
    expect(next.statusCode, next.body).toBe(201);
    expect(next.data.entitlement).toMatchObject({ remaining: 0, used: 1, until: '2028-01-10' });
    expect(await counter(p.id, 'aux-yearly-checkup')).toBe(2);
  });

  it('refuses outside the term, without a warranty start, and for entitlements the pack does not give it', async () => {
    const p = await product();
    const late = await use(p.id, 'aux-free-delivery', { usedOn: '2027-01-11' });
    expect([late.statusCode, late.data.code]).toEqual([409, 'ENTITLEMENT_NOT_AVAILABLE']);
    const noStart = await product({ purchaseDate: null, hasInvoice: false });
    const none = await use(noStart.id, 'aux-free-delivery');
    expect([none.statusCode, none.data.code]).toEqual([409, 'ENTITLEMENT_NOT_AVAILABLE']);
    for (const code of ['no-such-thing', 'gome-free-delivery']) {
      const res = await use(p.id, code);
      expect([res.statusCode, res.data.code], code).toEqual([404, 'ENTITLEMENT_UNKNOWN']);
    }
    // AUX's free services are for air conditioners only.
    const heater = await product({ categoryCode: 'heat_pump_water_heater' });
    expect((await use(heater.id, 'aux-yearly-checkup')).data.code).toBe('ENTITLEMENT_UNKNOWN');
  });

  it('answers 404 for a foreign product, 403 without customers.write, 400 for a bad body', async () => {
    const p = await product();
    const res = await use(foreignProduct.id, 'aux-free-delivery');
    expect([res.statusCode, res.data.code]).toEqual([404, 'NOT_FOUND']);
    expect((await use(p.id, 'aux-free-delivery', {}, outletManager)).statusCode).toBe(403);
    for (const body of [{ usedOn: 'soon' }, { workOrderRef: '' }, { extra: 1 }]) {
      const bad = await use(p.id, 'aux-free-delivery', body);
      expect([bad.statusCode, bad.data.code], JSON.stringify(body)).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await counter(p.id, 'aux-free-delivery')).toBe(0);
  });

  it('two requests for the last use at once: exactly one gets it', async () => {
    const p = await product();
    const results = await Promise.all([use(p.id, 'aux-free-installation'), use(p.id, 'aux-free-installation')]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await counter(p.id, 'aux-free-installation')).toBe(1);
  });
});

describe('correcting a use', () => {
  it('a brand admin voids a mistaken use: the counter goes down and the service can be used again', async () => {
    const p = await product();
    const first = await use(p.id, 'aux-free-design', { usedOn: '2026-02-01' });
    const useId = first.data.use.id as string;
    const url = `/api/v1/products/${p.id}/entitlements/aux-free-design/uses/${useId}/void`;
    expect((await t.post(url, agent, { reason: '录入错误' })).statusCode).toBe(403);
    const voided = await t.post(url, admin, { reason: '录入错误' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.data.use).toMatchObject({ id: useId, status: 'voided', voidReason: '录入错误' });
    expect(voided.data.entitlement).toMatchObject({ available: true, remaining: 1, used: 0 });
    expect(await counter(p.id, 'aux-free-design')).toBe(0);
    const again = await t.post(url, admin, { reason: '再次' });
    expect([again.statusCode, again.data.code]).toEqual([409, 'ENTITLEMENT_USE_VOIDED']);
    expect((await use(p.id, 'aux-free-design')).statusCode).toBe(201);

    const list = await t.get(`/api/v1/products/${p.id}/entitlement-uses`, agent);
    expect(list.statusCode).toBe(200);
    expect(list.data.items.map((u: { status: string }) => u.status)).toEqual(['voided', 'active']);
    const unknown = await t.post(
      `/api/v1/products/${p.id}/entitlements/aux-free-design/uses/00000000-0000-4000-8000-000000000000/void`,
      admin,
      { reason: '不存在' },
    );
    expect(unknown.statusCode).toBe(404);
  });
});
