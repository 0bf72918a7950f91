import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { addTestPack, milestone, TEST_PACK } from './sla-reports.fixture.ts';

// Now: 2026-03-15 10:00 in Shanghai (02:00Z). The period 2026-03-01..14 runs from 2026-02-28T16:00Z
// (Shanghai midnight) to 2026-03-14T16:00Z.
let t: TestApp;
let w: Awaited<ReturnType<typeof world>>;

async function world(t: TestApp) {
  const f = t.factories;
  const brandA = await f.brand({ name: '甲品牌' });
  const brandB = await f.brand({ name: '乙品牌' });
  await t.db.updateTable('brands').set({ policy_pack: TEST_PACK }).execute();
  const r1 = await f.region(brandA.id, { name: '华东' });
  const r2 = await f.region(brandA.id, { name: '华南' });
  const rB = await f.region(brandB.id);
  const o1 = await f.outlet(brandA.id, { regionId: r1.id, name: '东区网点' });
  const o2 = await f.outlet(brandA.id, { regionId: r2.id, name: '西区网点' });
  const oB = await f.outlet(brandB.id, { regionId: rB.id, name: '乙网点' });
  const custA = await f.customer(brandA.id);
  const custB = await f.customer(brandB.id);
  const at1 = { outletId: o1.id, regionId: r1.id };
  const at2 = { outletId: o2.id, regionId: r2.id };
  const rows: [typeof custA, Parameters<typeof milestone>[2]][] = [
    // In the period, brand A, the resolution milestone.
    [custA, { status: 'met', elapsed: 600, startedAt: '2026-03-01T00:00:00+08:00', ...at1 }],
    [custA, { status: 'met', elapsed: 1440, startedAt: '2026-03-02T10:00:00+08:00', ...at1 }],
    [custA, { status: 'met', elapsed: 2000, startedAt: '2026-03-03T10:00:00+08:00', ...at1 }],
    [custA, { status: 'met', elapsed: 4000, startedAt: '2026-03-04T10:00:00+08:00', customerCaused: true, ...at2 }],
    [custA, { status: 'met', elapsed: 7000, startedAt: '2026-03-09T10:00:00+08:00', ...at2 }],
    [custA, { status: 'missed', elapsed: 8000, startedAt: '2026-03-10T10:00:00+08:00', ...at2 }],
    // Open for exactly two days now (due a day ago), and paused since the last second of the period.
    [
      custA,
      {
        status: 'open',
        elapsed: 100,
        startedAt: '2026-03-13T10:00:00+08:00',
        dueAt: '2026-03-14T10:00:00+08:00',
        ...at1,
      },
    ],
    [custA, { status: 'paused', elapsed: 5, startedAt: '2026-03-14T23:59:59+08:00', dueAt: null, ...at2 }],
    // Never counted: cancelled; outside the period by a second either side; another brand.
    [custA, { status: 'cancelled', elapsed: 10, startedAt: '2026-03-05T10:00:00+08:00', ...at1 }],
    [custA, { status: 'met', elapsed: 10, startedAt: '2026-02-28T23:59:59+08:00', ...at1 }],
    [custA, { status: 'met', elapsed: 10, startedAt: '2026-03-15T00:00:00+08:00', ...at1 }],
    [custB, { status: 'met', elapsed: 10, startedAt: '2026-03-02T10:00:00+08:00', outletId: oB.id, regionId: rB.id }],
  ];
  for (const [cust, m] of rows) await milestone(t, await f.order(cust), m);
  // Another milestone of an order: on-time only.
  const order = await f.order(custA);
  await milestone(t, order, {
    key: 'on_site',
    status: 'met',
    elapsed: 60,
    startedAt: '2026-03-02T10:00:00+08:00',
    ...at1,
  });
  const callers = {
    adminA: await t.as('brand_admin', { brandIds: [brandA.id] }),
    adminB: await t.as('brand_admin', { brandIds: [brandB.id] }),
    regionA2: await t.as('service_manager', { brandIds: [brandA.id], regionIds: [r2.id] }),
    outlet1: await t.as('outlet_manager', { outletId: o1.id }),
    platform: await t.as('platform_admin'),
    technician: await t.as('technician', { outletId: o1.id }),
  };
  return { brandA, brandB, r1, r2, o1, o2, oB, callers };
}

beforeAll(async () => {
  t = await createTestApp();
  addTestPack(t);
  w = await world(t);
});
afterAll(async () => t?.close());

const PERIOD = { from: '2026-03-01', to: '2026-03-14' };

async function resolution(caller: Caller, query: Record<string, string>) {
  const res = await t.get('/api/v1/sla/reports/resolution', caller, { query: { ...PERIOD, ...query } });
  expect(res.statusCode, res.body).toBe(200);
  return res.data;
}

// biome-ignore lint/suspicious/noExplicitAny: report rows read loosely
const within = (row: any) => Object.fromEntries(row.within.map((x: any) => [x.days, x]));

describe('resolution report', () => {
  it('counts resolved within 1/2/3/5 days against the pack targets', async () => {
    const r = await resolution(w.callers.adminA, { brandId: w.brandA.id });
    expect(r.brands).toEqual([
      expect.objectContaining({ id: w.brandA.id, packId: TEST_PACK, resolutionMilestone: 'resolved' }),
    ]);
    expect(r.days).toEqual([1, 2, 3, 5]);
    expect(r.rows).toHaveLength(1);
    expect(r.total).toMatchObject({ orders: 8, resolved: 6, open: 2 });
    const d = within(r.total);
    // 1 day: 600 and exactly 1440 minutes; base: six stopped + the order open for two days.
    expect(d[1]).toMatchObject({ resolved: 2, base: 7, target: 0.25, met: true });
    expect(d[1].rate).toBeCloseTo(2 / 7);
    expect(d[2]).toMatchObject({ resolved: 3, base: 7, target: 0.5, met: false });
    // Three and five days: the open order is too young to have failed them.
    expect(d[3]).toMatchObject({ resolved: 4, base: 6, target: 0.6, met: true });
    expect(d[5]).toMatchObject({ resolved: 5, base: 6, target: 1, met: false });
    expect(r.rows[0]).toMatchObject({ key: w.brandA.id, label: '甲品牌', orders: 8 });
  });

  it('groups by outlet, region and Shanghai day, week and month', async () => {
    const byOutlet = await resolution(w.callers.adminA, { groupBy: 'outlet' });
    expect(byOutlet.rows.map((x: { label: string; orders: number }) => [x.label, x.orders])).toEqual([
      [`东区网点（${w.o1.code}）`, 4],
      [`西区网点（${w.o2.code}）`, 4],
    ]);
    expect(within(byOutlet.rows[0])[1]).toMatchObject({ resolved: 2, base: 4, rate: 0.5, met: true });
    expect(within(byOutlet.rows[1])[1]).toMatchObject({ resolved: 0, base: 3, rate: 0, met: false });

    const byRegion = await resolution(w.callers.adminA, { groupBy: 'region' });
    expect(byRegion.rows.map((x: { key: string }) => x.key).sort()).toEqual([w.r1.id, w.r2.id].sort());

    const byDay = await resolution(w.callers.adminA, { groupBy: 'day' });
    const days = byDay.rows.map((x: { key: string; orders: number }) => [x.key, x.orders]);
    // Shanghai midnight: 2026-02-28T16:00Z is 1 March; 23:59:59 on the 14th is the 14th.
    expect(days[0]).toEqual(['2026-03-01', 1]);
    expect(days.at(-1)).toEqual(['2026-03-14', 1]);
    expect(days).toHaveLength(8);

    const byWeek = await resolution(w.callers.adminA, { groupBy: 'week' });
    expect(byWeek.rows.map((x: { key: string; orders: number }) => [x.key, x.orders])).toEqual([
      ['2026-02-23', 1],
      ['2026-03-02', 3],
      ['2026-03-09', 4],
    ]);
    const byMonth = await resolution(w.callers.adminA, { groupBy: 'month' });
    expect(byMonth.rows).toEqual([expect.objectContaining({ key: '2026-03', label: '2026-03', orders: 8 })]);
  });

  it('moves rows in and out at the period bounds', async () => {
    const r = await resolution(w.callers.adminA, { from: '2026-02-28', to: '2026-03-15' });
    expect(r.total.orders).toBe(10);
    const one = await resolution(w.callers.adminA, { from: '2026-03-14', to: '2026-03-14' });
    expect(one.total).toMatchObject({ orders: 1, open: 1, resolved: 0 });
  });

  it('counts only the rows in the caller’s scope', async () => {
    const outlet = await resolution(w.callers.outlet1, {});
    expect(outlet.total).toMatchObject({ orders: 4, resolved: 3, open: 1 });
    const region = await resolution(w.callers.regionA2, {});
    expect(region.total).toMatchObject({ orders: 4, resolved: 3, open: 1 });
    const adminB = await resolution(w.callers.adminB, {});
    expect(adminB.total.orders).toBe(1);
    expect(JSON.stringify(adminB)).not.toContain(w.brandA.id);
    // A brand out of scope is not found; a role without sla.read is refused.
    const foreign = await t.get('/api/v1/sla/reports/resolution', w.callers.adminB, {
      query: { ...PERIOD, brandId: w.brandA.id },
    });
    expect(foreign.statusCode).toBe(404);
    const tech = await t.get('/api/v1/sla/reports/resolution', w.callers.technician, { query: PERIOD });
    expect(tech.statusCode).toBe(403);
  });

  it('gives each brand its own targets when grouped by brand', async () => {
    const r = await resolution(w.callers.platform, { groupBy: 'brand' });
    expect(r.rows.map((x: { key: string; orders: number }) => [x.key, x.orders])).toEqual([
      [w.brandA.id, 8],
      [w.brandB.id, 1],
    ]);
    expect(within(r.rows[1])[1]).toMatchObject({ rate: 1, target: 0.25, met: true });
    // Two brands in one total: no single target applies.
    expect(within(r.total)[1]).toMatchObject({ resolved: 3, base: 8, target: null, met: null });
  });

  it('judges a brand on the shipped AUX pack by its resolution milestone and targets', async () => {
    const aux = await t.factories.brand({ name: '奥克斯测试' });
    await t.db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', aux.id).execute();
    const cust = await t.factories.customer(aux.id);
    await milestone(t, await t.factories.order(cust), {
      status: 'met',
      elapsed: 100,
      startedAt: '2026-03-02T10:00:00+08:00',
    });
    const r = await resolution(w.callers.platform, { brandId: aux.id });
    expect(r.brands[0]).toMatchObject({
      packId: 'aux',
      resolutionMilestone: 'resolved',
      targets: [
        { days: 1, rate: 0.8 },
        { days: 2, rate: 0.9 },
        { days: 3, rate: 0.95 },
        { days: 5, rate: 1 },
      ],
    });
    expect(within(r.total)[1]).toMatchObject({ resolved: 1, base: 1, rate: 1, target: 0.8, met: true });
    const onTime = await t.get('/api/v1/sla/reports/on-time', w.callers.platform, {
      query: { ...PERIOD, brandId: aux.id },
    });
    expect(onTime.data.totals[0].milestoneName).toEqual({ 'zh-CN': '五日内解决', 'en-US': 'Resolved within 5 days' });
  });

  it('refuses bad periods and unknown parameters', async () => {
    for (const query of [
      { from: '2026-03-10', to: '2026-03-01' },
      { from: '2020-01-01', to: '2026-03-01' },
      { groupBy: 'year' },
      { foo: '1' },
    ] as Record<string, string>[]) {
      const res = await t.get('/api/v1/sla/reports/resolution', w.callers.adminA, { query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
    }
  });
});

describe('on-time report', () => {
  it('gives per milestone met, missed, open past due and the on-time rate', async () => {
    const res = await t.get('/api/v1/sla/reports/on-time', w.callers.adminA, { query: PERIOD });
    expect(res.statusCode, res.body).toBe(200);
    const byKey = Object.fromEntries(res.data.totals.map((x: { milestoneKey: string }) => [x.milestoneKey, x]));
    expect(res.data.totals.map((x: { milestoneKey: string }) => x.milestoneKey)).toEqual(['on_site', 'resolved']);
    expect(byKey.resolved).toMatchObject({
      milestoneName: { 'zh-CN': '修复', 'en-US': 'Resolved' },
      total: 8,
      met: 5,
      missed: 1,
      open: 1,
      paused: 1,
      openOverdue: 1,
      customerCaused: 1,
    });
    expect(byKey.resolved.rate).toBeCloseTo(5 / 7);
    expect(byKey.on_site).toMatchObject({ total: 1, met: 1, rate: 1 });
    const outlet = await t.get('/api/v1/sla/reports/on-time', w.callers.outlet1, {
      query: { ...PERIOD, groupBy: 'outlet' },
    });
    expect(outlet.data.rows.map((x: { key: string }) => x.key)).toEqual([w.o1.id, w.o1.id]);
    expect(outlet.data.totals.find((x: { milestoneKey: string }) => x.milestoneKey === 'resolved')).toMatchObject({
      total: 4,
      met: 3,
      openOverdue: 1,
    });
  });
});

describe('Excel export', () => {
  async function sheet(url: string, query: Record<string, string>) {
    const res = await t.get(url, w.callers.adminA, { query: { ...PERIOD, ...query } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  it('exports the resolution report with the same numbers', async () => {
    const rows = await sheet('/api/v1/sla/reports/resolution.xlsx', { groupBy: 'outlet' });
    const header = rows[0] as string[];
    expect(header.slice(0, 4)).toEqual(['分组', '工单数', '已解决', '未解决']);
    const total = rows.at(-1)!;
    expect(total[0]).toBe('合计');
    expect(total[header.indexOf('工单数')]).toBe(8);
    expect(total[header.indexOf('1天内解决')]).toBe(2);
    expect(total[header.indexOf('1天解决率')] as number).toBeCloseTo(2 / 7);
    expect(total[header.indexOf('1天目标')]).toBe(0.25);
    expect(total[header.indexOf('2天达标')]).toBe('否');
    expect(rows).toHaveLength(4);
  });

  it('exports the on-time report with the same numbers', async () => {
    const rows = await sheet('/api/v1/sla/reports/on-time.xlsx', {});
    const header = rows[0] as string[];
    const resolved = rows.find((r) => r[0] === '合计' && r[1] === 'resolved')!;
    expect(resolved[header.indexOf('按时')]).toBe(5);
    expect(resolved[header.indexOf('进行中已超时')]).toBe(1);
    expect(resolved[header.indexOf('按时率')] as number).toBeCloseTo(5 / 7);
  });
});
