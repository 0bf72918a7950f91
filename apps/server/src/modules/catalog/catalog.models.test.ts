import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let adminB: Caller;
let agentA: Caller;
let managerA: Caller;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let modelB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  admin = await t.as('platform_admin');
  brandA = await f.brand({ name: '奥克斯', categories: ['air_conditioner', 'washer'] });
  brandB = await f.brand({ name: '美的' });
  modelB = await f.model(brandB.id, { code: 'B-KFR35', name: '美的变频挂机' });
  const outletA = await f.outlet(brandA.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  adminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
  managerA = await t.as('outlet_manager', { outletId: outletA.id });
});
afterAll(async () => t?.close());

const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((r) => r.id);

describe('product models', () => {
  let modelId: string;

  it('lets a brand admin create a model in a brand category, audited with an event', async () => {
    const res = await t.post('/api/v1/models', adminA, {
      brandId: brandA.id,
      categoryCode: 'air_conditioner',
      code: 'KFR-35GW/BpR3',
      name: '奥克斯变频挂机空调',
      nameEn: 'AUX inverter split AC',
      specs: { capacity: '1.5匹', power: '1200W', energyClass: 1 },
      launchedOn: '2025-03-01',
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      brandId: brandA.id,
      categoryCode: 'air_conditioner',
      code: 'KFR-35GW/BpR3',
      name: '奥克斯变频挂机空调',
      specs: { capacity: '1.5匹', power: '1200W', energyClass: 1 },
      launchedOn: '2025-03-01',
      status: 'active',
    });
    modelId = res.data.id;
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', modelId).execute();
    expect(audit.map((a) => [a.action, a.brand_id])).toEqual([['model.create', brandA.id]]);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', modelId).execute();
    expect(events.map((e) => e.type)).toEqual(['model.created']);
  });

  it('reads one model and lists with filters: brand, category, status and two-character search', async () => {
    await t.factories.model(brandA.id, { code: 'XQG80', name: '滚筒洗衣机', categoryCode: 'washer' });
    const one = await t.get(`/api/v1/models/${modelId}`, agentA);
    expect(one.statusCode).toBe(200);
    expect(one.data.name).toBe('奥克斯变频挂机空调');
    const all = await t.get('/api/v1/models', admin);
    expect(all.data.total).toBe(3);
    expect(ids(await t.get('/api/v1/models', admin, { query: { brandId: brandB.id } }))).toEqual([modelB.id]);
    const washers = await t.get('/api/v1/models', adminA, { query: { categoryCode: 'washer' } });
    expect(washers.data.items.map((m: { code: string }) => m.code)).toEqual(['XQG80']);
    expect(ids(await t.get('/api/v1/models', adminA, { query: { q: '变频' } }))).toEqual([modelId]);
    expect(ids(await t.get('/api/v1/models', adminA, { query: { q: 'kfr-35' } }))).toEqual([modelId]);
    const paged = await t.get('/api/v1/models', admin, { query: { pageSize: '1', page: '2' } });
    expect(paged.data).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(paged.data.items).toHaveLength(1);
  });

  it('edits and deactivates via status, audited with before and after; a PATCH keeps what it leaves out', async () => {
    const res = await t.patch(`/api/v1/models/${modelId}`, adminA, { name: '奥克斯新风挂机', status: 'inactive' });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ name: '奥克斯新风挂机', status: 'inactive', specs: { capacity: '1.5匹' } });
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', modelId)
      .where('action', '=', 'model.deactivate')
      .executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ name: '奥克斯变频挂机空调', status: 'active' });
    expect(row.after).toMatchObject({ name: '奥克斯新风挂机', status: 'inactive' });
    expect(ids(await t.get('/api/v1/models', adminA, { query: { status: 'inactive' } }))).toEqual([modelId]);
    // The search follows the new name.
    expect(ids(await t.get('/api/v1/models', adminA, { query: { q: '新风' } }))).toEqual([modelId]);
    expect(ids(await t.get('/api/v1/models', adminA, { query: { q: '变频' } }))).toEqual([]);
  });

  it('refuses a category the brand does not have with 422, writing nothing', async () => {
    const before = await t.count('product_models');
    const res = await t.post('/api/v1/models', adminA, {
      brandId: brandA.id,
      categoryCode: 'television',
      code: 'TV1',
      name: '电视',
    });
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('CATALOG_CATEGORY_UNKNOWN');
    expect(await t.count('product_models')).toBe(before);
    const patch = await t.patch(`/api/v1/models/${modelId}`, adminA, { categoryCode: 'television' });
    expect(patch.statusCode).toBe(422);
  });

  it('refuses a duplicate code within the brand with 409, but allows it in another brand', async () => {
    const dup = await t.post('/api/v1/models', adminA, {
      brandId: brandA.id,
      categoryCode: 'air_conditioner',
      code: 'KFR-35GW/BpR3',
      name: '重复',
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.code).toBe('MODEL_CODE_TAKEN');
    const other = await t.post('/api/v1/models', adminB, {
      brandId: brandB.id,
      categoryCode: 'air_conditioner',
      code: 'KFR-35GW/BpR3',
      name: '美的同型号',
    });
    expect(other.statusCode).toBe(201);
  });

  it('rejects unknown fields and bad input with 400', async () => {
    const base = { brandId: brandA.id, categoryCode: 'air_conditioner', code: 'OK1', name: 'x' };
    for (const body of [
      { ...base, extra: 1 },
      { ...base, code: 'bad code' },
      { ...base, launchedOn: '2025-02-30' },
      { ...base, specs: { capacity: { nested: true } } },
    ]) {
      const res = await t.post('/api/v1/models', adminA, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.data.code).toBe('VALIDATION_FAILED');
    }
  });

  it("keeps another brand's models out of reach: 404 on read and write, absent from lists", async () => {
    expect((await t.get(`/api/v1/models/${modelB.id}`, adminA)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/models/${modelB.id}`, adminA, { name: '改名' })).statusCode).toBe(404);
    const list = await t.get('/api/v1/models', adminA, { query: { pageSize: '200' } });
    expect(list.data.items.every((m: { brandId: string }) => m.brandId === brandA.id)).toBe(true);
    const create = await t.post('/api/v1/models', adminA, {
      brandId: brandB.id,
      categoryCode: 'air_conditioner',
      code: 'X1',
      name: '越权',
    });
    expect(create.statusCode).toBe(422);
    expect(create.data.code).toBe('CATALOG_BRAND_UNKNOWN');
    const row = await t.db.selectFrom('product_models').select('name').where('id', '=', modelB.id).executeTakeFirst();
    expect(row?.name).toBe('美的变频挂机');
  });

  it('lets an outlet manager read the models of brands their outlet serves, but not write', async () => {
    const list = await t.get('/api/v1/models', managerA, { query: { pageSize: '200' } });
    expect(list.statusCode).toBe(200);
    expect(list.data.total).toBeGreaterThan(0);
    expect(list.data.items.every((m: { brandId: string }) => m.brandId === brandA.id)).toBe(true);
    expect((await t.get(`/api/v1/models/${modelId}`, managerA)).statusCode).toBe(200);
    expect((await t.get(`/api/v1/models/${modelB.id}`, managerA)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/models/${modelId}`, managerA, { name: '改名' })).statusCode).toBe(403);
    const create = await t.post('/api/v1/models', managerA, {
      brandId: brandA.id,
      categoryCode: 'air_conditioner',
      code: 'X2',
      name: '无权',
    });
    expect(create.statusCode).toBe(403);
  });

  it('refuses writes by a region-scoped brand admin (403) and shows customers nothing (403)', async () => {
    const region = await t.factories.region(brandA.id);
    const regional = await t.as('brand_admin', { brandIds: [brandA.id], regionIds: [region.id] });
    expect((await t.get(`/api/v1/models/${modelId}`, regional)).statusCode).toBe(200);
    expect((await t.patch(`/api/v1/models/${modelId}`, regional, { name: '区域改名' })).statusCode).toBe(403);
    const customer = await t.as('customer');
    expect((await t.get('/api/v1/models', customer)).statusCode).toBe(403);
  });
});
