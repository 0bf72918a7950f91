import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let brandA: { id: string };
let brandB: { id: string };
let regionA: { id: string };
let regionA2: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('platform_admin');
  brandA = await t.factories.brand({ name: '奥克斯空调' });
  brandB = await t.factories.brand({ name: '美的' });
  regionA = await t.factories.region(brandA.id);
  regionA2 = await t.factories.region(brandA.id, { name: '华北大区' });
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

function body(over: Record<string, unknown>) {
  return {
    tier: 'service_center',
    divisionCode: '310115125',
    address: '上海市浦东新区金桥路1号',
    phone: '13812341234',
    brands: [{ brandId: brandA.id, regionId: regionA.id }],
    coverage: ['310115'],
    ...over,
  };
}

const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((o) => o.id).sort();

describe('outlets: list filters', () => {
  let pudong: string;
  let minhang: string;
  let citywide: string;
  let street: string;
  let other: string;

  beforeAll(async () => {
    const f = t.factories;
    pudong = (await t.post('/api/v1/outlets', adminA, body({ code: 'FLT-PD', name: '浦东金桥维修中心' }))).data.id;
    minhang = (
      await f.outlet(brandA.id, {
        name: '闵行莘庄特约维修点',
        tier: 'authorized',
        coverage: ['310112'],
        divisionCode: '310112',
        regionId: regionA2.id,
      })
    ).id;
    citywide = (
      await f.outlet(brandA.id, {
        name: '上海全市专修部',
        tier: 'specialist',
        status: 'probation',
        coverage: ['310000'],
      })
    ).id;
    street = (await f.outlet(brandA.id, { name: '潍坊街道便民点', tier: 'authorized', coverage: ['310115004'] })).id;
    other = (await f.outlet(brandB.id, { name: '美的浦东网点', coverage: ['310115'] })).id;
  });

  it('finds outlets by a two-character Chinese term and by code', async () => {
    const pd = await t.get('/api/v1/outlets', admin, { query: { q: '浦东', pageSize: '200' } });
    expect(ids(pd)).toContain(pudong);
    expect(ids(pd)).toContain(other);
    expect(ids(pd)).not.toContain(minhang);
    expect(pd.data.items.every((o: { name: string }) => o.name.includes('浦东'))).toBe(true);
    const mh = await t.get('/api/v1/outlets', admin, { query: { q: '莘庄' } });
    expect(ids(mh)).toEqual([minhang]);
    const code = await t.get('/api/v1/outlets', admin, { query: { q: 'FLT-PD' } });
    expect(ids(code)).toEqual([pudong]);
    const lower = await t.get('/api/v1/outlets', admin, { query: { q: 'flt-pd' } });
    expect(ids(lower)).toEqual([pudong]);
  });

  it('finds outlets covering a division or one of its ancestors', async () => {
    const township = await t.get('/api/v1/outlets', admin, { query: { covers: '310115004' } });
    expect(ids(township)).toEqual([pudong, citywide, street, other].sort());
    const county = await t.get('/api/v1/outlets', admin, { query: { covers: '310115' } });
    expect(ids(county)).toEqual([pudong, citywide, other].sort());
    const rural = await t.get('/api/v1/outlets', admin, { query: { covers: '310115125' } });
    expect(ids(rural)).toEqual([pudong, citywide, other].sort());
    const mh = await t.get('/api/v1/outlets', admin, { query: { covers: '310112' } });
    expect(ids(mh)).toEqual([minhang, citywide].sort());
    const unknown = await t.get('/api/v1/outlets', admin, { query: { covers: '999999' } });
    expect(unknown.data).toMatchObject({ items: [], total: 0 });
    const bad = await t.get('/api/v1/outlets', admin, { query: { covers: 'pudong' } });
    expect(bad.statusCode).toBe(400);
  });

  it('filters by brand, region, tier and status, and combines filters', async () => {
    const b = await t.get('/api/v1/outlets', admin, { query: { brandId: brandB.id } });
    expect(ids(b)).toEqual([other]);
    const r = await t.get('/api/v1/outlets', admin, { query: { regionId: regionA2.id, pageSize: '200' } });
    expect(ids(r)).toContain(minhang);
    expect(ids(r)).not.toContain(pudong);
    const tier = await t.get('/api/v1/outlets', admin, { query: { tier: 'specialist' } });
    expect(ids(tier)).toEqual([citywide]);
    const status = await t.get('/api/v1/outlets', admin, { query: { status: 'probation' } });
    expect(ids(status)).toEqual([citywide]);
    const both = await t.get('/api/v1/outlets', admin, { query: { tier: 'authorized', covers: '310115004' } });
    expect(ids(both)).toEqual([street]);
  });

  it('paginates with a total', async () => {
    const all = await t.get('/api/v1/outlets', admin, { query: { pageSize: '200' } });
    const page = await t.get('/api/v1/outlets', admin, { query: { pageSize: '2', page: '2' } });
    expect(page.data).toMatchObject({ page: 2, pageSize: 2, total: all.data.total });
    expect(page.data.items).toHaveLength(2);
    expect(page.data.items.map((o: { id: string }) => o.id)).toEqual(
      all.data.items.slice(2, 4).map((o: { id: string }) => o.id),
    );
  });
});
