import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import type { Scope } from '../../platform/access/principal.ts';
import { systemActor } from '../../platform/access/principal.ts';
import { AppError } from '../../platform/errors.ts';
import { createRegionTx } from '../regions/index.ts';
import { createServiceCenterTx } from '../service-centers/index.ts';
import { createOutletTx, outletVisible, updateOutletTx } from './index.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let adminB: Caller;
let brandA: { id: string };
let brandB: { id: string };
let regionA: { id: string };
let regionA2: { id: string };
let regionB: { id: string };
let outletA: { id: string; code: string };
let outletA2: { id: string; code: string };
let outletB: { id: string; code: string };
let shared: { id: string; code: string };

const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((o) => o.id).sort();

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  admin = await t.as('platform_admin');
  brandA = await f.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await f.brand();
  regionA = await f.region(brandA.id);
  regionA2 = await f.region(brandA.id, { name: '华北大区' });
  regionB = await f.region(brandB.id);
  outletA = await f.outlet(brandA.id, { regionId: regionA.id });
  outletA2 = await f.outlet(brandA.id, { regionId: regionA2.id });
  outletB = await f.outlet(brandB.id, { regionId: regionB.id });
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  adminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  // An outlet serving both brands.
  const res = await t.post('/api/v1/outlets', admin, {
    code: 'SHARED-1',
    name: '浦东综合服务网点',
    tier: 'service_center',
    divisionCode: '310115004',
    address: '上海市浦东新区潍坊路1号',
    brands: [
      { brandId: brandA.id, regionId: regionA.id },
      { brandId: brandB.id, regionId: regionB.id },
    ],
    coverage: ['310115'],
    authorizations: [
      { brandId: brandA.id, categoryCode: 'air_conditioner', serviceType: 'repair' },
      { brandId: brandB.id, categoryCode: 'air_conditioner', serviceType: 'installation' },
    ],
  });
  shared = { id: res.data.id, code: res.data.code };
});
afterAll(async () => t?.close());

describe('outlet scopes', () => {
  it("answers 404 to brand B's admin for brand A's outlet on read and write, and never lists it", async () => {
    expect((await t.get(`/api/v1/outlets/${outletA.id}`, adminB)).statusCode).toBe(404);
    const patch = await t.patch(`/api/v1/outlets/${outletA.id}`, adminB, { name: '改名' });
    expect(patch.statusCode).toBe(404);
    expect(patch.data.code).toBe('NOT_FOUND');
    const queries: Record<string, string>[] = [
      {},
      { q: '浦东' },
      { covers: '310115004' },
      { brandId: brandA.id },
      { q: outletA.code },
    ];
    for (const query of queries) {
      const list = await t.get('/api/v1/outlets', adminB, { query: { ...query, pageSize: '200' } });
      expect(list.statusCode).toBe(200);
      expect(ids(list)).not.toContain(outletA.id);
      expect(list.body).not.toContain(outletA.code);
    }
    const row = await t.db.selectFrom('outlets').select('name').where('id', '=', outletA.id).executeTakeFirstOrThrow();
    expect(row.name).not.toBe('改名');
    const all = await t.get('/api/v1/outlets', adminB);
    expect(ids(all)).toEqual([outletB.id, shared.id].sort());
  });

  it('shows an outlet manager and a technician only their own outlet, read-only', async () => {
    const manager = await t.as('outlet_manager', { outletId: outletA.id });
    const list = await t.get('/api/v1/outlets', manager, { query: { pageSize: '200' } });
    expect(ids(list)).toEqual([outletA.id]);
    expect((await t.get(`/api/v1/outlets/${outletA.id}`, manager)).statusCode).toBe(200);
    expect((await t.get(`/api/v1/outlets/${outletA2.id}`, manager)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/outlets/${outletA.id}`, manager, { name: '自改' })).statusCode).toBe(403);
    const tech = await t.factories.technician(outletA2.id);
    const technician = await t.as('technician', { outletId: outletA2.id, technicianId: tech.id });
    expect(ids(await t.get('/api/v1/outlets', technician))).toEqual([outletA2.id]);
    expect((await t.get(`/api/v1/outlets/${outletA.id}`, technician)).statusCode).toBe(404);
  });

  it('shows a region manager only outlets placed in their region by the brand link', async () => {
    const regional = await t.as('service_manager', { brandIds: [brandA.id], regionIds: [regionA.id] });
    const list = await t.get('/api/v1/outlets', regional, { query: { pageSize: '200' } });
    expect(ids(list)).toEqual([outletA.id, shared.id].sort());
    expect((await t.get(`/api/v1/outlets/${outletA2.id}`, regional)).statusCode).toBe(404);
    expect((await t.get(`/api/v1/outlets/${outletB.id}`, regional)).statusCode).toBe(404);
    const regionalAdmin = await t.as('brand_admin', { brandIds: [brandA.id], regionIds: [regionA.id] });
    const patch = await t.patch(`/api/v1/outlets/${outletA.id}`, regionalAdmin, { name: '区域改名' });
    expect(patch.statusCode).toBe(403);
    expect((await t.patch(`/api/v1/outlets/${outletA2.id}`, regionalAdmin, { name: 'x' })).statusCode).toBe(404);
  });

  it('shows each brand only its own link and authorizations of a shared outlet', async () => {
    const a = await t.get(`/api/v1/outlets/${shared.id}`, adminA);
    expect(a.data.brands).toEqual([{ brandId: brandA.id, regionId: regionA.id, centerId: null }]);
    expect(a.data.authorizations).toEqual([
      { brandId: brandA.id, categoryCode: 'air_conditioner', serviceType: 'repair' },
    ]);
    const all = await t.get(`/api/v1/outlets/${shared.id}`, admin);
    expect(all.data.brands).toHaveLength(2);
    expect(all.data.authorizations).toHaveLength(2);
  });

  it("lets a brand admin edit a shared outlet's links for their brand only, keeping the other brand's", async () => {
    const res = await t.patch(`/api/v1/outlets/${shared.id}`, adminA, {
      brands: [{ brandId: brandA.id, regionId: regionA2.id }],
      authorizations: [{ brandId: brandA.id, categoryCode: 'washer', serviceType: 'installation' }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.data.brands).toEqual([{ brandId: brandA.id, regionId: regionA2.id, centerId: null }]);
    const b = await t.get(`/api/v1/outlets/${shared.id}`, adminB);
    expect(b.data.brands).toEqual([{ brandId: brandB.id, regionId: regionB.id, centerId: null }]);
    expect(b.data.authorizations).toEqual([
      { brandId: brandB.id, categoryCode: 'air_conditioner', serviceType: 'installation' },
    ]);
    const foreignAuth = await t.patch(`/api/v1/outlets/${shared.id}`, adminA, {
      authorizations: [{ brandId: brandB.id, categoryCode: 'air_conditioner', serviceType: 'repair' }],
    });
    expect(foreignAuth.statusCode).toBe(422);
    expect(foreignAuth.data.code).toBe('OUTLET_AUTHORIZATION_BRAND_NOT_LINKED');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', shared.id)
      .where('action', '=', 'outlet.update')
      .executeTakeFirstOrThrow();
    // The audit row holds what the acting brand may see.
    expect(JSON.stringify(audit.before)).not.toContain(brandB.id);
    expect(audit.brand_id).toBe(brandA.id);
  });

  it('refuses to link another brand or hang under an outlet the caller cannot see', async () => {
    const base = {
      code: 'X-1',
      name: '越权网点',
      tier: 'authorized',
      divisionCode: '310115',
      address: '上海市浦东新区',
    };
    const link = await t.post('/api/v1/outlets', adminA, { ...base, brands: [{ brandId: brandB.id }] });
    expect(link.statusCode).toBe(422);
    expect(link.data.code).toBe('OUTLET_BRAND_UNKNOWN');
    const parent = await t.post('/api/v1/outlets', adminA, {
      ...base,
      brands: [{ brandId: brandA.id }],
      parentOutletId: outletB.id,
    });
    expect(parent.statusCode).toBe(422);
    expect(parent.data.code).toBe('OUTLET_PARENT_UNKNOWN');
    expect(await t.db.selectFrom('outlets').select('id').where('code', '=', 'X-1').execute()).toEqual([]);
  });

  it('exports outletVisible for other modules', async () => {
    const scopeB: Scope = {
      kind: 'brand',
      brandIds: [brandB.id],
      regionIds: [],
      outletId: null,
      technicianId: null,
      customerId: null,
    };
    expect(await outletVisible(t.db, scopeB, outletB.id)).toBe(true);
    expect(await outletVisible(t.db, scopeB, shared.id)).toBe(true);
    expect(await outletVisible(t.db, scopeB, outletA.id)).toBe(false);
  });
});

describe('transaction-level commands for the importer', () => {
  const all: Scope = { kind: 'all', brandIds: [], regionIds: [], outletId: null, technicianId: null, customerId: null };

  it('creates regions, centers and outlets in one transaction, a refused row leaving it usable', async () => {
    const created = await t.db.transaction().execute(async (trx) => {
      const region = await createRegionTx(trx, t.clock, systemActor, all, {
        brandId: brandA.id,
        code: 'IMP-R',
        name: '导入大区',
        provinceCodes: ['310000'],
      });
      const center = await createServiceCenterTx(trx, t.clock, systemActor, all, {
        regionId: region.id,
        code: 'IMP-C',
        name: '导入中心',
      });
      const row = {
        name: '导入网点',
        tier: 'authorized' as const,
        status: 'active' as const,
        capacityPerDay: 10,
        divisionCode: '310115004',
        address: '上海市浦东新区',
        brands: [{ brandId: brandA.id, centerId: center.id }],
        coverage: ['310115004'],
        authorizations: [],
      };
      const first = await createOutletTx(trx, t.clock, systemActor, all, { ...row, code: 'IMP-1' });
      const refused = await createOutletTx(trx, t.clock, systemActor, all, { ...row, code: 'IMP-1' }).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).code).toBe('OUTLET_CODE_TAKEN');
      const bad = await createOutletTx(trx, t.clock, systemActor, all, {
        ...row,
        code: 'IMP-2',
        coverage: ['999999'],
      }).catch((e: unknown) => e);
      expect((bad as AppError).code).toBe('OUTLET_COVERAGE_UNKNOWN');
      const second = await createOutletTx(trx, t.clock, systemActor, all, { ...row, code: 'IMP-3' });
      await updateOutletTx(trx, t.clock, systemActor, all, second.id, { parentOutletId: first.id, capacityPerDay: 5 });
      return { region, center, first, second };
    });
    const second = await t.get(`/api/v1/outlets/${created.second.id}`, admin);
    expect(second.data).toMatchObject({
      code: 'IMP-3',
      parentOutletId: created.first.id,
      capacityPerDay: 5,
      brands: [{ brandId: brandA.id, regionId: created.region.id, centerId: created.center.id }],
    });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_type'])
      .where('entity_id', 'in', [created.first.id, created.second.id])
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['outlet.create', 'outlet.create', 'outlet.update']);
    expect(audit.every((a) => a.actor_type === 'system')).toBe(true);
    expect(await t.db.selectFrom('outlets').select('id').where('code', '=', 'IMP-2').execute()).toEqual([]);
  });

  it('rolls back every row with the transaction', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await createRegionTx(trx, t.clock, systemActor, all, {
          brandId: brandB.id,
          code: 'ROLLBACK-R',
          name: '回滚大区',
          provinceCodes: [],
        });
        throw new Error('dry run');
      }),
    ).rejects.toThrow('dry run');
    expect(await t.db.selectFrom('regions').select('id').where('code', '=', 'ROLLBACK-R').execute()).toEqual([]);
  });
});
