import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let admin: Caller;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let adminA: Caller;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('platform_admin');
  brandA = await t.factories.brand({ name: '奥克斯空调' });
  brandB = await t.factories.brand({ name: '富士通电脑' });
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

describe('brands', () => {
  it('lets the platform admin create a brand with hotlines and categories, audited', async () => {
    const res = await t.post('/api/v1/brands', admin, {
      code: 'MIDEA',
      name: '美的',
      nameEn: 'Midea',
      hotlines: ['400-889-9315'],
      categories: [
        { code: 'washer', name: '洗衣机' },
        { code: 'air_conditioner', name: '空调' },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ code: 'MIDEA', name: '美的', hotlines: ['400-889-9315'], status: 'active' });
    expect(res.data.categories.map((c: { code: string }) => c.code)).toEqual(['air_conditioner', 'washer']);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.data.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['brand.create']);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', res.data.id).execute();
    expect(events.map((e) => e.type)).toEqual(['brand.created']);
  });

  it('refuses a duplicate code with 409 and writes nothing', async () => {
    const res = await t.post('/api/v1/brands', admin, { code: brandA.code, name: '重复' });
    expect(res.statusCode).toBe(409);
    expect(res.data.code).toBe('BRAND_CODE_TAKEN');
    const rows = await t.db.selectFrom('brands').select('id').where('code', '=', brandA.code).execute();
    expect(rows).toHaveLength(1);
  });

  it('rejects bad input with 400 and field errors', async () => {
    const res = await t.post('/api/v1/brands', admin, { code: 'bad code!', name: '', hotlines: ['abc'] });
    expect(res.statusCode).toBe(400);
    expect(res.data.code).toBe('VALIDATION_FAILED');
    expect(res.data.errors.length).toBeGreaterThanOrEqual(3);
  });

  it('only lets the platform admin create brands', async () => {
    const res = await t.post('/api/v1/brands', adminA, { code: 'NEWB', name: '新品牌' });
    expect(res.statusCode).toBe(403);
    expect(res.data.code).toBe('BRAND_CREATE_FORBIDDEN');
  });

  it('lets a brand admin edit and deactivate their own brand, audited with before and after', async () => {
    const res = await t.patch(`/api/v1/brands/${brandA.id}`, adminA, { name: '奥克斯', status: 'inactive' });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ name: '奥克斯', status: 'inactive' });
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', brandA.id)
      .where('action', '=', 'brand.deactivate')
      .executeTakeFirstOrThrow();
    expect((row.before as { name: string }).name).toBe('奥克斯空调');
    expect((row.after as { name: string }).name).toBe('奥克斯');
    await t.patch(`/api/v1/brands/${brandA.id}`, adminA, { status: 'active' });
  });

  it('keeps hotlines and categories that a PATCH leaves out', async () => {
    const created = await t.post('/api/v1/brands', admin, {
      code: 'KEEP',
      name: '保留',
      hotlines: ['4001234567'],
      categories: [{ code: 'washer', name: '洗衣机' }],
    });
    const res = await t.patch(`/api/v1/brands/${created.data.id}`, admin, { name: '保留2' });
    expect(res.data).toMatchObject({ name: '保留2', hotlines: ['4001234567'] });
    expect(res.data.categories).toHaveLength(1);
  });

  it("answers 404 for another brand's record and keeps it out of lists", async () => {
    expect((await t.get(`/api/v1/brands/${brandB.id}`, adminA)).statusCode).toBe(404);
    const patch = await t.patch(`/api/v1/brands/${brandB.id}`, adminA, { name: '改名' });
    expect(patch.statusCode).toBe(404);
    const list = await t.get('/api/v1/brands', adminA);
    expect(list.data.items.map((b: { id: string }) => b.id)).toEqual([brandA.id]);
    const unchanged = await t.db
      .selectFrom('brands')
      .select('name')
      .where('id', '=', brandB.id)
      .executeTakeFirstOrThrow();
    expect(unchanged.name).toBe('富士通电脑');
  });

  it('filters by name fragment and status', async () => {
    const res = await t.get('/api/v1/brands', admin, { query: { q: '富士' } });
    expect(res.data.items.map((b: { id: string }) => b.id)).toEqual([brandB.id]);
  });

  it('shows an outlet manager only the brands their outlet serves', async () => {
    const outlet = await t.factories.outlet(brandB.id);
    const mgr = await t.as('outlet_manager', { outletId: outlet.id });
    const list = await t.get('/api/v1/brands', mgr);
    expect(list.data.items.map((b: { id: string }) => b.id)).toEqual([brandB.id]);
    expect((await t.get(`/api/v1/brands/${brandA.id}`, mgr)).statusCode).toBe(404);
  });
});
