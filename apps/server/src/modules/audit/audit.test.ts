import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import type { Actor } from '../../platform/access/principal.ts';
import { type AuditEntry, writeAudit } from '../../platform/audit.ts';
import { boundOf } from './audit.repository.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let regionManagerA: Caller;
let agentA: Caller;
let outletManagerA: Caller;
const ids: Record<string, string> = {};

const actor: Actor = { type: 'user', id: 'actor-1', name: 'tester', requestId: null };
const other: Actor = { type: 'api_key', id: 'key-9', name: 'integration', requestId: null };

/** Writes one audit row at a given time. */
async function audit(at: string, entry: AuditEntry, who: Actor = actor) {
  t.clock.set(at);
  await writeAudit(t.db, t.clock, who, entry);
}

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  const brandA = await f.brand();
  const brandB = await f.brand();
  const regionA = await f.region(brandA.id);
  const regionA2 = await f.region(brandA.id);
  const centerA = await f.center(brandA.id, regionA.id);
  const centerA2 = await f.center(brandA.id, regionA2.id);
  const outletA = await f.outlet(brandA.id, { regionId: regionA.id });
  const outletA2 = await f.outlet(brandA.id, { regionId: regionA2.id });
  const outletB = await f.outlet(brandB.id);
  // A shared outlet: brand A placed it in region A, brand B serves it too.
  const shared = await f.outlet(brandA.id, { regionId: regionA.id });
  await t.db.insertInto('brand_outlets').values({ brand_id: brandB.id, outlet_id: shared.id }).execute();
  Object.assign(ids, { brandA: brandA.id, brandB: brandB.id, regionA: regionA.id, outletA: outletA.id });

  admin = await t.as('platform_admin');
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  regionManagerA = await t.as('service_manager', { brandIds: [brandA.id], regionIds: [regionA.id] });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
  outletManagerA = await t.as('outlet_manager', { outletId: outletA.id });

  const a = brandA.id;
  await audit('2026-03-01T01:00:00Z', {
    action: 'brand.update',
    entity: 'brand',
    entityId: a,
    brandId: a,
    after: { hotlines: ['4008001234'] },
  });
  await audit('2026-03-02T01:00:00Z', { action: 'region.create', entity: 'region', entityId: regionA.id, brandId: a });
  await audit('2026-03-03T01:00:00Z', { action: 'region.create', entity: 'region', entityId: regionA2.id, brandId: a });
  await audit('2026-03-04T01:00:00Z', {
    action: 'service_center.create',
    entity: 'service_center',
    entityId: centerA.id,
    brandId: a,
  });
  await audit('2026-03-05T01:00:00Z', {
    action: 'service_center.create',
    entity: 'service_center',
    entityId: centerA2.id,
    brandId: a,
  });
  await audit('2026-03-06T01:00:00Z', {
    action: 'outlet.update',
    entity: 'outlet',
    entityId: outletA.id,
    brandId: a,
    outletId: outletA.id,
    before: { phone: '13812341234', name: '甲网点' },
    after: { phone: '13812345678', contact: { mobile: '13900001111' }, name: '甲网点' },
  });
  await audit('2026-03-07T01:00:00Z', {
    action: 'outlet.update',
    entity: 'outlet',
    entityId: outletA2.id,
    brandId: a,
    outletId: outletA2.id,
  });
  await audit(
    '2026-03-08T01:00:00Z',
    { action: 'technician.create', entity: 'technician', entityId: 'tech-a', outletId: outletA.id },
    other,
  );
  await audit('2026-03-09T01:00:00Z', {
    action: 'outlet.update',
    entity: 'outlet',
    entityId: outletB.id,
    brandId: brandB.id,
    outletId: outletB.id,
  });
  await audit('2026-03-10T01:00:00Z', {
    action: 'outlet.update',
    entity: 'outlet',
    entityId: shared.id,
    brandId: brandB.id,
    outletId: shared.id,
  });
  await audit('2026-03-11T01:00:00Z', {
    action: 'technician.create',
    entity: 'technician',
    entityId: 'tech-b',
    outletId: outletB.id,
  });
  await audit('2026-03-12T01:00:00Z', { action: 'division.update', entity: 'division', entityId: '310115' });
  await audit('2026-03-12T17:00:00Z', { action: 'brand.update', entity: 'brand', entityId: a, brandId: a }); // 03-13 01:00 in Shanghai
});
afterAll(async () => t?.close());

const list = async (caller: Caller, query: Record<string, string> = {}) => {
  const res = await t.get('/api/v1/audit', caller, { query: { pageSize: '200', ...query } });
  expect(res.statusCode).toBe(200);
  return res.data as {
    items: { action: string; entityId: string; at: string; before: unknown; after: unknown }[];
    total: number;
  };
};
const seen = (data: Awaited<ReturnType<typeof list>>) => data.items.map((i) => `${i.action}@${i.at.slice(5, 10)}`);

describe('GET /audit', () => {
  it('shows the platform admin everything, newest first, with filters and paging', async () => {
    const all = await list(admin, { actorId: actor.id!, from: '2026-03-01', to: '2026-03-13' });
    expect(all.total).toBe(12);
    expect(all.items[0]!.at).toBe('2026-03-12T17:00:00.000Z');
    const page = await t.get('/api/v1/audit', admin, { query: { actorId: 'actor-1', pageSize: '5', page: '2' } });
    expect(page.data).toMatchObject({ total: 12, page: 2, pageSize: 5 });
    expect(page.data.items).toHaveLength(5);
    expect((await list(admin, { actorId: 'key-9' })).total).toBe(1);
    expect((await list(admin, { entity: 'outlet', entityId: ids.outletA! })).items).toHaveLength(1);
    expect((await list(admin, { action: 'region.create' })).total).toBe(2);
    // Days are Asia/Shanghai days; `to` includes its whole day.
    expect(seen(await list(admin, { from: '2026-03-12', to: '2026-03-12' }))).toEqual(['division.update@03-12']);
    expect(seen(await list(admin, { from: '2026-03-13', to: '2026-03-13' }))).toEqual(['brand.update@03-12']);
    expect((await list(admin, { from: '2026-03-11T00:00:00Z', to: '2026-03-12T01:00:00Z' })).total).toBe(2);
    // Free text: part of the action, entity or actor name, or an exact entity id.
    expect((await list(admin, { q: 'service_center' })).total).toBe(2);
    expect((await list(admin, { q: 'integration' })).total).toBe(1);
    expect(seen(await list(admin, { q: '310115' }))).toEqual(['division.update@03-12']);
    expect((await list(admin, { q: '100%' })).total).toBe(0);
  });

  it("limits a brand admin to their brands' rows and brand-less rows of their outlets", async () => {
    const data = await list(adminA, { actorId: 'actor-1' });
    expect(seen(data).sort()).toEqual(
      [
        'brand.update@03-01',
        'region.create@03-02',
        'region.create@03-03',
        'service_center.create@03-04',
        'service_center.create@03-05',
        'outlet.update@03-06',
        'outlet.update@03-07',
        'brand.update@03-12',
      ].sort(),
    );
    expect(seen(await list(adminA, { actorId: 'key-9' }))).toEqual(['technician.create@03-08']);
    // Brand B's own rows, even about an outlet both brands share, and platform rows stay hidden.
    const body = JSON.stringify(await list(adminA));
    expect(body).not.toContain(ids.brandB);
    expect(body).not.toContain('division.update');
    expect(body).not.toContain('tech-b');
  });

  it('limits a region-scoped manager to their regions, and masks phones', async () => {
    const data = await list(regionManagerA);
    expect(seen(data).sort()).toEqual(
      [
        'brand.update@03-01',
        'region.create@03-02',
        'service_center.create@03-04',
        'outlet.update@03-06',
        'technician.create@03-08',
        'brand.update@03-12',
      ].sort(),
    );
    const outletRow = data.items.find((i) => i.action === 'outlet.update')!;
    expect(outletRow.before).toEqual({ phone: '138****1234', name: '甲网点' });
    expect(outletRow.after).toEqual({ phone: '138****5678', contact: { mobile: '139****1111' }, name: '甲网点' });
    const brandRow = data.items.find((i) => i.action === 'brand.update' && i.after)!;
    expect(brandRow.after).toEqual({ hotlines: ['400****1234'] });
    // Roles with pii.phone see the numbers.
    const full = (await list(adminA, { action: 'outlet.update', entityId: ids.outletA! })).items[0]!;
    expect(full.before).toEqual({ phone: '13812341234', name: '甲网点' });
  });

  it('needs audit.read and a valid query', async () => {
    expect((await t.get('/api/v1/audit', agentA)).statusCode).toBe(403);
    expect((await t.get('/api/v1/audit', outletManagerA)).statusCode).toBe(403);
    expect((await t.get('/api/v1/audit', null)).statusCode).toBe(401);
    const bad = await t.get('/api/v1/audit', admin, { query: { actor: 'x' } });
    expect(bad.statusCode).toBe(400);
    expect((await t.get('/api/v1/audit', admin, { query: { from: '2026-13-01' } })).statusCode).toBe(400);
  });

  it('reads day bounds in Asia/Shanghai', () => {
    expect(boundOf('2026-03-12', false).toISOString()).toBe('2026-03-11T16:00:00.000Z');
    expect(boundOf('2026-03-12', true).toISOString()).toBe('2026-03-12T16:00:00.000Z');
    expect(boundOf('2026-03-12T08:00:00+08:00', true).toISOString()).toBe('2026-03-12T00:00:00.000Z');
  });
});
