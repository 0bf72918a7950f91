import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { startWorker } from '../../platform/worker.ts';
import { lockOrder } from '../work-orders/index.ts';
import { offerNext, type PackSource } from './dispatch.commands.ts';
import { expireOffers, offerSweep } from './dispatch.sweep.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const MIN = 60_000;
type World = Awaited<ReturnType<typeof world>>;

/** A brand of its own per test, with a dispatcher, an agent and a customer at 310115004 (Pudong). */
async function world(over: { policyPack?: string; tags?: string[] } = {}) {
  const brand = await t.factories.brand({ categories: ['air_conditioner', 'washer'] });
  if (over.policyPack)
    await t.db.updateTable('brands').set({ policy_pack: over.policyPack }).where('id', '=', brand.id).execute();
  const dispatcher = await t.as('dispatcher', { brandIds: [brand.id] });
  const customer = await t.factories.customer(brand.id, { tags: over.tags ?? [] });
  return { brand, dispatcher, customer };
}

const outlet = (w: World, over: Parameters<TestApp['factories']['outlet']>[1] = {}) =>
  t.factories.outlet(w.brand.id, over).then((o) => o.id);

async function intake(w: World, over: Record<string, unknown> = {}) {
  const res = await t.post('/api/v1/work-orders', w.dispatcher, {
    brandId: w.brand.id,
    type: 'repair',
    channel: 'phone',
    customerId: w.customer.id,
    categoryCode: 'air_conditioner',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.data.order;
}

async function candidates(w: World, orderId: string): Promise<string[]> {
  const res = await t.get(`/api/v1/work-orders/${orderId}/candidates`, w.dispatcher);
  expect(res.statusCode, res.body).toBe(200);
  return res.data.items.map((c: { outlet: { id: string } }) => c.outlet.id);
}

const offers = (orderId: string) =>
  t.db.selectFrom('work_order_offers').selectAll().where('order_id', '=', orderId).orderBy('offered_at').execute();
const actions = async (orderId: string) =>
  (
    await t.db.selectFrom('work_order_events').select('action').where('order_id', '=', orderId).orderBy('seq').execute()
  ).map((e) => e.action);

describe('candidates', () => {
  it('keeps only the most specific covering level: township over county over province', async () => {
    const w = await world();
    const province = await outlet(w, { coverage: ['310000'] });
    const county = await outlet(w, { coverage: ['310115'] });
    const town = await outlet(w, { coverage: ['310115004'], tier: 'authorized' });
    const order = await intake(w);
    expect(order).toMatchObject({ status: 'dispatched', outlet: { id: town }, handoffs: 0, version: 2 });
    expect(new Date(order.offerExpiresAt).getTime() - t.clock.now().getTime()).toBe(30 * MIN);
    expect(await candidates(w, order.id)).toEqual([town]);
    // Without the township outlet, the county outlet wins over the province's.
    await t.db.deleteFrom('outlet_coverage').where('outlet_id', '=', town).execute();
    const o2 = await t.factories.order(w.customer);
    expect(await candidates(w, o2.id)).toEqual([county]);
    await t.db.deleteFrom('outlet_coverage').where('outlet_id', '=', county).execute();
    expect(await candidates(w, o2.id)).toEqual([province]);
  });

  it('ranks by tier, then load against capacity (over capacity last), KPI score and rotation', async () => {
    const w = await world();
    const kpi = await outlet(w);
    const never = await outlet(w);
    const old = await outlet(w);
    const recent = await outlet(w);
    const loaded = await outlet(w);
    const specialist = await outlet(w, { tier: 'specialist' });
    const authorized = await outlet(w, { tier: 'authorized' });
    const full = await outlet(w);
    const suspended = await outlet(w, { status: 'suspended' });
    const unauthorized = await outlet(w);
    await t.db.deleteFrom('outlet_authorizations').where('outlet_id', '=', unauthorized).execute();
    const otherBrand = await t.factories.outlet((await t.factories.brand()).id);
    await t.db.updateTable('outlets').set({ kpi_score: 95 }).where('id', '=', kpi).execute();
    await t.db.updateTable('outlets').set({ kpi_score: 70 }).where('id', 'in', [never, old, recent]).execute();
    const ago = (m: number) => new Date(t.clock.now().getTime() - m * MIN);
    // Rotation: the outlets' latest offers (of other, long-closed orders).
    const offeredAt = async (outletId: string, at: Date) => {
      const past = await t.factories.order(w.customer, { status: 'closed', outletId });
      await t.db
        .insertInto('work_order_offers')
        .values({
          id: crypto.randomUUID(),
          order_id: past.id,
          brand_id: w.customer.brandId,
          outlet_id: outletId,
          rank: 1,
          source: 'auto',
          status: 'accepted',
          offered_at: at,
          expires_at: at,
        })
        .execute();
    };
    await offeredAt(old, ago(120));
    await offeredAt(recent, ago(10));
    await t.db.updateTable('outlets').set({ capacity_per_day: 1 }).where('id', '=', full).execute();
    await t.factories.order(w.customer, { status: 'accepted', outletId: full });
    await t.factories.order(w.customer, { status: 'booked', outletId: loaded });
    // Resolved and closed orders are not load.
    await t.factories.order(w.customer, { status: 'resolved', outletId: kpi });
    const order = await t.factories.order(w.customer);

    const res = await t.get(`/api/v1/work-orders/${order.id}/candidates`, w.dispatcher);
    const ids = res.data.items.map((c: { outlet: { id: string } }) => c.outlet.id);
    expect(ids).toEqual([kpi, never, old, recent, loaded, specialist, authorized, full]);
    expect(ids).not.toContain(suspended);
    expect(ids).not.toContain(unauthorized);
    expect(ids).not.toContain(otherBrand.id);
    expect(res.data.items.at(-1)).toMatchObject({ rank: 8, overCapacity: true, openOrders: 1, capacityPerDay: 1 });
    expect(res.data.items[0].why).toContain('kpi 95');
  });

  it('offers to a probation outlet only when no active outlet covers the address', async () => {
    const w = await world();
    const probation = await outlet(w, { status: 'probation', coverage: ['310115004'] });
    const order = await t.factories.order(w.customer);
    expect(await candidates(w, order.id)).toEqual([probation]);
    const active = await outlet(w, { coverage: ['310000'] });
    expect(await candidates(w, order.id)).toEqual([active]);
  });

  it('sends key accounts and tagged institutions to their pinned outlet first', async () => {
    const w = await world({ tags: ['institution:hospital'] });
    const covering = await outlet(w);
    const forAccount = await outlet(w, { coverage: [] });
    const forHospitals = await outlet(w, { coverage: [], tier: 'authorized' });
    const elsewhere = await outlet(w, { coverage: [] });
    const pin = (body: Record<string, unknown>) =>
      t.post('/api/v1/dispatch/pins', w.dispatcher, { brandId: w.brand.id, ...body });
    expect(
      (await pin({ customerTag: 'institution:hospital', divisionCode: '310000', outletId: forHospitals })).statusCode,
    ).toBe(201);
    expect(
      (await pin({ customerTag: 'institution:hospital', divisionCode: '440000', outletId: elsewhere })).statusCode,
    ).toBe(201);
    const order = await intake(w);
    expect(order.outlet.id).toBe(forHospitals);
    expect((await offers(order.id))[0]).toMatchObject({ source: 'pinned', rank: 1, status: 'pending' });
    expect(await candidates(w, order.id)).toEqual([forHospitals, covering]);

    // A customer pin beats a tag pin; a pin to a suspended outlet is ignored.
    await pin({ customerId: w.customer.id, outletId: forAccount });
    const o2 = await t.factories.order(w.customer);
    expect(await candidates(w, o2.id)).toEqual([forAccount, forHospitals, covering]);
    await t.db.updateTable('outlets').set({ status: 'suspended' }).where('id', '=', forAccount).execute();
    expect(await candidates(w, o2.id)).toEqual([forHospitals, covering]);
  });
});

describe('offering', () => {
  it('takes the deadline from the brand pack (cn-baseline when the brand names none)', async () => {
    const midea = await world({ policyPack: 'midea' });
    await outlet(midea);
    const o = await intake(midea);
    expect(new Date(o.offerExpiresAt).getTime() - t.clock.now().getTime()).toBe(30 * MIN);
    const offer = (await offers(o.id))[0]!;
    expect(offer.expires_at.getTime() - offer.offered_at.getTime()).toBe(30 * MIN);

    // A pack's own value wins over the baseline: the same packs with AUX at 45 minutes.
    const current = t.ctx.packs.current();
    const packs: PackSource = {
      current: () => ({
        ...current,
        packs: current.packs.map((p) =>
          p.id === 'aux' ? { ...p, service: { ...p.service, dispatch: { acceptMinutes: 45, maxAutoOffers: 5 } } } : p,
        ),
      }),
    };
    for (const [pack, minutes] of [
      ['aux', 45],
      [null, 30],
    ] as const) {
      const w = await world(pack ? { policyPack: pack } : {});
      await outlet(w);
      const order = await t.factories.order(w.customer);
      const row = await t.db.transaction().execute(async (trx) => {
        const locked = (await lockOrder(trx, { kind: 'all' } as never, order.id))!;
        return offerNext(trx, t.clock, packs, locked);
      });
      expect(row.offer_expires_at!.getTime() - t.clock.now().getTime()).toBe(minutes * MIN);
    }
  });

  it('leaves an order nobody can take on the board', async () => {
    const w = await world();
    await outlet(w);
    const order = await intake(w, { categoryCode: 'washer' });
    expect(order).toMatchObject({ status: 'registered', outlet: null, handoffs: 0 });
    expect(await actions(order.id)).toEqual(['register', 'return_to_board']);
    const board = await t.get('/api/v1/dispatch/board', w.dispatcher, { query: { view: 'unassigned' } });
    expect(board.data.items.map((o: { id: string }) => o.id)).toContain(order.id);
    const refused = await t.get('/api/v1/dispatch/board', w.dispatcher, { query: { view: 'refused' } });
    expect(refused.data.items.map((o: { id: string }) => o.id)).not.toContain(order.id);
  });

  it('hands a refused order to the next candidate at once, recording and counting the hand-off', async () => {
    const w = await world();
    const first = await outlet(w);
    const second = await outlet(w, { tier: 'specialist' });
    const managerFirst = await t.as('outlet_manager', { outletId: first });
    const managerSecond = await t.as('outlet_manager', { outletId: second });
    const order = await intake(w);
    expect(order.outlet.id).toBe(first);

    const noReason = await t.post(`/api/v1/work-orders/${order.id}/refuse`, managerFirst, {});
    expect(noReason.statusCode).toBe(400);
    const res = await t.post(`/api/v1/work-orders/${order.id}/refuse`, managerFirst, { reason: '本周人手不足' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toEqual({ id: order.id, number: order.number, handedOn: true });
    expect(JSON.stringify(res.data)).not.toContain(second);
    expect((await t.get(`/api/v1/work-orders/${order.id}`, managerFirst)).statusCode).toBe(404);
    const now = await t.get(`/api/v1/work-orders/${order.id}`, managerSecond);
    expect(now.data).toMatchObject({ status: 'dispatched', outlet: { id: second }, handoffs: 1 });
    expect((await offers(order.id)).map((o) => [o.outlet_id, o.status, o.reason])).toEqual([
      [first, 'refused', '本周人手不足'],
      [second, 'pending', null],
    ]);
    const tl = await t.get(`/api/v1/work-orders/${order.id}/timeline`, w.dispatcher);
    expect(tl.data.items.map((e: { action: string }) => e.action)).toEqual(['register', 'offer', 'refuse', 'offer']);
    expect(tl.data.items[2]).toMatchObject({ reason: '本周人手不足', actor: { role: 'outlet_manager' } });
    expect(tl.data.items[3].data).toMatchObject({ outletId: second, handoff: 1, rank: 1 });
    expect(tl.data.items[3].reason).toBe('after_refusal');

    // The second says no as well: nobody is left, the order waits on the board (refused view).
    const last = await t.post(`/api/v1/work-orders/${order.id}/refuse`, managerSecond, { reason: '不在服务范围' });
    expect(last.data.handedOn).toBe(false);
    const row = await t.db.selectFrom('work_orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'registered', outlet_id: null, handoffs: 1, offer_expires_at: null });
    expect((await actions(order.id)).slice(-2)).toEqual(['refuse', 'return_to_board']);
    const board = await t.get('/api/v1/dispatch/board', w.dispatcher, { query: { view: 'refused' } });
    expect(board.data.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
    const c = await t.get(`/api/v1/work-orders/${order.id}/candidates`, w.dispatcher);
    expect(c.data.items).toEqual([]);
    expect(c.data.excluded.map((e: { outletId: string }) => e.outletId).sort()).toEqual([first, second].sort());
    const history = await t.get(`/api/v1/work-orders/${order.id}/offers`, w.dispatcher);
    expect(history.data.handoffs).toBe(1);
    expect(history.data.items.map((o: { status: string }) => o.status)).toEqual(['refused', 'refused']);
  });

  it('stops offering automatically after the pack’s maxAutoOffers', async () => {
    const w = await world();
    const a = await outlet(w);
    await outlet(w);
    const current = t.ctx.packs.current();
    const packs: PackSource = {
      current: () => ({
        ...current,
        packs: current.packs.map((p) =>
          p.id === 'cn-baseline'
            ? { ...p, service: { ...p.service, dispatch: { acceptMinutes: 30, maxAutoOffers: 1 } } }
            : p,
        ),
      }),
    };
    const order = await t.factories.order(w.customer);
    await t.db.transaction().execute(async (trx) => {
      const locked = (await lockOrder(trx, { kind: 'all' } as never, order.id))!;
      return offerNext(trx, t.clock, packs, locked);
    });
    await t.db.updateTable('work_orders').set({ offer_expires_at: t.clock.now() }).where('id', '=', order.id).execute();
    expect((await expireOffers(t.db, t.clock, packs)).expired).toBe(1);
    const row = await t.db.selectFrom('work_orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'registered', outlet_id: null });
    const ev = await t.db
      .selectFrom('work_order_events')
      .selectAll()
      .where('order_id', '=', order.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ action: 'return_to_board', reason: 'max_auto_offers' });
    expect((await offers(order.id)).map((o) => [o.outlet_id, o.status])).toEqual([[a, 'expired']]);
  });
});

describe('offer timeout sweep', () => {
  it('expires a late offer on the manual clock and offers the next outlet', async () => {
    const w = await world();
    const first = await outlet(w);
    const second = await outlet(w, { tier: 'authorized' });
    const manager = await t.as('outlet_manager', { outletId: first });
    const order = await intake(w);
    // Earlier tests' offers fall due too: the sweep takes every due one, so count this order's steps.
    t.clock.advance(29 * MIN);
    await expireOffers(t.db, t.clock, t.ctx.packs);
    expect(await actions(order.id)).toEqual(['register', 'offer']);
    t.clock.advance(2 * MIN);
    const swept = await expireOffers(t.db, t.clock, t.ctx.packs);
    expect(swept.expired).toBeGreaterThanOrEqual(1);
    expect(swept.failed).toBe(0);
    const row = await t.db.selectFrom('work_orders').selectAll().where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'dispatched', outlet_id: second, handoffs: 1 });
    expect(row.offer_expires_at!.getTime()).toBe(t.clock.now().getTime() + 30 * MIN);
    expect((await offers(order.id)).map((o) => [o.outlet_id, o.status])).toEqual([
      [first, 'expired'],
      [second, 'pending'],
    ]);
    expect((await actions(order.id)).slice(-2)).toEqual(['expire', 'offer']);
    const [expire, offer] = (
      await t.db.selectFrom('work_order_events').selectAll().where('order_id', '=', order.id).orderBy('seq').execute()
    ).slice(-2);
    expect(expire).toMatchObject({ reason: 'offer_timeout', actor_type: 'system', data: { outletId: first } });
    expect(offer).toMatchObject({ reason: 'after_timeout', data: { outletId: second, handoff: 1 } });
    // The first outlet can no longer take it.
    expect((await t.post(`/api/v1/work-orders/${order.id}/accept`, manager)).statusCode).toBe(404);
    // The second one is late too; accepting after the deadline is refused before the sweep runs.
    t.clock.advance(31 * MIN);
    const late = await t.post(
      `/api/v1/work-orders/${order.id}/accept`,
      await t.as('outlet_manager', { outletId: second }),
    );
    expect([late.statusCode, late.data.code]).toEqual([409, 'DISPATCH_OFFER_EXPIRED']);
    const overdue = await t.get('/api/v1/dispatch/board', w.dispatcher, { query: { view: 'overdue' } });
    expect(overdue.data.items.map((o: { id: string }) => o.id)).toEqual([order.id]);
  });

  it('never expires the same offer twice when two sweeps run at once', async () => {
    const w = await world();
    const a = await outlet(w);
    const n = 6;
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await intake(w)).id);
    // Other outlets' due offers from earlier tests are swept too; count only this brand's.
    t.clock.advance(31 * MIN);
    const [x, y] = await Promise.all([
      expireOffers(t.db, t.clock, t.ctx.packs),
      expireOffers(t.db, t.clock, t.ctx.packs),
    ]);
    expect(x.failed + y.failed).toBe(0);
    for (const id of ids) {
      expect((await actions(id)).filter((a) => a === 'expire')).toHaveLength(1);
      expect((await offers(id)).map((o) => [o.outlet_id, o.status])).toEqual([[a, 'expired']]);
    }
    expect((await expireOffers(t.db, t.clock, t.ctx.packs)).expired).toBe(0);
  });

  it('runs in the worker loop (as boot.ts registers it)', async () => {
    const w = await world();
    await outlet(w);
    const order = await intake(w);
    t.clock.advance(31 * MIN);
    const worker = startWorker(t.ctx, [], null, 60_000, [offerSweep]);
    try {
      expect(await worker.tick()).toBeGreaterThanOrEqual(1);
    } finally {
      await worker.stop();
    }
    expect((await actions(order.id)).slice(-2)).toEqual(['expire', 'return_to_board']);
  });
});
