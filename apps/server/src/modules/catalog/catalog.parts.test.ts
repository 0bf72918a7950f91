import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let adminB: Caller;
let managerA: Caller;
let technicianA: Caller;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let brandC: { id: string; code: string };
let modelA: { id: string };
let modelA2: { id: string };
let modelB: { id: string };
let partB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  admin = await t.as('platform_admin');
  brandA = await f.brand({ categories: ['air_conditioner', 'computer'] });
  brandB = await f.brand();
  brandC = await f.brand();
  modelA = await f.model(brandA.id);
  modelA2 = await f.model(brandA.id);
  modelB = await f.model(brandB.id);
  partB = await f.part(brandB.id, { code: 'B-COMP', name: '美的压缩机', isMainPart: true });
  await f.part(brandC.id, { code: 'C-COMP', name: '丙压缩机' });
  // One outlet serves brands A and B; its manager reads both catalogs, brand C's not at all.
  const outlet = await f.outlet(brandA.id);
  await t.db.insertInto('brand_outlets').values({ brand_id: brandB.id, outlet_id: outlet.id }).execute();
  const tech = await f.technician(outlet.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  adminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  managerA = await t.as('outlet_manager', { outletId: outlet.id });
  technicianA = await t.as('technician', { outletId: outlet.id, technicianId: tech.id });
});
afterAll(async () => t?.close());

const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((r) => r.id);
const body = (over: Record<string, unknown> = {}) => ({
  brandId: brandA.id,
  categoryCode: 'air_conditioner',
  code: 'COMP-35',
  name: '变频压缩机',
  isMainPart: true,
  priceFen: 128_850,
  warrantyTermMonths: 72,
  modelIds: [modelA.id, modelA.id, modelA2.id],
  ...over,
});

describe('parts', () => {
  let partId: string;
  let remoteId: string;

  it('creates a main part with a price in fen and the models it fits, audited with an event', async () => {
    const res = await t.post('/api/v1/parts', adminA, body());
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      brandId: brandA.id,
      categoryCode: 'air_conditioner',
      code: 'COMP-35',
      isMainPart: true,
      priceFen: 128_850,
      warrantyTermMonths: 72,
      status: 'active',
    });
    expect(res.data.modelIds.sort()).toEqual([modelA.id, modelA2.id].sort());
    partId = res.data.id;
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', partId).execute();
    expect(audit.map((a) => [a.action, a.brand_id])).toEqual([['part.create', brandA.id]]);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', partId).execute();
    expect(events.map((e) => e.type)).toEqual(['part.created']);

    const remote = await t.post(
      '/api/v1/parts',
      adminA,
      body({
        code: 'RC-1',
        name: '遥控器',
        isMainPart: undefined,
        priceFen: 0,
        warrantyTermMonths: null,
        modelIds: [],
      }),
    );
    expect(remote.statusCode).toBe(201);
    expect(remote.data).toMatchObject({ isMainPart: false, priceFen: 0, warrantyTermMonths: null, modelIds: [] });
    remoteId = remote.data.id;
  });

  it('filters by main-part flag, category, model, brand and search', async () => {
    await t.factories.part(brandA.id, { code: 'MB-1', name: '主板', categoryCode: 'computer', isMainPart: true });
    expect(ids(await t.get('/api/v1/parts', adminA, { query: { mainPart: 'false' } }))).toEqual([remoteId]);
    const main = await t.get('/api/v1/parts', adminA, { query: { mainPart: 'true' } });
    expect(main.data.items.map((p: { code: string }) => p.code)).toEqual(['COMP-35', 'MB-1']);
    const pcMain = await t.get('/api/v1/parts', adminA, { query: { mainPart: 'true', categoryCode: 'computer' } });
    expect(pcMain.data.items.map((p: { code: string }) => p.code)).toEqual(['MB-1']);
    expect(ids(await t.get('/api/v1/parts', adminA, { query: { modelId: modelA2.id } }))).toEqual([partId]);
    expect(ids(await t.get('/api/v1/parts', adminA, { query: { q: '压缩' } }))).toEqual([partId]);
    expect(ids(await t.get('/api/v1/parts', admin, { query: { brandId: brandB.id } }))).toEqual([partB.id]);
    expect((await t.get('/api/v1/parts', adminA, { query: { mainPart: 'yes' } })).statusCode).toBe(400);
  });

  it('changes the price, flag and fitting models; deactivates via status; audited before and after', async () => {
    const res = await t.patch(`/api/v1/parts/${partId}`, adminA, {
      priceFen: 99_900,
      isMainPart: false,
      modelIds: [modelA2.id],
    });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ priceFen: 99_900, isMainPart: false, modelIds: [modelA2.id], name: '变频压缩机' });
    const off = await t.patch(`/api/v1/parts/${partId}`, adminA, { status: 'inactive' });
    expect(off.data).toMatchObject({ status: 'inactive', priceFen: 99_900, modelIds: [modelA2.id] });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', partId)
      .orderBy('at')
      .orderBy('action')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['part.create', 'part.deactivate', 'part.update']);
    const update = audit.find((a) => a.action === 'part.update')!;
    expect(update.before).toMatchObject({ price_fen: 128_850, is_main_part: true });
    expect(update.after).toMatchObject({ price_fen: 99_900, is_main_part: false, model_ids: [modelA2.id] });
    const events = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', partId).execute();
    expect(events.map((e) => e.type).sort()).toEqual(['part.created', 'part.updated', 'part.updated']);
  });

  it('validates prices: integer fen, not negative, not fractional (400, nothing written)', async () => {
    const before = await t.count('parts');
    for (const priceFen of [-1, 12.5, '100', 100_000_001, null]) {
      const res = await t.post('/api/v1/parts', adminA, body({ code: 'BAD-P', priceFen }));
      expect(res.statusCode, String(priceFen)).toBe(400);
      expect(res.data.code).toBe('VALIDATION_FAILED');
    }
    const missing = await t.post('/api/v1/parts', adminA, { ...body({ code: 'BAD-P' }), priceFen: undefined });
    expect(missing.statusCode).toBe(400);
    expect((await t.patch(`/api/v1/parts/${partId}`, adminA, { priceFen: -5 })).statusCode).toBe(400);
    expect((await t.post('/api/v1/parts', adminA, body({ code: 'BAD-P', warrantyTermMonths: 0 }))).statusCode).toBe(
      400,
    );
    expect(await t.count('parts')).toBe(before);
  });

  it('refuses an unknown category (422), a model of another brand (422) and a duplicate code (409)', async () => {
    const before = await t.count('parts');
    const cat = await t.post('/api/v1/parts', adminA, body({ code: 'NEW-1', categoryCode: 'washer' }));
    expect(cat.statusCode).toBe(422);
    expect(cat.data.code).toBe('CATALOG_CATEGORY_UNKNOWN');
    const model = await t.post('/api/v1/parts', adminA, body({ code: 'NEW-1', modelIds: [modelA.id, modelB.id] }));
    expect(model.statusCode).toBe(422);
    expect(model.data.code).toBe('CATALOG_MODEL_UNKNOWN');
    expect(model.data.detail).toContain(modelB.id);
    const dup = await t.post('/api/v1/parts', adminA, body());
    expect(dup.statusCode).toBe(409);
    expect(dup.data.code).toBe('PART_CODE_TAKEN');
    expect(await t.count('parts')).toBe(before);
    const patch = await t.patch(`/api/v1/parts/${partId}`, adminA, { modelIds: [modelB.id] });
    expect(patch.statusCode).toBe(422);
    const same = await t.post('/api/v1/parts', adminB, body({ brandId: brandB.id, modelIds: [modelB.id] }));
    expect(same.statusCode).toBe(201);
  });

  it("keeps another brand's parts out of reach: 404 on read and write, absent from lists", async () => {
    expect((await t.get(`/api/v1/parts/${partB.id}`, adminA)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/parts/${partB.id}`, adminA, { priceFen: 1 })).statusCode).toBe(404);
    const list = await t.get('/api/v1/parts', adminA, { query: { pageSize: '200' } });
    expect(list.data.items.every((p: { brandId: string }) => p.brandId === brandA.id)).toBe(true);
    const create = await t.post('/api/v1/parts', adminA, body({ brandId: brandB.id, code: 'X1', modelIds: [] }));
    expect(create.statusCode).toBe(422);
    expect(create.data.code).toBe('CATALOG_BRAND_UNKNOWN');
    const row = await t.db.selectFrom('parts').select('price_fen').where('id', '=', partB.id).executeTakeFirst();
    expect(row?.price_fen).toBe(12850);
  });

  it('lets outlet managers and technicians read parts and prices of the brands their outlet serves, not write', async () => {
    for (const caller of [managerA, technicianA]) {
      const list = await t.get('/api/v1/parts', caller, { query: { pageSize: '200' } });
      expect(list.statusCode).toBe(200);
      const brands = new Set(list.data.items.map((p: { brandId: string }) => p.brandId));
      expect(brands).toEqual(new Set([brandA.id, brandB.id]));
      expect(list.data.items.some((p: { code: string }) => p.code === 'C-COMP')).toBe(false);
      const one = await t.get(`/api/v1/parts/${partB.id}`, caller);
      expect(one.data).toMatchObject({ priceFen: 12850, isMainPart: true });
      expect((await t.patch(`/api/v1/parts/${partId}`, caller, { priceFen: 1 })).statusCode).toBe(403);
      expect((await t.post('/api/v1/parts', caller, body({ code: 'X2' }))).statusCode).toBe(403);
    }
    const foreign = await t.get('/api/v1/parts', managerA, { query: { brandId: brandC.id } });
    expect(foreign.data.total).toBe(0);
  });
});
