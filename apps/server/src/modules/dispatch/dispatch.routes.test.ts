import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let brand: { id: string };
let outletA: string;
let outletB: string;
let suspended: string;
let foreignOutlet: string;
let techA: { id: string };
let techA2: { id: string };
let expiredTech: { id: string };
let techB: { id: string };
let customer: { id: string; brandId: string };
let dispatcher: Caller;
let managerA: Caller;
let managerB: Caller;
let technicianA: Caller;
let otherDispatcher: Caller;

beforeAll(async () => {
  t = await createTestApp();
  brand = await t.factories.brand({ categories: ['air_conditioner', 'washer'] });
  const other = await t.factories.brand();
  outletA = (await t.factories.outlet(brand.id)).id;
  outletB = (await t.factories.outlet(brand.id, { tier: 'authorized' })).id;
  suspended = (await t.factories.outlet(brand.id, { status: 'suspended' })).id;
  foreignOutlet = (await t.factories.outlet(other.id)).id;
  techA = await t.factories.technician(outletA, { name: '李师傅' });
  techA2 = await t.factories.technician(outletA, { name: '赵师傅' });
  // Today in Shanghai is 2026-03-15 (the clock is 2026-03-15T02:00Z): valid through yesterday only.
  expiredTech = await t.factories.technician(outletA, { name: '钱师傅', licenceValidUntil: '2026-03-14' });
  techB = await t.factories.technician(outletB);
  customer = await t.factories.customer(brand.id, { name: '孙丽' });
  dispatcher = await t.as('dispatcher', { brandIds: [brand.id] });
  otherDispatcher = await t.as('dispatcher', { brandIds: [other.id] });
  managerA = await t.as('outlet_manager', { outletId: outletA });
  managerB = await t.as('outlet_manager', { outletId: outletB });
  technicianA = await t.as('technician', { outletId: outletA, technicianId: techA.id });
});
afterAll(async () => t?.close());

async function offered() {
  const res = await t.post('/api/v1/work-orders', dispatcher, {
    brandId: brand.id,
    type: 'repair',
    channel: 'phone',
    customerId: customer.id,
    categoryCode: 'air_conditioner',
  });
  expect(res.data.order.outlet.id).toBe(outletA);
  return res.data.order as { id: string; number: string };
}
const row = (id: string) => t.db.selectFrom('work_orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const lastEvent = (id: string) =>
  t.db
    .selectFrom('work_order_events')
    .selectAll()
    .where('order_id', '=', id)
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();

describe('accept', () => {
  it('lets only the outlet the order is offered to accept it; technicians and dispatchers cannot', async () => {
    const o = await offered();
    expect((await t.post(`/api/v1/work-orders/${o.id}/accept`, managerB)).statusCode).toBe(404);
    expect((await t.post(`/api/v1/work-orders/${o.id}/accept`, technicianA)).statusCode).toBe(404);
    expect((await t.post(`/api/v1/work-orders/${o.id}/accept`, dispatcher)).statusCode).toBe(403);
    expect((await t.post(`/api/v1/work-orders/${o.id}/accept`, otherDispatcher)).statusCode).toBe(404);
    const stale = await t.post(`/api/v1/work-orders/${o.id}/accept`, managerA, undefined, {
      headers: { 'if-match': '1' },
    });
    expect(stale.statusCode).toBe(412);
    const res = await t.post(`/api/v1/work-orders/${o.id}/accept`, managerA);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toMatchObject({ status: 'accepted', outlet: { id: outletA }, offerExpiresAt: null });
    const offer = await t.db
      .selectFrom('work_order_offers')
      .selectAll()
      .where('order_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ status: 'accepted', responded_at: t.clock.now() });
    const again = await t.post(`/api/v1/work-orders/${o.id}/accept`, managerA);
    expect([again.statusCode, again.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
    // Refusing an order already accepted is illegal too, and writes nothing.
    const refuse = await t.post(`/api/v1/work-orders/${o.id}/refuse`, managerA, { reason: '反悔' });
    expect(refuse.statusCode).toBe(409);
    expect((await row(o.id)).status).toBe('accepted');
  });
});

describe('redirect', () => {
  it('lets a dispatcher send the order to a named outlet, withdrawing the pending offer', async () => {
    const o = await offered();
    const res = await t.post(`/api/v1/work-orders/${o.id}/redirect`, dispatcher, {
      outletId: outletB,
      reason: '用户指定',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toMatchObject({ status: 'dispatched', outlet: { id: outletB }, handoffs: 1 });
    const offers = await t.db
      .selectFrom('work_order_offers')
      .selectAll()
      .where('order_id', '=', o.id)
      .orderBy('offered_at')
      .execute();
    expect(offers.map((x) => [x.outlet_id, x.status, x.source, x.rank])).toEqual([
      [outletA, 'withdrawn', 'auto', 1],
      [outletB, 'pending', 'dispatcher', null],
    ]);
    expect(await lastEvent(o.id)).toMatchObject({ action: 'redirect', reason: '用户指定', actor_role: 'dispatcher' });
    expect((await t.get(`/api/v1/work-orders/${o.id}`, managerA)).statusCode).toBe(404);
    expect((await t.get(`/api/v1/work-orders/${o.id}`, managerB)).statusCode).toBe(200);
  });

  it('takes an accepted order from its outlet and technician', async () => {
    const o = await t.factories.order(customer, { status: 'accepted', outletId: outletA, technicianId: techA.id });
    const res = await t.post(`/api/v1/work-orders/${o.id}/redirect`, dispatcher, {
      outletId: outletB,
      reason: '网点投诉较多',
    });
    expect(res.data).toMatchObject({ status: 'dispatched', outlet: { id: outletB }, technician: null });
  });

  it('refuses inactive, foreign and unknown outlets, a missing reason and non-dispatchers, writing nothing', async () => {
    const o = await offered();
    const before = await row(o.id);
    const cases: [Caller, unknown, number, string][] = [
      [dispatcher, { outletId: suspended, reason: 'x' }, 422, 'DISPATCH_OUTLET_INACTIVE'],
      [dispatcher, { outletId: foreignOutlet, reason: 'x' }, 422, 'DISPATCH_OUTLET_UNKNOWN'],
      [dispatcher, { outletId: '00000000-0000-4000-8000-000000000000', reason: 'x' }, 422, 'DISPATCH_OUTLET_UNKNOWN'],
      [dispatcher, { outletId: outletB }, 400, 'VALIDATION_FAILED'],
      [managerA, { outletId: outletB, reason: 'x' }, 403, 'FORBIDDEN'],
      [otherDispatcher, { outletId: outletB, reason: 'x' }, 404, 'NOT_FOUND'],
    ];
    for (const [caller, body, status, code] of cases) {
      const res = await t.post(`/api/v1/work-orders/${o.id}/redirect`, caller, body);
      expect([res.statusCode, res.data.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await row(o.id)).toEqual(before);
  });
});

describe('assign', () => {
  it('assigns a skilled, licensed technician of the outlet; reassigning records the previous one', async () => {
    const o = await offered();
    await t.post(`/api/v1/work-orders/${o.id}/accept`, managerA);
    const res = await t.post(`/api/v1/work-orders/${o.id}/assign`, managerA, { technicianId: techA.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toMatchObject({ status: 'accepted', technician: { id: techA.id, name: '李师傅' } });
    expect((await lastEvent(o.id)).data).toEqual({ technicianId: techA.id, technicianName: '李师傅' });
    // The dispatcher can override: reassign to another technician of the same outlet.
    const re = await t.post(`/api/v1/work-orders/${o.id}/assign`, dispatcher, { technicianId: techA2.id });
    expect(re.data.technician.id).toBe(techA2.id);
    expect((await lastEvent(o.id)).data).toEqual({
      technicianId: techA2.id,
      technicianName: '赵师傅',
      previousTechnicianId: techA.id,
      previousTechnicianName: '李师傅',
    });
    const me = await t.as('customer', { customerId: customer.id });
    const steps = await t.get(`/api/v1/work-orders/${o.id}/timeline`, me);
    expect(steps.data.steps.at(-1).text['zh-CN']).toBe('已安排服务工程师 赵师傅');
  });

  it('refuses an expired licence, a missing skill and a technician of another outlet, writing nothing', async () => {
    const o = await t.factories.order(customer, { status: 'accepted', outletId: outletA });
    const washer = await t.factories.order(customer, { status: 'accepted', outletId: outletA, categoryCode: 'washer' });
    const cases: [string, string, number, string][] = [
      [o.id, expiredTech.id, 422, 'TECHNICIAN_LICENCE_EXPIRED'],
      [washer.id, techA.id, 422, 'TECHNICIAN_SKILL_MISSING'],
      [o.id, techB.id, 422, 'DISPATCH_TECHNICIAN_UNKNOWN'],
      [o.id, '00000000-0000-4000-8000-000000000000', 422, 'DISPATCH_TECHNICIAN_UNKNOWN'],
    ];
    for (const [id, technicianId, status, code] of cases) {
      const res = await t.post(`/api/v1/work-orders/${id}/assign`, managerA, { technicianId });
      expect([res.statusCode, res.data.code], code).toEqual([status, code]);
    }
    expect((await row(o.id)).technician_id).toBeNull();
    expect((await row(washer.id)).version).toBe(1);
    // Another outlet's manager never reaches the order; a technician may not assign.
    expect((await t.post(`/api/v1/work-orders/${o.id}/assign`, managerB, { technicianId: techB.id })).statusCode).toBe(
      404,
    );
    const mine = await t.factories.order(customer, { status: 'accepted', outletId: outletA, technicianId: techA.id });
    expect(
      (await t.post(`/api/v1/work-orders/${mine.id}/assign`, technicianA, { technicianId: techA.id })).statusCode,
    ).toBe(403);
  });
});

describe('board, offers, day plan', () => {
  it('keeps the board, candidates and offers to dispatch staff of the brand', async () => {
    const o = await t.factories.order(customer);
    expect((await t.get('/api/v1/dispatch/board', managerA)).statusCode).toBe(403);
    const mine = await t.get('/api/v1/dispatch/board', dispatcher, { query: { brandId: brand.id, pageSize: '200' } });
    expect(mine.data.items.map((x: { id: string }) => x.id)).toContain(o.id);
    const theirs = await t.get('/api/v1/dispatch/board', otherDispatcher, { query: { pageSize: '200' } });
    expect(theirs.data.items.map((x: { id: string }) => x.id)).not.toContain(o.id);
    const region = await t.factories.region(brand.id);
    await t.db
      .updateTable('regions')
      .set({ province_codes: ['440000'] })
      .where('id', '=', region.id)
      .execute();
    const south = await t.get('/api/v1/dispatch/board', dispatcher, { query: { regionId: region.id } });
    expect(south.data.items).toEqual([]);
    expect((await t.get(`/api/v1/work-orders/${o.id}/candidates`, otherDispatcher)).statusCode).toBe(404);
    expect((await t.get(`/api/v1/work-orders/${o.id}/offers`, managerA)).statusCode).toBe(403);
    expect((await t.get('/api/v1/dispatch/board', dispatcher, { query: { view: 'late' } })).statusCode).toBe(400);
  });

  it("lists an outlet's technicians with that Shanghai day's jobs in window order", async () => {
    const jobs: string[] = [];
    const at = async (technicianId: string, start: string, status = 'active') => {
      const o = await t.factories.order(customer, { status: 'booked', outletId: outletA, technicianId });
      await t.db
        .insertInto('work_order_appointments')
        .values({
          id: crypto.randomUUID(),
          order_id: o.id,
          brand_id: brand.id,
          window_start: start,
          window_end: new Date(new Date(start).getTime() + 2 * 3_600_000),
          status,
          requested_by: 'customer',
          created_at: t.clock.now(),
        })
        .execute();
      jobs.push(o.id);
      return o.id;
    };
    const late = await at(techA.id, '2026-03-16T06:00:00Z'); // 14:00 Shanghai
    const early = await at(techA.id, '2026-03-16T01:00:00Z'); // 09:00
    const midnight = await at(techA.id, '2026-03-15T16:30:00Z'); // 00:30 on the 16th
    await at(techA.id, '2026-03-16T16:00:00Z'); // the 17th
    await at(techA.id, '2026-03-16T03:00:00Z', 'cancelled');
    const res = await t.get(`/api/v1/outlets/${outletA}/day-plan`, managerA, { query: { date: '2026-03-16' } });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.data.technicians.find((x: { id: string }) => x.id === techA.id);
    expect(a.jobs.map((j: { orderId: string }) => j.orderId)).toEqual([midnight, early, late]);
    expect(a.jobs[1]).toMatchObject({ windowStart: '2026-03-16T01:00:00.000Z', status: 'booked' });
    expect(res.data.technicians.find((x: { id: string }) => x.id === techA2.id).jobs).toEqual([]);
    expect((await t.get(`/api/v1/outlets/${outletA}/day-plan`, dispatcher)).data.date).toBe('2026-03-15');
    expect((await t.get(`/api/v1/outlets/${outletA}/day-plan`, managerB)).statusCode).toBe(404);
    expect((await t.get(`/api/v1/outlets/${outletA}/day-plan`, otherDispatcher)).statusCode).toBe(404);
    expect((await t.get(`/api/v1/outlets/${outletA}/day-plan`, technicianA)).statusCode).toBe(403);
    const bad = await t.get(`/api/v1/outlets/${outletA}/day-plan`, managerA, { query: { date: '16/03/2026' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('pins', () => {
  it('creates, lists and deletes pins in the brand, refusing bad ones with a code', async () => {
    const base = { brandId: brand.id, outletId: outletB };
    const cases: [Caller, unknown, number, string][] = [
      [dispatcher, { ...base }, 400, 'VALIDATION_FAILED'],
      [dispatcher, { ...base, customerId: customer.id, customerTag: 'key_account' }, 400, 'VALIDATION_FAILED'],
      [dispatcher, { ...base, customerTag: 'Key Account!' }, 400, 'VALIDATION_FAILED'],
      [dispatcher, { ...base, outletId: foreignOutlet, customerTag: 'key_account' }, 422, 'DISPATCH_OUTLET_UNKNOWN'],
      [dispatcher, { ...base, outletId: suspended, customerTag: 'key_account' }, 422, 'DISPATCH_OUTLET_INACTIVE'],
      [dispatcher, { ...base, customerId: '00000000-0000-4000-8000-000000000000' }, 422, 'DISPATCH_CUSTOMER_UNKNOWN'],
      [dispatcher, { ...base, customerTag: 'key_account', divisionCode: '999999' }, 422, 'DISPATCH_DIVISION_UNKNOWN'],
      [otherDispatcher, { ...base, customerTag: 'key_account' }, 422, 'DISPATCH_BRAND_UNKNOWN'],
      [managerA, { ...base, customerTag: 'key_account' }, 403, 'FORBIDDEN'],
    ];
    const before = await t.count('dispatch_pins');
    for (const [caller, body, status, code] of cases) {
      const res = await t.post('/api/v1/dispatch/pins', caller, body);
      expect([res.statusCode, res.data.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect(await t.count('dispatch_pins')).toBe(before);

    const made = await t.post('/api/v1/dispatch/pins', dispatcher, {
      ...base,
      customerTag: 'key_account',
      divisionCode: '310000',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.data).toMatchObject({
      customerTag: 'key_account',
      divisionCode: '310000',
      outlet: { id: outletB },
      customer: null,
    });
    const list = await t.get('/api/v1/dispatch/pins', dispatcher);
    expect(list.data.items.map((p: { id: string }) => p.id)).toContain(made.data.id);
    expect((await t.get('/api/v1/dispatch/pins', otherDispatcher)).data.items).toEqual([]);
    expect((await t.post(`/api/v1/dispatch/pins/${made.data.id}/delete`, otherDispatcher)).statusCode).toBe(404);
    expect((await t.post(`/api/v1/dispatch/pins/${made.data.id}/delete`, dispatcher)).data).toEqual({ ok: true });
    expect(await t.count('dispatch_pins')).toBe(before);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', made.data.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['dispatch_pin.create', 'dispatch_pin.delete']);
  });
});
