import { sql } from 'kysely';
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
let centerA: { id: string };
let centerA2: { id: string };
let centerB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  admin = await t.as('platform_admin');
  brandA = await f.brand({ name: '奥克斯空调', categories: ['air_conditioner', 'washer'] });
  brandB = await f.brand({ name: '美的' });
  regionA = await f.region(brandA.id);
  regionA2 = await f.region(brandA.id, { name: '华北大区' });
  regionB = await f.region(brandB.id);
  centerA = await f.center(brandA.id, regionA.id);
  centerA2 = await f.center(brandA.id, regionA2.id);
  centerB = await f.center(brandB.id, regionB.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  managerA = await t.as('service_manager', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

let seq = 0;
function body(over: Record<string, unknown> = {}) {
  return {
    code: `SH-PD-${++seq}`,
    name: '上海浦东川沙服务中心',
    tier: 'service_center',
    divisionCode: '310115125',
    address: '上海市浦东新区川沙路1号',
    lat: 31.19,
    lng: 121.7,
    phone: '13812341234',
    dealerHotline: '021-58881234',
    contactName: '张三',
    brands: [{ brandId: brandA.id, regionId: regionA.id, centerId: centerA.id }],
    coverage: ['310115'],
    authorizations: [
      { brandId: brandA.id, categoryCode: 'air_conditioner', serviceType: 'repair' },
      { brandId: brandA.id, categoryCode: 'air_conditioner', serviceType: 'installation' },
    ],
    ...over,
  };
}

const count = (table: 'outlets' | 'audit_log' | 'events' | 'brand_outlets') => t.count(table);

async function expectRefused(res: { statusCode: number; data: { code: string } }, status: number, code: string) {
  expect({ status: res.statusCode, code: res.data.code }).toEqual({ status, code });
}

const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((o) => o.id).sort();

describe('outlets: create, read, edit', () => {
  let outletId: string;

  it('creates an outlet with brand links, coverage and authorizations, audited with an event', async () => {
    const res = await t.post('/api/v1/outlets', adminA, body({ code: 'SH-PD-001' }));
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      code: 'SH-PD-001',
      name: '上海浦东川沙服务中心',
      tier: 'service_center',
      parentOutletId: null,
      status: 'active',
      capacityPerDay: 20,
      divisionCode: '310115125',
      lat: 31.19,
      lng: 121.7,
      phone: '13812341234',
      dealerHotline: '021-58881234',
      technicianCount: 0,
      brands: [{ brandId: brandA.id, regionId: regionA.id, centerId: centerA.id }],
      coverage: ['310115'],
      authorizations: [
        { brandId: brandA.id, categoryCode: 'air_conditioner', serviceType: 'installation' },
        { brandId: brandA.id, categoryCode: 'air_conditioner', serviceType: 'repair' },
      ],
    });
    const division = await t.db
      .selectFrom('divisions')
      .select('full_name')
      .where('code', '=', '310115125')
      .executeTakeFirstOrThrow();
    expect(res.data.divisionName).toBe(division.full_name);
    expect(res.data.divisionName).toMatch(/^上海市 浦东新区 /);
    outletId = res.data.id;
    const link = await t.db
      .selectFrom('brand_outlets')
      .select(sql<string>`since::text`.as('since'))
      .where('outlet_id', '=', outletId)
      .execute();
    expect(link.map((l) => l.since)).toEqual(['2026-03-15']);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', outletId).execute();
    expect(audit.map((a) => [a.action, a.brand_id, a.outlet_id])).toEqual([['outlet.create', brandA.id, outletId]]);
    expect(audit[0]!.after).toMatchObject({ code: 'SH-PD-001', coverage: ['310115'] });
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', outletId).execute();
    expect(events.map((e) => [e.type, e.outlet_id])).toEqual([['outlet.created', outletId]]);
  });

  it('places the outlet in the region of its service center when no region is given', async () => {
    const res = await t.post(
      '/api/v1/outlets',
      adminA,
      body({ brands: [{ brandId: brandA.id, centerId: centerA2.id }] }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.data.brands).toEqual([{ brandId: brandA.id, regionId: regionA2.id, centerId: centerA2.id }]);
  });

  it('reads one outlet with its active technician count', async () => {
    await t.factories.technician(outletId);
    const tech = await t.factories.technician(outletId);
    await t.factories.technician(outletId);
    await t.db.updateTable('technicians').set({ status: 'inactive' }).where('id', '=', tech.id).execute();
    const res = await t.get(`/api/v1/outlets/${outletId}`, adminA);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ id: outletId, technicianCount: 2, coverage: ['310115'] });
  });

  it('masks phones for roles without pii.phone and shows them to the brand admin', async () => {
    const masked = await t.get(`/api/v1/outlets/${outletId}`, managerA);
    expect(masked.data).toMatchObject({ phone: '138****1234', dealerHotline: '021****1234' });
    const list = await t.get('/api/v1/outlets', managerA, { query: { q: 'SH-PD-001' } });
    expect(list.data.items[0]).toMatchObject({ phone: '138****1234', dealerHotline: '021****1234' });
    const full = await t.get(`/api/v1/outlets/${outletId}`, adminA);
    expect(full.data).toMatchObject({ phone: '13812341234', dealerHotline: '021-58881234' });
  });

  it('edits fields and keeps what the PATCH leaves out', async () => {
    const res = await t.patch(`/api/v1/outlets/${outletId}`, adminA, {
      name: '上海浦东张江服务中心',
      capacityPerDay: 35,
      contactName: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({
      name: '上海浦东张江服务中心',
      capacityPerDay: 35,
      contactName: null,
      status: 'active',
      coverage: ['310115'],
      brands: [{ brandId: brandA.id, regionId: regionA.id, centerId: centerA.id }],
    });
    expect(res.data.authorizations).toHaveLength(2);
    const found = await t.get('/api/v1/outlets', adminA, { query: { q: '张江' } });
    expect(ids(found)).toEqual([outletId]);
  });

  it('replaces coverage, authorizations and brand placement', async () => {
    const res = await t.patch(`/api/v1/outlets/${outletId}`, adminA, {
      coverage: ['310115004', '310115125', '310115004'],
      authorizations: [{ brandId: brandA.id, categoryCode: 'washer', serviceType: 'maintenance' }],
      brands: [{ brandId: brandA.id, regionId: regionA2.id }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.data.coverage).toEqual(['310115004', '310115125']);
    expect(res.data.authorizations).toEqual([
      { brandId: brandA.id, categoryCode: 'washer', serviceType: 'maintenance' },
    ]);
    expect(res.data.brands).toEqual([{ brandId: brandA.id, regionId: regionA2.id, centerId: null }]);
  });

  it('deactivates by suspension, audited with before and after', async () => {
    const res = await t.patch(`/api/v1/outlets/${outletId}`, adminA, { status: 'suspended' });
    expect(res.data.status).toBe('suspended');
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', outletId)
      .where('action', '=', 'outlet.deactivate')
      .executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ status: 'active', coverage: ['310115004', '310115125'] });
    expect(row.after).toMatchObject({ status: 'suspended' });
    const events = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', outletId).execute();
    expect(events.filter((e) => e.type === 'outlet.updated').length).toBeGreaterThanOrEqual(3);
    const back = await t.patch(`/api/v1/outlets/${outletId}`, adminA, { status: 'probation' });
    expect(back.data.status).toBe('probation');
    const terminated = await t.patch(`/api/v1/outlets/${outletId}`, adminA, { status: 'terminated' });
    expect(terminated.data.status).toBe('terminated');
    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', outletId).execute();
    expect(actions.filter((a) => a.action === 'outlet.deactivate')).toHaveLength(2);
  });

  it('drops the authorizations of a brand whose link is removed', async () => {
    const created = await t.post(
      '/api/v1/outlets',
      admin,
      body({
        brands: [{ brandId: brandA.id }, { brandId: brandB.id, regionId: regionB.id }],
        authorizations: [
          { brandId: brandA.id, categoryCode: 'washer', serviceType: 'repair' },
          { brandId: brandB.id, categoryCode: 'air_conditioner', serviceType: 'repair' },
        ],
      }),
    );
    expect(created.statusCode).toBe(201);
    expect(created.data.brands).toHaveLength(2);
    const res = await t.patch(`/api/v1/outlets/${created.data.id}`, admin, { brands: [{ brandId: brandA.id }] });
    expect(res.data.brands.map((b: { brandId: string }) => b.brandId)).toEqual([brandA.id]);
    expect(res.data.authorizations).toEqual([{ brandId: brandA.id, categoryCode: 'washer', serviceType: 'repair' }]);
  });
});

describe('outlets: validation', () => {
  const cases: [string, () => Record<string, unknown>, number, string][] = [
    ['unknown division', () => body({ divisionCode: '310115999' }), 422, 'OUTLET_DIVISION_UNKNOWN'],
    ['unknown coverage code', () => body({ coverage: ['310115', '999999'] }), 422, 'OUTLET_COVERAGE_UNKNOWN'],
    [
      'category the brand does not have',
      () => body({ authorizations: [{ brandId: brandA.id, categoryCode: 'dishwasher', serviceType: 'repair' }] }),
      422,
      'OUTLET_CATEGORY_UNKNOWN',
    ],
    [
      'authorization for a brand that is not linked',
      () => body({ authorizations: [{ brandId: brandB.id, categoryCode: 'air_conditioner', serviceType: 'repair' }] }),
      422,
      'OUTLET_AUTHORIZATION_BRAND_NOT_LINKED',
    ],
    [
      'region of another brand',
      () => body({ brands: [{ brandId: brandA.id, regionId: regionB.id }] }),
      422,
      'OUTLET_REGION_NOT_IN_BRAND',
    ],
    [
      'unknown region',
      () => body({ brands: [{ brandId: brandA.id, regionId: '0195f0c0-0000-7000-8000-000000000000' }] }),
      422,
      'OUTLET_REGION_NOT_IN_BRAND',
    ],
    [
      'service center of another brand',
      () => body({ brands: [{ brandId: brandA.id, centerId: centerB.id }] }),
      422,
      'OUTLET_CENTER_NOT_IN_BRAND',
    ],
    [
      'service center of another region',
      () => body({ brands: [{ brandId: brandA.id, regionId: regionA.id, centerId: centerA2.id }] }),
      422,
      'OUTLET_CENTER_NOT_IN_REGION',
    ],
    [
      'the same brand twice',
      () => body({ brands: [{ brandId: brandA.id }, { brandId: brandA.id }] }),
      422,
      'OUTLET_BRAND_DUPLICATE',
    ],
    ['latitude without longitude', () => body({ lng: null }), 422, 'OUTLET_COORDINATES_INCOMPLETE'],
    [
      'unknown parent outlet',
      () => body({ parentOutletId: '0195f0c0-0000-7000-8000-000000000001' }),
      422,
      'OUTLET_PARENT_UNKNOWN',
    ],
    ['no brand', () => body({ brands: [] }), 400, 'VALIDATION_FAILED'],
    ['an unknown field', () => body({ rating: 5 }), 400, 'VALIDATION_FAILED'],
    ['a bad tier and division code', () => body({ tier: 'gold', divisionCode: '3101' }), 400, 'VALIDATION_FAILED'],
  ];

  it.each(cases)('refuses %s, writing nothing', async (_name, make, status, code) => {
    const before = await Promise.all([count('outlets'), count('audit_log'), count('events'), count('brand_outlets')]);
    const res = await t.post('/api/v1/outlets', admin, make());
    await expectRefused(res, status, code);
    const after = await Promise.all([count('outlets'), count('audit_log'), count('events'), count('brand_outlets')]);
    expect(after).toEqual(before);
  });

  it('refuses a taken code with 409', async () => {
    await t.post('/api/v1/outlets', adminA, body({ code: 'DUP-1' }));
    await expectRefused(await t.post('/api/v1/outlets', adminA, body({ code: 'DUP-1' })), 409, 'OUTLET_CODE_TAKEN');
  });

  it('validates a PATCH the same way and changes nothing when refused', async () => {
    const created = await t.post('/api/v1/outlets', adminA, body());
    const id = created.data.id;
    await expectRefused(
      await t.patch(`/api/v1/outlets/${id}`, adminA, { name: '改名', divisionCode: '310115999' }),
      422,
      'OUTLET_DIVISION_UNKNOWN',
    );
    await expectRefused(
      await t.patch(`/api/v1/outlets/${id}`, adminA, { coverage: ['000000'] }),
      422,
      'OUTLET_COVERAGE_UNKNOWN',
    );
    await expectRefused(
      await t.patch(`/api/v1/outlets/${id}`, adminA, { lat: null }),
      422,
      'OUTLET_COORDINATES_INCOMPLETE',
    );
    await expectRefused(
      await t.patch(`/api/v1/outlets/${id}`, adminA, { brands: [{ brandId: brandB.id }] }),
      422,
      'OUTLET_BRAND_UNKNOWN',
    );
    const row = await t.get(`/api/v1/outlets/${id}`, adminA);
    expect(row.data).toMatchObject({ name: '上海浦东川沙服务中心', divisionCode: '310115125', coverage: ['310115'] });
  });

  it('builds a tower hierarchy and refuses cycles', async () => {
    const core = (await t.post('/api/v1/outlets', adminA, body({ name: '浦东核心网点' }))).data;
    const agent = (await t.post('/api/v1/outlets', adminA, body({ tier: 'authorized', parentOutletId: core.id }))).data;
    expect(agent.parentOutletId).toBe(core.id);
    const leaf = (await t.post('/api/v1/outlets', adminA, body({ tier: 'authorized', parentOutletId: agent.id }))).data;
    await expectRefused(
      await t.patch(`/api/v1/outlets/${core.id}`, adminA, { parentOutletId: leaf.id }),
      422,
      'OUTLET_PARENT_CYCLE',
    );
    await expectRefused(
      await t.patch(`/api/v1/outlets/${core.id}`, adminA, { parentOutletId: core.id }),
      422,
      'OUTLET_PARENT_CYCLE',
    );
    const moved = await t.patch(`/api/v1/outlets/${leaf.id}`, adminA, { parentOutletId: core.id });
    expect(moved.data.parentOutletId).toBe(core.id);
    const detached = await t.patch(`/api/v1/outlets/${leaf.id}`, adminA, { parentOutletId: null });
    expect(detached.data.parentOutletId).toBeNull();
  });
});
