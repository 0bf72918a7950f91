import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let adminB: Caller;
let managerA: Caller;
let brandA: { id: string };
let brandB: { id: string };
let regionB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('platform_admin');
  brandA = await t.factories.brand({ name: '奥克斯空调' });
  brandB = await t.factories.brand({ name: '美的' });
  regionB = await t.factories.region(brandB.id, { code: 'B-EAST', name: '美的华东大区' });
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  adminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  managerA = await t.as('service_manager', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

const count = (table: 'regions' | 'audit_log') => t.count(table);

describe('regions', () => {
  let regionId: string;

  it('lets a brand admin create a region of their brand, audited with an event', async () => {
    const res = await t.post('/api/v1/regions', adminA, {
      brandId: brandA.id,
      code: 'EAST',
      name: '华东大区',
      provinceCodes: ['310000', '320000', '310000'],
      managerName: '李经理',
      phone: '13812341234',
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      brandId: brandA.id,
      code: 'EAST',
      name: '华东大区',
      provinceCodes: ['310000', '320000'],
      managerName: '李经理',
      phone: '13812341234',
      status: 'active',
    });
    regionId = res.data.id;
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', regionId).execute();
    expect(audit.map((a) => [a.action, a.brand_id])).toEqual([['region.create', brandA.id]]);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', regionId).execute();
    expect(events.map((e) => e.type)).toEqual(['region.created']);
  });

  it('reads one region and lists with filters', async () => {
    const one = await t.get(`/api/v1/regions/${regionId}`, adminA);
    expect(one.statusCode).toBe(200);
    expect(one.data.name).toBe('华东大区');
    const all = await t.get('/api/v1/regions', admin);
    expect(all.data.total).toBe(2);
    const byBrand = await t.get('/api/v1/regions', admin, { query: { brandId: brandB.id } });
    expect(byBrand.data.items.map((r: { id: string }) => r.id)).toEqual([regionB.id]);
    const byName = await t.get('/api/v1/regions', admin, { query: { q: '华东' } });
    expect(byName.data.total).toBe(2);
    const byCode = await t.get('/api/v1/regions', admin, { query: { q: 'b-east' } });
    expect(byCode.data.items.map((r: { id: string }) => r.id)).toEqual([regionB.id]);
  });

  it('masks the phone for roles without pii.phone', async () => {
    const res = await t.get(`/api/v1/regions/${regionId}`, managerA);
    expect(res.data.phone).toBe('138****1234');
  });

  it('edits and deactivates, audited with before and after; a PATCH keeps what it leaves out', async () => {
    const res = await t.patch(`/api/v1/regions/${regionId}`, adminA, { name: '华东一区', status: 'inactive' });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ name: '华东一区', status: 'inactive', provinceCodes: ['310000', '320000'] });
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', regionId)
      .where('action', '=', 'region.deactivate')
      .executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ name: '华东大区', status: 'active' });
    expect(row.after).toMatchObject({ name: '华东一区', status: 'inactive' });
    const inactive = await t.get('/api/v1/regions', adminA, { query: { status: 'inactive' } });
    expect(inactive.data.items.map((r: { id: string }) => r.id)).toEqual([regionId]);
  });

  it('refuses province codes that are not provinces with 422, writing nothing', async () => {
    const before = await count('regions');
    const res = await t.post('/api/v1/regions', adminA, {
      brandId: brandA.id,
      code: 'SOUTH',
      name: '华南大区',
      provinceCodes: ['440000', '310115'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('REGION_PROVINCE_UNKNOWN');
    expect(await count('regions')).toBe(before);
    const patch = await t.patch(`/api/v1/regions/${regionId}`, adminA, { provinceCodes: ['990000'] });
    expect(patch.statusCode).toBe(422);
  });

  it('refuses a duplicate code within the brand with 409, but allows it in another brand', async () => {
    const dup = await t.post('/api/v1/regions', adminA, { brandId: brandA.id, code: 'EAST', name: '重复' });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.code).toBe('REGION_CODE_TAKEN');
    const other = await t.post('/api/v1/regions', adminB, { brandId: brandB.id, code: 'EAST', name: '美的东区' });
    expect(other.statusCode).toBe(201);
  });

  it('rejects unknown fields and bad input with 400', async () => {
    const res = await t.post('/api/v1/regions', adminA, { brandId: brandA.id, code: 'bad code', name: 'x', extra: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.data.code).toBe('VALIDATION_FAILED');
  });

  it("keeps another brand's regions out of reach: 404 on read and write, absent from lists", async () => {
    expect((await t.get(`/api/v1/regions/${regionB.id}`, adminA)).statusCode).toBe(404);
    const patch = await t.patch(`/api/v1/regions/${regionB.id}`, adminA, { name: '改名' });
    expect(patch.statusCode).toBe(404);
    const list = await t.get('/api/v1/regions', adminA, { query: { pageSize: '200' } });
    expect(list.data.items.every((r: { brandId: string }) => r.brandId === brandA.id)).toBe(true);
    const create = await t.post('/api/v1/regions', adminA, { brandId: brandB.id, code: 'X1', name: '越权' });
    expect(create.statusCode).toBe(422);
    expect(create.data.code).toBe('REGION_BRAND_UNKNOWN');
    const row = await t.db.selectFrom('regions').select('name').where('id', '=', regionB.id).executeTakeFirstOrThrow();
    expect(row.name).toBe('美的华东大区');
  });

  it('refuses writes by roles without network.write (403) and by a region-scoped admin (403)', async () => {
    const create = await t.post('/api/v1/regions', managerA, { brandId: brandA.id, code: 'X2', name: '无权' });
    expect(create.statusCode).toBe(403);
    const regional = await t.as('brand_admin', { brandIds: [brandA.id], regionIds: [regionId] });
    expect((await t.get(`/api/v1/regions/${regionId}`, regional)).statusCode).toBe(200);
    const patch = await t.patch(`/api/v1/regions/${regionId}`, regional, { name: '区域改名' });
    expect(patch.statusCode).toBe(403);
    const post = await t.post('/api/v1/regions', regional, { brandId: brandA.id, code: 'X3', name: '区域新建' });
    expect(post.statusCode).toBe(403);
  });

  it('shows a region manager only their own regions', async () => {
    const other = await t.factories.region(brandA.id, { name: '华北大区' });
    const regional = await t.as('service_manager', { brandIds: [brandA.id], regionIds: [regionId] });
    const list = await t.get('/api/v1/regions', regional);
    expect(list.data.items.map((r: { id: string }) => r.id)).toEqual([regionId]);
    expect((await t.get(`/api/v1/regions/${other.id}`, regional)).statusCode).toBe(404);
  });
});
