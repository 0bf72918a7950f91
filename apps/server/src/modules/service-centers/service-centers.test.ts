import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let managerA: Caller;
let brandA: { id: string };
let brandB: { id: string };
let regionA: { id: string };
let regionA2: { id: string };
let regionB: { id: string };
let centerB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('platform_admin');
  brandA = await t.factories.brand();
  brandB = await t.factories.brand();
  regionA = await t.factories.region(brandA.id);
  regionA2 = await t.factories.region(brandA.id, { name: '华南大区' });
  regionB = await t.factories.region(brandB.id);
  centerB = await t.factories.center(brandB.id, regionB.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  managerA = await t.as('service_manager', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

const countCenters = () => t.count('service_centers');

describe('service centers', () => {
  let centerId: string;

  it('creates a center in a region, taking the brand from the region, audited with an event', async () => {
    const res = await t.post('/api/v1/service-centers', adminA, {
      regionId: regionA.id,
      code: 'SH01',
      name: '上海服务管理中心',
      divisionCode: '310115',
      address: '上海市浦东新区张江路1号',
      phone: '021-58881234',
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      brandId: brandA.id,
      regionId: regionA.id,
      code: 'SH01',
      divisionCode: '310115',
      phone: '021-58881234',
      status: 'active',
    });
    centerId = res.data.id;
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', centerId).execute();
    expect(audit.map((a) => [a.action, a.brand_id])).toEqual([['service_center.create', brandA.id]]);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', centerId).execute();
    expect(events.map((e) => e.type)).toEqual(['service_center.created']);
  });

  it('reads and lists with region, brand and text filters', async () => {
    await t.post('/api/v1/service-centers', adminA, { regionId: regionA2.id, code: 'GZ01', name: '广州服务管理中心' });
    expect((await t.get(`/api/v1/service-centers/${centerId}`, adminA)).data.name).toBe('上海服务管理中心');
    const byRegion = await t.get('/api/v1/service-centers', adminA, { query: { regionId: regionA.id } });
    expect(byRegion.data.items.map((c: { id: string }) => c.id)).toEqual([centerId]);
    const byBrand = await t.get('/api/v1/service-centers', admin, { query: { brandId: brandA.id } });
    expect(byBrand.data.total).toBe(2);
    const byName = await t.get('/api/v1/service-centers', admin, { query: { q: '广州' } });
    expect(byName.data.items.map((c: { code: string }) => c.code)).toEqual(['GZ01']);
  });

  it('masks the phone for roles without pii.phone', async () => {
    const res = await t.get(`/api/v1/service-centers/${centerId}`, managerA);
    expect(res.data.phone).toBe('021****1234');
  });

  it('edits and deactivates, audited with before and after', async () => {
    const res = await t.patch(`/api/v1/service-centers/${centerId}`, adminA, { name: '浦东中心', status: 'inactive' });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ name: '浦东中心', status: 'inactive', divisionCode: '310115' });
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', centerId)
      .where('action', '=', 'service_center.deactivate')
      .executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ name: '上海服务管理中心', status: 'active' });
    expect(row.after).toMatchObject({ name: '浦东中心', status: 'inactive' });
  });

  it('refuses an unknown division, an inactive region and a taken code, writing nothing', async () => {
    const before = await countCenters();
    const division = await t.post('/api/v1/service-centers', adminA, {
      regionId: regionA.id,
      code: 'X1',
      name: '无效',
      divisionCode: '319999',
    });
    expect(division.statusCode).toBe(422);
    expect(division.data.code).toBe('SERVICE_CENTER_DIVISION_UNKNOWN');
    const patch = await t.patch(`/api/v1/service-centers/${centerId}`, adminA, { divisionCode: '319999' });
    expect(patch.data.code).toBe('SERVICE_CENTER_DIVISION_UNKNOWN');
    const dup = await t.post('/api/v1/service-centers', adminA, { regionId: regionA.id, code: 'SH01', name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.code).toBe('SERVICE_CENTER_CODE_TAKEN');
    await t.patch(`/api/v1/regions/${regionA2.id}`, adminA, { status: 'inactive' });
    const inactive = await t.post('/api/v1/service-centers', adminA, {
      regionId: regionA2.id,
      code: 'X2',
      name: '停用',
    });
    expect(inactive.statusCode).toBe(422);
    expect(inactive.data.code).toBe('SERVICE_CENTER_REGION_INACTIVE');
    expect(await countCenters()).toBe(before);
  });

  it("keeps another brand's centers out of reach: 404, absent from lists, no creating under its region", async () => {
    expect((await t.get(`/api/v1/service-centers/${centerB.id}`, adminA)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/service-centers/${centerB.id}`, adminA, { name: '改名' })).statusCode).toBe(404);
    const list = await t.get('/api/v1/service-centers', adminA, { query: { pageSize: '200' } });
    expect(list.data.items.map((c: { id: string }) => c.id)).not.toContain(centerB.id);
    const create = await t.post('/api/v1/service-centers', adminA, { regionId: regionB.id, code: 'X3', name: '越权' });
    expect(create.statusCode).toBe(422);
    expect(create.data.code).toBe('SERVICE_CENTER_REGION_UNKNOWN');
  });

  it('shows a region manager only the centers of their regions, read-only', async () => {
    const regional = await t.as('service_manager', { brandIds: [brandA.id], regionIds: [regionA2.id] });
    const list = await t.get('/api/v1/service-centers', regional);
    expect(list.data.items.map((c: { code: string }) => c.code)).toEqual(['GZ01']);
    expect((await t.get(`/api/v1/service-centers/${centerId}`, regional)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/service-centers/${centerId}`, regional, { name: 'x' })).statusCode).toBe(403);
  });
});
