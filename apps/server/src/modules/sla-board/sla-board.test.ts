import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { newId } from '../../platform/ids.ts';

// The board reads milestone rows; they are written here directly (the engine's own tests cover how
// they are computed), on orders from the order builder. Now is 2026-03-15T02:00Z.
let t: TestApp;
const MIN = 60_000;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
let brandA: { id: string };
let brandB: { id: string };
let regionA: { id: string };
let regionA2: { id: string };
let outletA: { id: string; name: string };
let outletA2: { id: string; name: string };
let outletB: { id: string };
const callers: Record<string, Caller> = {};

type Status = 'open' | 'paused' | 'met' | 'missed' | 'cancelled';
async function milestone(
  name: string,
  o: {
    brandId: string;
    outletId: string | null;
    regionId: string | null;
    status: Status;
    dueIn: number | null;
    key?: string;
    customerCaused?: boolean;
    explain?: object;
  },
) {
  const customer = await t.factories.customer(o.brandId);
  const order = await t.factories.order(customer, { status: 'accepted', outletId: o.outletId });
  const now = t.clock.now().getTime();
  const id = newId();
  await t.db
    .insertInto('sla_milestones')
    .values({
      id,
      order_id: order.id,
      brand_id: o.brandId,
      outlet_id: o.outletId,
      region_id: o.regionId,
      division_code: '310115004',
      milestone_key: o.key ?? 'on_site',
      pack_id: 'aux',
      pack_version: 1,
      responsible: o.outletId ? 'outlet' : 'desk',
      clock: 'calendar',
      target_minutes: 720,
      started_at: new Date(now - 600 * MIN),
      due_at: o.dueIn === null ? null : new Date(now + o.dueIn * MIN),
      warn_at: null,
      stopped_at: o.status === 'met' ? new Date(now - 400 * MIN) : null,
      status: o.status,
      elapsed_minutes: 600,
      customer_caused: o.customerCaused ?? false,
      explain: JSON.stringify(o.explain ?? {}),
      computed_at: new Date(now),
    })
    .execute();
  ids[name] = id;
  numbers[name] = order.number;
}

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  brandA = await f.brand({ name: '甲品牌' });
  brandB = await f.brand({ name: '乙品牌' });
  regionA = await f.region(brandA.id, { name: '华东大区' });
  regionA2 = await f.region(brandA.id, { name: '华南大区' });
  const regionB = await f.region(brandB.id);
  outletA = await f.outlet(brandA.id, { regionId: regionA.id, name: '杭州速达' });
  outletA2 = await f.outlet(brandA.id, { regionId: regionA2.id, name: '广州安达' });
  outletB = await f.outlet(brandB.id, { regionId: regionB.id });
  const a = { brandId: brandA.id, outletId: outletA.id, regionId: regionA.id };
  const onSite = { 'zh-CN': '上门', 'en-US': 'On site' };
  await milestone('late30', { ...a, status: 'open', dueIn: -30, explain: { name: onSite } });
  await milestone('soon60', { ...a, status: 'open', dueIn: 60, customerCaused: true, key: 'resolve' });
  await milestone('later10h', { ...a, status: 'open', dueIn: 600 });
  await milestone('paused', { ...a, status: 'paused', dueIn: null });
  await milestone('met', { ...a, status: 'met', dueIn: -300 });
  await milestone('missed', { ...a, status: 'missed', dueIn: -300 });
  await milestone('late120', {
    brandId: brandA.id,
    outletId: outletA2.id,
    regionId: regionA2.id,
    status: 'open',
    dueIn: -120,
  });
  await milestone('desk5', {
    brandId: brandA.id,
    outletId: null,
    regionId: null,
    status: 'open',
    dueIn: 5,
    key: 'record',
  });
  await milestone('foreign', {
    brandId: brandB.id,
    outletId: outletB.id,
    regionId: regionB.id,
    status: 'open',
    dueIn: -10,
  });
  callers.platform = await t.as('platform_admin');
  callers.brandA = await t.as('brand_admin', { brandIds: [brandA.id] });
  callers.regionA = await t.as('service_manager', { brandIds: [brandA.id], regionIds: [regionA.id] });
  callers.outletA = await t.as('outlet_manager', { outletId: outletA.id });
  callers.technician = await t.as('technician', { outletId: outletA.id });
  const customer = await f.customer(brandA.id);
  callers.customer = await t.as('customer', { customerId: customer.id });
});
afterAll(async () => t?.close());

const board = (who: string, query: Record<string, string> = {}) => t.get('/api/v1/sla/board', callers[who]!, { query });
const itemIds = (data: { items: { id: string }[] }) => data.items.map((i) => i.id);

describe('GET /sla/board', () => {
  it('counts breached, due-soon and paused open milestones, and lists the at-risk ones breached first', async () => {
    const res = await board('brandA');
    expect(res.statusCode).toBe(200);
    expect(res.data.summary).toEqual({ breached: 2, dueSoon: 2, paused: 1 });
    expect(res.data.withinHours).toBe(4);
    expect(res.data.asOf).toBe('2026-03-15T02:00:00.000Z');
    // Met, missed, paused and the one due in 10 h are not at risk now.
    expect(itemIds(res.data)).toEqual([ids.late120, ids.late30, ids.desk5, ids.soon60]);
    expect(res.data.total).toBe(4);
    const [late120, late30, desk5, soon60] = res.data.items;
    expect(late120).toMatchObject({ breached: true, minutesLate: 120, minutesLeft: null });
    expect(late120.outlet).toMatchObject({ id: outletA2.id, name: '广州安达' });
    expect(late120.region).toEqual({ id: regionA2.id, name: '华南大区' });
    expect(late30).toMatchObject({
      order: { number: numbers.late30, status: 'accepted' },
      brand: { id: brandA.id, name: '甲品牌' },
      milestoneKey: 'on_site',
      name: { 'zh-CN': '上门', 'en-US': 'On site' },
      responsible: 'outlet',
      status: 'open',
      minutesLate: 30,
      customerCaused: false,
    });
    expect(desk5).toMatchObject({ breached: false, minutesLeft: 5, outlet: null, region: null, responsible: 'desk' });
    // Without an explanation naming it (and no such pack version), the key stands in for the name.
    expect(soon60).toMatchObject({ minutesLeft: 60, customerCaused: true, name: { 'zh-CN': 'resolve' } });
  });

  it('groups by brand, region and outlet with names', async () => {
    const { data } = await board('brandA');
    expect(data.byBrand).toEqual([
      { id: brandA.id, name: '甲品牌', code: expect.any(String), breached: 2, dueSoon: 2, paused: 1 },
    ]);
    const region = (id: string | null) => data.byRegion.find((g: { id: string | null }) => g.id === id);
    expect(region(regionA.id)).toMatchObject({ name: '华东大区', breached: 1, dueSoon: 1, paused: 1 });
    expect(region(regionA2.id)).toMatchObject({ name: '华南大区', breached: 1, dueSoon: 0, paused: 0 });
    expect(region(null)).toMatchObject({ name: null, breached: 0, dueSoon: 1, paused: 0 });
    expect(data.byOutlet.map((g: { id: string | null }) => g.id)).toEqual([outletA.id, outletA2.id, null]);
    expect(data.byOutlet[0]).toMatchObject({ name: '杭州速达', breached: 1, dueSoon: 1, paused: 1 });
  });

  it('widens "due soon" with withinHours and follows the clock', async () => {
    const wide = await board('brandA', { withinHours: '12' });
    expect(wide.data.summary).toEqual({ breached: 2, dueSoon: 3, paused: 1 });
    expect(itemIds(wide.data).at(-1)).toBe(ids.later10h);
    t.clock.advance(60 * MIN);
    try {
      const later = await board('brandA');
      // The one due in 60 minutes is now due: breached, 0 minutes late; desk5 is 55 late.
      expect(later.data.summary).toEqual({ breached: 4, dueSoon: 0, paused: 1 });
      const soon60 = later.data.items.find((i: { id: string }) => i.id === ids.soon60);
      expect(soon60).toMatchObject({ breached: true, minutesLate: 0 });
      expect(later.data.items.find((i: { id: string }) => i.id === ids.desk5).minutesLate).toBe(55);
    } finally {
      t.clock.advance(-60 * MIN);
    }
  });

  it('filters by brand, region and outlet, and pages', async () => {
    const byOutlet = await board('brandA', { outletId: outletA2.id });
    expect(itemIds(byOutlet.data)).toEqual([ids.late120]);
    expect(byOutlet.data.summary).toEqual({ breached: 1, dueSoon: 0, paused: 0 });
    const byRegion = await board('platform', { regionId: regionA.id });
    expect(itemIds(byRegion.data)).toEqual([ids.late30, ids.soon60]);
    const page2 = await board('brandA', { pageSize: '3', page: '2' });
    expect(itemIds(page2.data)).toEqual([ids.soon60]);
    expect(page2.data.total).toBe(4);
    // A foreign brand as a filter finds nothing, it does not widen the scope.
    const foreign = await board('brandA', { brandId: brandB.id });
    expect(foreign.data.summary).toEqual({ breached: 0, dueSoon: 0, paused: 0 });
    expect(foreign.data.items).toEqual([]);
  });

  it('shows the platform everything, a region its regions, an outlet only its own', async () => {
    const all = await board('platform');
    expect(all.data.summary).toEqual({ breached: 3, dueSoon: 2, paused: 1 });
    expect(all.data.byBrand.map((g: { id: string }) => g.id).sort()).toEqual([brandA.id, brandB.id].sort());

    const region = await board('regionA');
    expect(itemIds(region.data)).toEqual([ids.late30, ids.soon60]);
    expect(region.data.summary).toEqual({ breached: 1, dueSoon: 1, paused: 1 });

    const outlet = await board('outletA');
    expect(outlet.statusCode).toBe(200);
    expect(itemIds(outlet.data)).toEqual([ids.late30, ids.soon60]);
    expect(outlet.data.byOutlet.map((g: { id: string }) => g.id)).toEqual([outletA.id]);
    // An outlet asking for another outlet's milestones gets none.
    const other = await board('outletA', { outletId: outletA2.id });
    expect(other.data.items).toEqual([]);

    for (const who of ['brandA', 'regionA', 'outletA']) {
      const res = await board(who, { pageSize: '200', withinHours: '72' });
      expect(res.body).not.toContain(ids.foreign);
      expect(res.body).not.toContain(numbers.foreign);
      expect(res.body).not.toContain(brandB.id);
      expect(res.body).not.toContain(outletB.id);
    }
  });

  it('refuses technicians and customers (no sla.read) and bad queries', async () => {
    expect((await board('technician')).statusCode).toBe(403);
    expect((await board('customer')).statusCode).toBe(403);
    expect((await t.get('/api/v1/sla/board', null)).statusCode).toBe(401);
    expect((await board('brandA', { withinHours: '0' })).statusCode).toBe(400);
    expect((await board('brandA', { withinHours: '100' })).statusCode).toBe(400);
    expect((await board('brandA', { brandId: 'nope' })).statusCode).toBe(400);
    expect((await board('brandA', { color: 'red' })).statusCode).toBe(400);
  });
});
