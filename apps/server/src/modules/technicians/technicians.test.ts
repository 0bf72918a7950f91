import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let mgrA1: Caller;
let techUser: Caller;
let agentA: Caller;
let qiA: Caller;
let brandA: { id: string };
let brandB: { id: string };
let outletA1: { id: string };
let outletA2: { id: string };
let outletB: { id: string };
let techA1: { id: string; code: string };
let techA2: { id: string; code: string };
let techB: { id: string; code: string };

const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((i) => i.id).sort();
const count = async (table: 'technicians' | 'technician_trainings' | 'audit_log', where?: [string, string]) => {
  let q = t.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n'));
  // biome-ignore lint/suspicious/noExplicitAny: column name chosen by the test
  if (where) q = q.where(where[0] as any, '=', where[1]);
  return Number((await q.executeTakeFirstOrThrow()).n);
};

const newTech = (over: Record<string, unknown> = {}) => ({
  outletId: outletA1.id,
  code: `NT${Math.random().toString(36).slice(2, 8)}`,
  name: '李明',
  phone: '139 1234 5678',
  level: 'intermediate',
  licenceNo: 'SG-2026-001',
  licenceValidUntil: '2027-06-30',
  skills: [{ categoryCode: 'air_conditioner', serviceType: 'installation' }],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await t.factories.brand({ categories: ['pc'] });
  outletA1 = await t.factories.outlet(brandA.id);
  outletA2 = await t.factories.outlet(brandA.id);
  outletB = await t.factories.outlet(brandB.id);
  techA1 = await t.factories.technician(outletA1.id, { name: '王伟' });
  techA2 = await t.factories.technician(outletA2.id, { name: '张强', licenceValidUntil: '2026-03-01' });
  techB = await t.factories.technician(outletB.id, { name: '王伟' });
  admin = await t.as('platform_admin');
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  mgrA1 = await t.as('outlet_manager', { outletId: outletA1.id });
  techUser = await t.as('technician', { outletId: outletA1.id, technicianId: techA1.id });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
  qiA = await t.as('quality_inspector', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

describe('technicians: create', () => {
  it('lets an outlet manager add a technician to their outlet, audited, with an event', async () => {
    const body = newTech();
    const res = await t.post('/api/v1/technicians', mgrA1, body);
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      outletId: outletA1.id,
      code: body.code,
      name: '李明',
      phone: '13912345678',
      level: 'intermediate',
      licenceNo: 'SG-2026-001',
      licenceValidUntil: '2027-06-30',
      licenceValid: true,
      licenceState: 'valid',
      status: 'active',
      skills: [{ categoryCode: 'air_conditioner', serviceType: 'installation' }],
    });
    expect(res.data.outletName).toContain('浦东服务网点');
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.data.id).execute();
    expect(audit.map((a) => [a.action, a.outlet_id, a.actor_id])).toEqual([
      ['technician.create', outletA1.id, mgrA1.userId],
    ]);
    const events = await t.db.selectFrom('events').selectAll().where('aggregate_id', '=', res.data.id).execute();
    expect(events.map((e) => e.type)).toEqual(['technician.created']);
  });

  it("refuses another outlet's technicians to an outlet manager and foreign outlets to a brand admin (422)", async () => {
    const before = await count('technicians');
    const other = await t.post('/api/v1/technicians', mgrA1, newTech({ outletId: outletA2.id }));
    expect(other.statusCode).toBe(422);
    expect(other.data.code).toBe('TECHNICIAN_OUTLET_INVALID');
    const foreign = await t.post('/api/v1/technicians', adminA, newTech({ outletId: outletB.id }));
    expect(foreign.statusCode).toBe(422);
    expect(foreign.data.code).toBe('TECHNICIAN_OUTLET_INVALID');
    const missing = await t.post(
      '/api/v1/technicians',
      admin,
      newTech({ outletId: '0190f000-0000-7000-8000-000000000000' }),
    );
    expect(missing.data.code).toBe('TECHNICIAN_OUTLET_INVALID');
    expect(await count('technicians')).toBe(before);
  });

  it('refuses a terminated outlet', async () => {
    const closed = await t.factories.outlet(brandA.id, { status: 'terminated' });
    const res = await t.post('/api/v1/technicians', adminA, newTech({ outletId: closed.id }));
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('TECHNICIAN_OUTLET_INVALID');
  });

  it('refuses a duplicate code with 409', async () => {
    const res = await t.post('/api/v1/technicians', adminA, newTech({ code: techA1.code }));
    expect(res.statusCode).toBe(409);
    expect(res.data.code).toBe('TECHNICIAN_CODE_TAKEN');
  });

  it('rejects bad input with 400 and field errors, writing nothing', async () => {
    const before = await count('technicians');
    const res = await t.post('/api/v1/technicians', adminA, {
      ...newTech({ level: 'guru', phone: 'call me', code: 'bad code' }),
      extra: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(res.data.code).toBe('VALIDATION_FAILED');
    expect(res.data.errors.length).toBeGreaterThanOrEqual(3);
    const badDate = await t.post('/api/v1/technicians', adminA, newTech({ licenceValidUntil: '2026-02-30' }));
    expect(badDate.statusCode).toBe(400);
    expect(await count('technicians')).toBe(before);
  });

  it('refuses skills in categories none of the outlet’s brands sell (422)', async () => {
    const res = await t.post(
      '/api/v1/technicians',
      adminA,
      newTech({ skills: [{ categoryCode: 'pc', serviceType: 'repair' }] }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('TECHNICIAN_SKILL_INVALID');
  });

  it('refuses a licence validity date without a licence number (422)', async () => {
    const res = await t.post('/api/v1/technicians', adminA, newTech({ licenceNo: null }));
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('TECHNICIAN_LICENCE_INCOMPLETE');
  });

  it('needs technicians.write: a quality inspector cannot create (403)', async () => {
    const res = await t.post('/api/v1/technicians', qiA, newTech());
    expect(res.statusCode).toBe(403);
    expect(res.data.code).toBe('FORBIDDEN');
  });
});

describe('technicians: read, masking and scope', () => {
  it('masks the phone for roles without pii.phone and shows it to agents', async () => {
    const masked = await t.get(`/api/v1/technicians/${techA1.id}`, qiA);
    expect(masked.statusCode).toBe(200);
    expect(masked.data.phone).toBe('139****1111');
    const full = await t.get(`/api/v1/technicians/${techA1.id}`, agentA);
    expect(full.data.phone).toBe('13900001111');
    const list = await t.get('/api/v1/technicians', qiA);
    expect(list.data.items.every((i: { phone: string }) => i.phone.includes('****'))).toBe(true);
  });

  it("answers 404 for another brand's technician on every route and keeps it out of lists", async () => {
    for (const caller of [adminA, agentA, mgrA1]) {
      expect((await t.get(`/api/v1/technicians/${techB.id}`, caller)).statusCode).toBe(404);
      expect((await t.get(`/api/v1/technicians/${techB.id}/trainings`, caller)).statusCode).toBe(404);
      expect(ids(await t.get('/api/v1/technicians', caller, { query: { pageSize: '200' } }))).not.toContain(techB.id);
    }
    const patch = await t.patch(`/api/v1/technicians/${techB.id}`, adminA, { name: '改名' });
    expect(patch.statusCode).toBe(404);
    const train = await t.post(`/api/v1/technicians/${techB.id}/trainings`, adminA, {
      course: '安全',
      completedOn: '2026-03-01',
      result: 'passed',
    });
    expect(train.statusCode).toBe(404);
    const row = await t.db
      .selectFrom('technicians')
      .select('name')
      .where('id', '=', techB.id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('王伟');
    expect(await count('technician_trainings', ['technician_id', techB.id])).toBe(0);
  });

  it('shows an outlet manager only their own outlet, even within the same brand', async () => {
    expect((await t.get(`/api/v1/technicians/${techA2.id}`, mgrA1)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/technicians/${techA2.id}`, mgrA1, { level: 'expert' })).statusCode).toBe(404);
    const list = await t.get('/api/v1/technicians', mgrA1, { query: { pageSize: '200' } });
    expect(list.data.items.every((i: { outletId: string }) => i.outletId === outletA1.id)).toBe(true);
  });

  it('shows a technician only themself', async () => {
    const list = await t.get('/api/v1/technicians', techUser);
    expect(ids(list)).toEqual([techA1.id]);
    expect((await t.get(`/api/v1/technicians/${techA1.id}`, techUser)).statusCode).toBe(200);
    const colleague = await t.factories.technician(outletA1.id);
    expect((await t.get(`/api/v1/technicians/${colleague.id}`, techUser)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/technicians/${techA1.id}`, techUser, { name: 'x' })).statusCode).toBe(403);
  });

  it('lets the platform admin see every brand', async () => {
    const list = await t.get('/api/v1/technicians', admin, { query: { pageSize: '200' } });
    expect(ids(list)).toEqual(expect.arrayContaining([techA1.id, techA2.id, techB.id]));
  });
});

describe('technicians: list filters', () => {
  it('finds Chinese names by a two-character search, and codes', async () => {
    const byName = await t.get('/api/v1/technicians', adminA, { query: { q: '王伟' } });
    expect(ids(byName)).toEqual([techA1.id]);
    const byCode = await t.get('/api/v1/technicians', admin, { query: { q: techB.code } });
    expect(ids(byCode)).toEqual([techB.id]);
    const none = await t.get('/api/v1/technicians', adminA, { query: { q: '赵六' } });
    expect(none.data.total).toBe(0);
  });

  it('filters by outlet, brand, level and status', async () => {
    expect(ids(await t.get('/api/v1/technicians', adminA, { query: { outletId: outletA2.id } }))).toEqual([techA2.id]);
    const byBrand = ids(await t.get('/api/v1/technicians', admin, { query: { brandId: brandB.id } }));
    expect(byBrand).toEqual([techB.id]);
    // Another brand's id narrows a brand admin to nothing rather than widening their view.
    expect((await t.get('/api/v1/technicians', adminA, { query: { brandId: brandB.id } })).data.total).toBe(0);
    const seniors = await t.get('/api/v1/technicians', adminA, { query: { level: 'senior', pageSize: '200' } });
    expect(seniors.data.items.every((i: { level: string }) => i.level === 'senior')).toBe(true);
    expect(ids(seniors)).toContain(techA1.id);
    const bad = await t.get('/api/v1/technicians', adminA, { query: { level: 'guru' } });
    expect(bad.statusCode).toBe(400);
  });

  it('filters by licence state judged on the clock', async () => {
    const outlet = await t.factories.outlet(brandA.id);
    const expiring = await t.factories.technician(outlet.id, { licenceValidUntil: '2026-04-10' });
    const expired = await t.factories.technician(outlet.id, { licenceValidUntil: '2026-03-14' });
    const valid = await t.factories.technician(outlet.id, { licenceValidUntil: '2027-01-01' });
    const none = await t.factories.technician(outlet.id, { licenceValidUntil: null });
    const get = async (licence: string) =>
      ids(await t.get('/api/v1/technicians', adminA, { query: { outletId: outlet.id, licence } }));
    expect(await get('valid')).toEqual([expiring.id, valid.id].sort());
    expect(await get('expiring')).toEqual([expiring.id]);
    expect(await get('expired')).toEqual([expired.id]);
    expect(await get('missing')).toEqual([none.id]);
    const row = await t.get(`/api/v1/technicians/${expired.id}`, adminA);
    expect(row.data).toMatchObject({ licenceValid: false, licenceState: 'expired' });
  });
});

describe('technicians: update, skills, deactivation', () => {
  it('replaces skills on PATCH and keeps them when skills are left out', async () => {
    const created = await t.post('/api/v1/technicians', adminA, newTech());
    const id = created.data.id;
    const replaced = await t.patch(`/api/v1/technicians/${id}`, mgrA1, {
      skills: [
        { categoryCode: 'washer', serviceType: 'repair' },
        { categoryCode: 'air_conditioner', serviceType: 'maintenance' },
        { categoryCode: 'washer', serviceType: 'repair' },
      ],
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.data.skills).toEqual([
      { categoryCode: 'air_conditioner', serviceType: 'maintenance' },
      { categoryCode: 'washer', serviceType: 'repair' },
    ]);
    const renamed = await t.patch(`/api/v1/technicians/${id}`, mgrA1, { name: '李明亮', level: 'senior' });
    expect(renamed.data).toMatchObject({ name: '李明亮', level: 'senior' });
    expect(renamed.data.skills).toHaveLength(2);
    expect(ids(await t.get('/api/v1/technicians', adminA, { query: { q: '明亮' } }))).toEqual([id]);
    const badSkill = await t.patch(`/api/v1/technicians/${id}`, mgrA1, {
      skills: [{ categoryCode: 'pc', serviceType: 'repair' }],
    });
    expect(badSkill.data.code).toBe('TECHNICIAN_SKILL_INVALID');
    const clearLicenceNo = await t.patch(`/api/v1/technicians/${id}`, mgrA1, { licenceNo: null });
    expect(clearLicenceNo.data.code).toBe('TECHNICIAN_LICENCE_INCOMPLETE');
    const after = await t.get(`/api/v1/technicians/${id}`, adminA);
    expect(after.data.skills).toHaveLength(2);
    expect(after.data.licenceNo).toBe('SG-2026-001');
  });

  it('deactivates (never deletes), audited with before and after', async () => {
    const created = await t.post('/api/v1/technicians', adminA, newTech());
    const id = created.data.id;
    const res = await t.patch(`/api/v1/technicians/${id}`, adminA, { status: 'inactive' });
    expect(res.statusCode).toBe(200);
    expect(res.data.status).toBe('inactive');
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'technician.deactivate')
      .executeTakeFirstOrThrow();
    expect((audit.before as { status: string }).status).toBe('active');
    expect((audit.after as { status: string }).status).toBe('inactive');
    const events = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', id).execute();
    expect(events.map((e) => e.type)).toContain('technician.deactivated');
    expect(ids(await t.get('/api/v1/technicians', adminA, { query: { status: 'inactive' } }))).toContain(id);
    const reactivated = await t.patch(`/api/v1/technicians/${id}`, adminA, { status: 'active' });
    expect(reactivated.data.status).toBe('active');
  });

  it('rejects unknown fields on PATCH (400), including a move to another outlet', async () => {
    const res = await t.patch(`/api/v1/technicians/${techA1.id}`, adminA, { outletId: outletA2.id });
    expect(res.statusCode).toBe(400);
  });
});

describe('technicians: trainings', () => {
  it('records and lists training, newest first, audited', async () => {
    const first = await t.post(`/api/v1/technicians/${techA1.id}/trainings`, mgrA1, {
      course: '变频空调维修',
      completedOn: '2026-01-10',
      result: 'passed',
      certificateNo: 'CERT-01',
    });
    expect(first.statusCode).toBe(201);
    expect(first.data).toMatchObject({ technicianId: techA1.id, completedOn: '2026-01-10', certificateNo: 'CERT-01' });
    await t.post(`/api/v1/technicians/${techA1.id}/trainings`, mgrA1, {
      course: '安全规范',
      completedOn: '2026-03-15',
      result: 'attended',
    });
    const list = await t.get(`/api/v1/technicians/${techA1.id}/trainings`, techUser);
    expect(list.statusCode).toBe(200);
    expect(list.data.items.map((i: { course: string }) => i.course)).toEqual(['安全规范', '变频空调维修']);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', techA1.id)
      .where('action', '=', 'technician.training_add')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('refuses a completion date after today in Shanghai (422) and bad results (400)', async () => {
    const before = await count('technician_trainings');
    const future = await t.post(`/api/v1/technicians/${techA1.id}/trainings`, mgrA1, {
      course: '未来',
      completedOn: '2026-03-16',
      result: 'passed',
    });
    expect(future.statusCode).toBe(422);
    expect(future.data.code).toBe('TECHNICIAN_TRAINING_DATE_INVALID');
    const bad = await t.post(`/api/v1/technicians/${techA1.id}/trainings`, mgrA1, {
      course: '',
      completedOn: '2026-03-01',
      result: 'excellent',
    });
    expect(bad.statusCode).toBe(400);
    expect(await count('technician_trainings')).toBe(before);
  });

  it('does not let a technician record their own training (403)', async () => {
    const res = await t.post(`/api/v1/technicians/${techA1.id}/trainings`, techUser, {
      course: '自学',
      completedOn: '2026-03-01',
      result: 'passed',
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('technicians: licence validity', () => {
  it('keeps a licence valid through the end of its last day in Shanghai', async () => {
    // Back in time rather than forward, so the caller's session stays valid.
    const tech = await t.factories.technician(outletA1.id, { licenceValidUntil: '2026-03-14' });
    try {
      t.clock.set('2026-03-14T15:59:00Z');
      expect((await t.get(`/api/v1/technicians/${tech.id}`, adminA)).data.licenceValid).toBe(true);
      t.clock.set('2026-03-14T16:00:00Z');
      expect((await t.get(`/api/v1/technicians/${tech.id}`, adminA)).data.licenceValid).toBe(false);
    } finally {
      t.clock.set('2026-03-15T02:00:00Z');
    }
  });
});
