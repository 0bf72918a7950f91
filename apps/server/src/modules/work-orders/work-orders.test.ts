import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let brandA: { id: string };
let brandB: { id: string };
let outletA: { id: string };
let outletA2: { id: string };
let techA: { id: string };
let agentA: Caller;
let agentB: Caller;
let customerA: { id: string; brandId: string; phones: string[] };
let productA: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await t.factories.brand();
  outletA = await t.factories.outlet(brandA.id);
  outletA2 = await t.factories.outlet(brandA.id);
  techA = await t.factories.technician(outletA.id, { name: '李师傅' });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
  agentB = await t.as('agent', { brandIds: [brandB.id] });
  customerA = await t.factories.customer(brandA.id, { name: '孙丽', phones: ['13812340001'] });
  productA = await t.factories.product(customerA);
  await t.db.updateTable('installed_products').set({ has_invoice: true }).where('id', '=', productA.id).execute();
  await t.db
    .insertInto('fault_codes')
    .values([
      { brand_id: brandA.id, code: 'E1', name: '室内温度传感器故障', category_code: 'air_conditioner' },
      { brand_id: brandA.id, code: 'F0', name: '漏水', category_code: null },
    ])
    .execute();
});
afterAll(async () => t?.close());

const repair = (over: Record<string, unknown> = {}) => ({
  brandId: brandA.id,
  type: 'repair',
  channel: 'phone',
  customerId: customerA.id,
  productId: productA.id,
  faultDescription: '空调不制冷，室内机漏水',
  faultCodes: ['e1', 'F0'],
  preferredWindows: [{ start: '2026-03-16T01:00:00Z', end: '2026-03-16T04:00:00Z' }],
  ...over,
});

async function orderCount() {
  return t.count('work_orders');
}

describe('intake', () => {
  let orderId: string;

  it('registers a repair with a readable number, the warranty verdict and its pack, and a timeline (then auto-dispatches)', async () => {
    const res = await t.post('/api/v1/work-orders', agentA, repair());
    expect(res.statusCode).toBe(201);
    const o = res.data.order;
    orderId = o.id;
    expect(res.data.outcome).toBe('created');
    expect(o.number).toMatch(/^WO20260315-\d{6}$/);
    // The dispatch module offers the new order to a covering outlet in the same transaction.
    expect(o).toMatchObject({
      status: 'dispatched',
      version: 2,
      type: 'repair',
      channel: 'phone',
      customer: { id: customerA.id, name: '孙丽' },
      product: { id: productA.id, categoryCode: 'air_conditioner' },
      faultCodes: ['E1', 'F0'],
      contactPhone: '13812340001',
      address: { divisionCode: '310115004', urbanRural: 'urban' },
      pack: { id: 'cn-baseline', version: expect.any(Number) },
    });
    expect(o.verdict.covered).toBe(true);
    expect(o.actions).toEqual(expect.arrayContaining(['cancel', 'note']));
    expect(res.data.customerLink).toMatch(/^\/h5\/orders\/[\w-]{20,}$/);

    const tl = await t.get(`/api/v1/work-orders/${orderId}/timeline`, agentA);
    expect(tl.data.items).toHaveLength(2);
    expect(tl.data.items[0]).toMatchObject({ seq: 1, action: 'register', fromStatus: null, toStatus: 'registered' });
    expect(tl.data.items[1]).toMatchObject({ seq: 2, action: 'offer', toStatus: 'dispatched' });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', orderId).execute();
    expect(audit.map((a) => a.action)).toEqual(['work_order.create']);
    const events = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', orderId).execute();
    expect(events.map((e) => e.type)).toEqual(['work_order.register', 'work_order.offer']);
  });

  it('numbers orders of one day consecutively', async () => {
    const other = await t.factories.customer(brandA.id);
    const a = await t.post(
      '/api/v1/work-orders',
      agentA,
      repair({ customerId: other.id, productId: undefined, categoryCode: 'washer' }),
    );
    const b = await t.post(
      '/api/v1/work-orders',
      agentA,
      repair({ customerId: other.id, productId: undefined, categoryCode: 'washer' }),
    );
    const n = (x: string) => Number(x.slice(-6));
    expect(n(b.data.order.number)).toBe(n(a.data.order.number) + 1);
  });

  it('answers 409 naming the open order for the same product, and links or creates on request', async () => {
    const before = await orderCount();
    const dup = await t.post('/api/v1/work-orders', agentA, repair({ channel: 'wechat' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.data.code).toBe('WORK_ORDER_DUPLICATE');
    expect(dup.data.details.openOrders[0].id).toBe(orderId);
    expect(await orderCount()).toBe(before);

    const linked = await t.post('/api/v1/work-orders', agentA, repair({ channel: 'wechat', onDuplicate: 'link' }));
    expect(linked.statusCode).toBe(200);
    expect(linked.data.outcome).toBe('linked');
    expect(linked.data.order.id).toBe(orderId);
    expect(linked.data.order.version).toBe(3);
    expect(await orderCount()).toBe(before);
    const tl = await t.get(`/api/v1/work-orders/${orderId}/timeline`, agentA);
    expect(tl.data.items.at(-1)).toMatchObject({ action: 'link', data: { channel: 'wechat' } });

    const second = await t.post('/api/v1/work-orders', agentA, repair({ onDuplicate: 'create' }));
    expect(second.statusCode).toBe(201);
    expect(second.data.order.linkedOrderId).toBe(orderId);
    expect(second.data.order.flags).toContain('serial_on_open_orders');
  });

  it('registers a contact resolved on the call as a closed order with its disposition', async () => {
    const res = await t.post('/api/v1/work-orders', agentA, {
      brandId: brandA.id,
      type: 'guidance',
      channel: 'phone',
      customerId: customerA.id,
      faultDescription: '遥控器不会设置睡眠模式',
      resolvedOnCall: { disposition: 'guided_resolved', note: '已指导按“睡眠”键' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.data.outcome).toBe('closed_on_call');
    expect(res.data.order).toMatchObject({ status: 'closed', disposition: 'guided_resolved', version: 2 });
    expect(res.data.order.closedAt).not.toBeNull();
    const tl = await t.get(`/api/v1/work-orders/${res.data.order.id}/timeline`, agentA);
    expect(tl.data.items.map((e: { action: string }) => e.action)).toEqual(['register', 'close_on_call']);
  });

  it('creates the customer on the call when the screen pop found nobody', async () => {
    const res = await t.post('/api/v1/work-orders', agentA, {
      brandId: brandA.id,
      type: 'installation',
      channel: 'phone',
      newCustomer: { name: '周杰', phone: '+86 139-0000-7777', divisionCode: '310115125', addressDetail: '张江路88号' },
      categoryCode: 'air_conditioner',
    });
    expect(res.statusCode).toBe(201);
    expect(res.data.order).toMatchObject({
      contactName: '周杰',
      contactPhone: '13900007777',
      address: { divisionCode: '310115125', urbanRural: 'rural' },
      product: null,
      verdict: null,
    });
    const c = await t.db
      .selectFrom('customers')
      .select('brand_id')
      .where('id', '=', res.data.order.customer.id)
      .executeTakeFirst();
    expect(c?.brand_id).toBe(brandA.id);
  });

  it('refuses bad input with a code and writes nothing', async () => {
    const before = await orderCount();
    const cases: [Record<string, unknown>, number, string][] = [
      [repair({ type: 'teleport' }), 400, 'VALIDATION_FAILED'],
      [repair({ extra: 1 }), 400, 'VALIDATION_FAILED'],
      [repair({ customerId: undefined }), 400, 'VALIDATION_FAILED'],
      [repair({ faultCodes: ['ZZ9'] }), 422, 'WORK_ORDER_FAULT_CODE_UNKNOWN'],
      [
        repair({ productId: undefined, categoryCode: undefined, onDuplicate: 'create' }),
        422,
        'WORK_ORDER_CATEGORY_REQUIRED',
      ],
      [repair({ productId: undefined, categoryCode: 'laptop' }), 422, 'WORK_ORDER_CATEGORY_UNKNOWN'],
      [
        repair({ address: { divisionCode: '999999', detail: 'x' }, onDuplicate: 'create' }),
        422,
        'WORK_ORDER_DIVISION_UNKNOWN',
      ],
      [repair({ contactPhone: '12345', onDuplicate: 'create' }), 422, 'WORK_ORDER_PHONE_INVALID'],
      [repair({ resolvedOnCall: { disposition: 'guided_resolved' } }), 400, 'VALIDATION_FAILED'],
      [
        repair({ preferredWindows: [{ start: '2026-03-16T04:00:00Z', end: '2026-03-16T01:00:00Z' }] }),
        400,
        'VALIDATION_FAILED',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.post('/api/v1/work-orders', agentA, body);
      expect([res.statusCode, res.data.code], JSON.stringify(body)).toEqual([status, code]);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(await orderCount()).toBe(before);
  });

  it('replays an intake sent twice with the same Idempotency-Key', async () => {
    const other = await t.factories.customer(brandA.id);
    const body = repair({ customerId: other.id, productId: undefined, categoryCode: 'washer' });
    const headers = { 'idempotency-key': 'intake-0001' };
    const a = await t.post('/api/v1/work-orders', agentA, body, { headers });
    const b = await t.post('/api/v1/work-orders', agentA, body, { headers });
    expect(a.statusCode).toBe(201);
    expect(b.data.order.id).toBe(a.data.order.id);
    const n = await t.db.selectFrom('work_orders').select('id').where('customer_id', '=', other.id).execute();
    expect(n).toHaveLength(1);
  });
});

describe('transitions, versions and scope', () => {
  it('cancels with a reason; an illegal step answers 409 and a stale version 412, changing nothing', async () => {
    const o = await t.factories.order(customerA);
    const noReason = await t.post(`/api/v1/work-orders/${o.id}/cancel`, agentA, {});
    expect(noReason.statusCode).toBe(400);
    const stale = await t.post(
      `/api/v1/work-orders/${o.id}/cancel`,
      agentA,
      { reason: '用户已自行修好' },
      { headers: { 'if-match': '"7"' } },
    );
    expect([stale.statusCode, stale.data.code]).toEqual([412, 'WORK_ORDER_VERSION_STALE']);
    const ok = await t.post(
      `/api/v1/work-orders/${o.id}/cancel`,
      agentA,
      { reason: '用户已自行修好' },
      { headers: { 'if-match': '"1"' } },
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ status: 'cancelled', version: 2 });
    const again = await t.post(`/api/v1/work-orders/${o.id}/cancel`, agentA, { reason: '再取消' });
    expect([again.statusCode, again.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
    const tl = await t.get(`/api/v1/work-orders/${o.id}/timeline`, agentA);
    expect(tl.data.items.map((e: { action: string }) => e.action)).toEqual(['register', 'cancel']);
    expect(tl.data.items[1]).toMatchObject({
      reason: '用户已自行修好',
      fromStatus: 'registered',
      toStatus: 'cancelled',
    });
    const bad = await t.post(
      `/api/v1/work-orders/${o.id}/cancel`,
      agentA,
      { reason: 'x' },
      { headers: { 'if-match': 'abc' } },
    );
    expect([bad.statusCode, bad.data.code]).toEqual([400, 'WORK_ORDER_VERSION_INVALID']);
  });

  it('withdraws the pending offer of a cancelled order', async () => {
    const other = await t.factories.customer(brandA.id);
    const res = await t.post(
      '/api/v1/work-orders',
      agentA,
      repair({ customerId: other.id, productId: undefined, categoryCode: 'air_conditioner' }),
    );
    expect(res.data.order.status).toBe('dispatched');
    const cancel = await t.post(`/api/v1/work-orders/${res.data.order.id}/cancel`, agentA, { reason: '用户不需要了' });
    expect(cancel.data).toMatchObject({ status: 'cancelled', offerExpiresAt: null });
    const offers = await t.db
      .selectFrom('work_order_offers')
      .select(['status', 'reason'])
      .where('order_id', '=', res.data.order.id)
      .execute();
    expect(offers).toEqual([{ status: 'withdrawn', reason: 'order_cancelled' }]);
  });

  it('cannot cancel once the technician is on site', async () => {
    const o = await t.factories.order(customerA, { status: 'on_site', outletId: outletA.id, technicianId: techA.id });
    const res = await t.post(`/api/v1/work-orders/${o.id}/cancel`, agentA, { reason: '用户要求' });
    expect(res.statusCode).toBe(409);
    const row = await t.db
      .selectFrom('work_orders')
      .select(['status', 'version'])
      .where('id', '=', o.id)
      .executeTakeFirst();
    expect(row).toEqual({ status: 'on_site', version: 1 });
  });

  it('shows each party only its orders: outlet, technician, customer, other brand', async () => {
    const mine = await t.factories.order(customerA, {
      status: 'accepted',
      outletId: outletA.id,
      technicianId: techA.id,
    });
    const theirs = await t.factories.order(customerA, { status: 'dispatched', outletId: outletA2.id });
    const manager = await t.as('outlet_manager', { outletId: outletA.id });
    const tech = await t.as('technician', { outletId: outletA.id, technicianId: techA.id });
    const customerUser = await t.as('customer', { customerId: customerA.id });

    const list = await t.get('/api/v1/work-orders', manager, { query: { pageSize: '200' } });
    const ids = list.data.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await t.get(`/api/v1/work-orders/${theirs.id}`, manager)).statusCode).toBe(404);
    expect((await t.get(`/api/v1/work-orders/${theirs.id}/timeline`, manager)).statusCode).toBe(404);
    expect((await t.post(`/api/v1/work-orders/${theirs.id}/notes`, manager, { text: '看看' })).statusCode).toBe(404);

    const techList = await t.get('/api/v1/work-orders', tech, { query: { pageSize: '200' } });
    expect(techList.data.items.map((x: { id: string }) => x.id)).toContain(mine.id);
    expect(techList.data.items.every((x: { technician: { id: string } }) => x.technician.id === techA.id)).toBe(true);
    // A technician sees the customer's phone masked.
    expect(techList.data.items[0].contactPhone).toBe('139****5678');

    const own = await t.get('/api/v1/work-orders', customerUser, { query: { pageSize: '200' } });
    expect(own.data.items.every((x: { customer: { id: string } }) => x.customer.id === customerA.id)).toBe(true);
    const steps = await t.get(`/api/v1/work-orders/${mine.id}/timeline`, customerUser);
    expect(steps.data.steps[0].text['zh-CN']).toBe('您的服务请求已受理');
    expect(steps.data.items).toBeUndefined();
    expect((await t.post(`/api/v1/work-orders/${mine.id}/notes`, customerUser, { text: 'hi' })).statusCode).toBe(403);

    expect((await t.get(`/api/v1/work-orders/${mine.id}`, agentB)).statusCode).toBe(404);
    expect((await t.post(`/api/v1/work-orders/${mine.id}/cancel`, agentB, { reason: 'x' })).statusCode).toBe(404);
    const bList = await t.get('/api/v1/work-orders', agentB);
    expect(bList.data.items.map((x: { id: string }) => x.id)).not.toContain(mine.id);
    // An agent of brand B cannot register an order for brand A's customer.
    const cross = await t.post('/api/v1/work-orders', agentB, repair({ onDuplicate: 'create' }));
    expect([cross.statusCode, cross.data.code]).toEqual([422, 'WORK_ORDER_BRAND_UNKNOWN']);
  });

  it('gives the assigned technician the full number only when calling from an open job, and records the call', async () => {
    const caller = await t.factories.technician(outletA.id);
    const job = await t.factories.order(customerA, { status: 'booked', outletId: outletA.id, technicianId: caller.id });
    const done = await t.factories.order(customerA, {
      status: 'closed',
      outletId: outletA.id,
      technicianId: caller.id,
    });
    const tech = await t.as('technician', { outletId: outletA.id, technicianId: caller.id });
    const otherTech = await t.factories.technician(outletA.id);
    const other = await t.as('technician', { outletId: outletA.id, technicianId: otherTech.id });

    const seen = await t.get(`/api/v1/work-orders/${job.id}`, tech);
    expect(seen.data.contactPhone).toBe('139****5678');
    const call = await t.post(`/api/v1/work-orders/${job.id}/call`, tech);
    expect(call.statusCode).toBe(200);
    expect(call.data).toEqual({ phone: '13912345678', tel: 'tel:13912345678' });
    const tl = await t.get(`/api/v1/work-orders/${job.id}/timeline`, agentA);
    expect(tl.data.items.at(-1)).toMatchObject({
      action: 'note',
      data: { kind: 'contact_call' },
      actor: { role: 'technician' },
    });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', job.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['work_order.contact_call']);
    // The call is not a change of the order: the technician's next step keeps its version.
    expect((await t.get(`/api/v1/work-orders/${job.id}`, tech)).data.version).toBe(1);

    const closed = await t.post(`/api/v1/work-orders/${done.id}/call`, tech);
    expect([closed.statusCode, closed.data.code]).toEqual([409, 'WORK_ORDER_CALL_CLOSED']);
    expect((await t.post(`/api/v1/work-orders/${job.id}/call`, other)).statusCode).toBe(404);
    expect((await t.post(`/api/v1/work-orders/${job.id}/call`, agentA)).statusCode).toBe(403);
  });

  it('adds notes to the staff timeline without changing the status', async () => {
    const o = await t.factories.order(customerA);
    const res = await t.post(`/api/v1/work-orders/${o.id}/notes`, agentA, { text: '用户要求上午上门' });
    expect(res.data).toMatchObject({ status: 'registered', version: 2 });
    const tl = await t.get(`/api/v1/work-orders/${o.id}/timeline`, agentA);
    expect(tl.data.items.at(-1)).toMatchObject({
      action: 'note',
      reason: '用户要求上午上门',
      actor: { role: 'agent' },
    });
  });

  it('lists by status, open flag and number', async () => {
    const o = await t.factories.order(customerA, { status: 'booked', outletId: outletA.id });
    const byNumber = await t.get('/api/v1/work-orders', agentA, { query: { q: o.number } });
    expect(byNumber.data.items.map((x: { id: string }) => x.id)).toEqual([o.id]);
    const booked = await t.get('/api/v1/work-orders', agentA, { query: { status: 'booked', pageSize: '200' } });
    expect(booked.data.items.every((x: { status: string }) => x.status === 'booked')).toBe(true);
    const closed = await t.get('/api/v1/work-orders', agentA, { query: { open: 'false', pageSize: '200' } });
    expect(closed.data.items.every((x: { status: string }) => ['closed', 'cancelled'].includes(x.status))).toBe(true);
  });
});

describe('customer H5 link', () => {
  it('shows progress in plain words by the token, and 404 for a wrong one', async () => {
    const other = await t.factories.customer(brandA.id);
    const res = await t.post(
      '/api/v1/work-orders',
      agentA,
      repair({ customerId: other.id, productId: undefined, categoryCode: 'washer' }),
    );
    const token = res.data.customerLink.split('/').at(-1);
    const page = await t.get(`/api/v1/h5/orders/${token}`, null);
    expect(page.statusCode).toBe(200);
    expect(page.data).toMatchObject({ number: res.data.order.number, status: 'registered', technician: null });
    expect(page.data.steps.map((s: { text: { 'en-US': string } }) => s.text['en-US'])).toEqual([
      'Your request has been registered',
    ]);
    expect(JSON.stringify(page.data)).not.toContain('contactPhone');
    const wrong = await t.get(`/api/v1/h5/orders/${'x'.repeat(32)}`, null);
    expect([wrong.statusCode, wrong.data.code]).toEqual([404, 'WORK_ORDER_TOKEN_INVALID']);
  });
});
