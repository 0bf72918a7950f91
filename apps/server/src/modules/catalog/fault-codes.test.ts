import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let brandA: { id: string };
let brandB: { id: string };
let adminA: Caller;
let agentA: Caller;

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await t.factories.brand();
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

describe('fault codes', () => {
  it('are kept by the brand admin (upper-cased, audited) and listed per category with the general ones', async () => {
    const e1 = await t.request('PUT', '/api/v1/fault-codes', adminA, {
      body: { brandId: brandA.id, code: 'e1', categoryCode: 'air_conditioner', name: '室内温度传感器故障' },
    });
    expect(e1.statusCode).toBe(200);
    expect(e1.data).toMatchObject({ code: 'E1', serious: false, status: 'active' });
    await t.request('PUT', '/api/v1/fault-codes', adminA, {
      body: { brandId: brandA.id, code: 'W1', name: '漏水', serious: true },
    });
    await t.request('PUT', '/api/v1/fault-codes', adminA, {
      body: { brandId: brandA.id, code: 'D5', categoryCode: 'washer', name: '排水故障' },
    });
    const ac = await t.get('/api/v1/fault-codes', agentA, {
      query: { brandId: brandA.id, categoryCode: 'air_conditioner' },
    });
    expect(ac.data.items.map((c: { code: string }) => c.code)).toEqual(['E1', 'W1']);
    const renamed = await t.request('PUT', '/api/v1/fault-codes', adminA, {
      body: {
        brandId: brandA.id,
        code: 'E1',
        categoryCode: 'air_conditioner',
        name: '室温传感器故障',
        status: 'inactive',
      },
    });
    expect(renamed.data).toMatchObject({ name: '室温传感器故障', status: 'inactive' });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity', '=', 'fault_code').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'fault_code.create',
      'fault_code.create',
      'fault_code.create',
      'fault_code.update',
    ]);
  });

  it('refuses other brands, unknown categories and agents, writing nothing', async () => {
    const before = await t.count('fault_codes');
    const foreign = await t.request('PUT', '/api/v1/fault-codes', adminA, {
      body: { brandId: brandB.id, code: 'X1', name: 'x' },
    });
    expect([foreign.statusCode, foreign.data.code]).toEqual([422, 'CATALOG_BRAND_UNKNOWN']);
    const cat = await t.request('PUT', '/api/v1/fault-codes', adminA, {
      body: { brandId: brandA.id, code: 'X1', name: 'x', categoryCode: 'laptop' },
    });
    expect([cat.statusCode, cat.data.code]).toEqual([422, 'CATALOG_CATEGORY_UNKNOWN']);
    const agent = await t.request('PUT', '/api/v1/fault-codes', agentA, {
      body: { brandId: brandA.id, code: 'X1', name: 'x' },
    });
    expect(agent.statusCode).toBe(403);
    const bad = await t.request('PUT', '/api/v1/fault-codes', adminA, {
      body: { brandId: brandA.id, code: 'X 1', name: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(await t.count('fault_codes')).toBe(before);
  });
});
