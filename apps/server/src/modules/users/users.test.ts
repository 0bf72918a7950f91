import type { Role } from '@aftercare/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, Factories, type TestApp } from '../../../test/index.ts';
import { SESSION_COOKIE } from '../../platform/http/auth-hook.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let adminB: Caller;
let regionalA: Caller;
let mgrA: Caller;
let svcMgrA: Caller;
let brandA: { id: string };
let brandB: { id: string };
let regionA1: { id: string };
let regionB1: { id: string };
let outletA: { id: string };
let outletA2: { id: string };
let outletB: { id: string };
let techA: { id: string; outletId: string };
let techB: { id: string; outletId: string };

// Logins come from distinct addresses so the per-address login throttle (30/min) never interferes.
let ipSeq = 0;
async function login(username: string, password = Factories.PASSWORD) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': `10.1.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}` },
    payload: { username, password },
  });
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? null;
  return {
    status: res.statusCode,
    code: res.statusCode === 200 ? null : (JSON.parse(res.body).code as string),
    cookie,
  };
}
async function as(role: Role, scope: Parameters<Factories['user']>[1] = {}): Promise<Caller> {
  const u = await t.factories.user(role, scope);
  const { cookie } = await login(u.username);
  if (!cookie) throw new Error(`login ${u.username} failed`);
  return { userId: u.id, cookie, role };
}

const userCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const ids = (res: { data: { items: { id: string }[] } }) => res.data.items.map((i) => i.id);
let n = 0;
const uname = (p = 'u') => `${p}.${process.pid}.${++n}`;
const newUser = (over: Record<string, unknown> = {}) => ({
  username: uname(),
  displayName: '测试用户',
  password: 'a-long-password-1',
  role: 'agent',
  brandIds: [brandA.id],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand();
  brandB = await t.factories.brand();
  regionA1 = await t.factories.region(brandA.id);
  regionB1 = await t.factories.region(brandB.id);
  outletA = await t.factories.outlet(brandA.id, { regionId: regionA1.id });
  outletA2 = await t.factories.outlet(brandA.id);
  outletB = await t.factories.outlet(brandB.id);
  techA = await t.factories.technician(outletA.id);
  techB = await t.factories.technician(outletB.id);
  admin = await as('platform_admin');
  adminA = await as('brand_admin', { brandIds: [brandA.id] });
  adminB = await as('brand_admin', { brandIds: [brandB.id] });
  regionalA = await as('brand_admin', { brandIds: [brandA.id], regionIds: [regionA1.id] });
  mgrA = await as('outlet_manager', { outletId: outletA.id });
  svcMgrA = await as('service_manager', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

describe('users: create', () => {
  it('creates a login with an argon2 hash it never returns, audited, that can log in', async () => {
    const body = newUser({ role: 'brand_admin', phone: '138 0013 8000', displayName: '奥克斯管理员' });
    const res = await t.post('/api/v1/users', admin, body);
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      username: body.username,
      displayName: '奥克斯管理员',
      role: 'brand_admin',
      brandIds: [brandA.id],
      regionIds: [],
      outletId: null,
      phone: '13800138000',
      status: 'active',
      lockedUntil: null,
      lastLoginAt: null,
    });
    expect(res.body).not.toMatch(/argon2|password/i);
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', res.data.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', res.data.id).execute();
    expect(audit.map((a) => [a.action, a.brand_id, a.actor_id])).toEqual([['user.create', brandA.id, admin.userId]]);
    expect(JSON.stringify(audit[0]!.after)).not.toMatch(/argon2|a-long-password/);
    const events = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', res.data.id).execute();
    expect(events.map((e) => e.type)).toEqual(['user.created']);
    expect((await login(body.username, body.password)).status).toBe(200);
  });

  it('lets a brand admin create brand staff, outlet managers and technician logins within their brand', async () => {
    const agent = await t.post('/api/v1/users', adminA, newUser());
    expect(agent.statusCode).toBe(201);
    const manager = await t.post(
      '/api/v1/users',
      adminA,
      newUser({ role: 'outlet_manager', brandIds: [], outletId: outletA2.id }),
    );
    expect(manager.statusCode).toBe(201);
    expect(manager.data.outletId).toBe(outletA2.id);
    const tech = await t.post(
      '/api/v1/users',
      adminA,
      newUser({ role: 'technician', brandIds: [], technicianId: techA.id }),
    );
    expect(tech.statusCode).toBe(201);
    expect(tech.data).toMatchObject({ technicianId: techA.id, outletId: techA.outletId });
    const again = await t.post(
      '/api/v1/users',
      adminA,
      newUser({ role: 'technician', brandIds: [], technicianId: techA.id }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.data.code).toBe('USER_TECHNICIAN_TAKEN');
  });

  it('refuses incomplete or too-wide scopes with 422 USER_SCOPE_INVALID and writes nothing', async () => {
    const before = await userCount();
    const cases: [Caller, Record<string, unknown>][] = [
      [adminA, { role: 'platform_admin', brandIds: [] }],
      [adminA, { brandIds: [brandB.id] }],
      [adminA, { brandIds: [brandA.id, brandB.id] }],
      [adminA, { brandIds: [] }],
      [adminA, { brandIds: ['0190f000-0000-7000-8000-000000000000'] }],
      [adminA, { regionIds: [regionB1.id] }],
      [adminA, { outletId: outletA.id }],
      [adminA, { role: 'outlet_manager', brandIds: [] }],
      [adminA, { role: 'outlet_manager', brandIds: [], outletId: outletB.id }],
      [adminA, { role: 'outlet_manager', outletId: outletA.id }],
      [adminA, { role: 'technician', brandIds: [] }],
      [adminA, { role: 'technician', brandIds: [], technicianId: techB.id }],
      [admin, { role: 'technician', brandIds: [], technicianId: techB.id, outletId: outletA.id }],
      [admin, { role: 'customer', brandIds: [] }],
      [admin, { role: 'platform_admin', brandIds: [brandA.id] }],
      // A regional admin grants only within their regions.
      [regionalA, { brandIds: [brandA.id] }],
      [regionalA, { role: 'outlet_manager', brandIds: [], outletId: outletA2.id }],
    ];
    for (const [caller, over] of cases) {
      const res = await t.post('/api/v1/users', caller, newUser(over));
      expect([res.statusCode, res.data.code, over]).toEqual([422, 'USER_SCOPE_INVALID', over]);
    }
    expect(await userCount()).toBe(before);
  });

  it('lets a regional admin create users of their own region', async () => {
    const res = await t.post('/api/v1/users', regionalA, newUser({ regionIds: [regionA1.id] }));
    expect(res.statusCode).toBe(201);
    expect(res.data.regionIds).toEqual([regionA1.id]);
    const mgr = await t.post(
      '/api/v1/users',
      regionalA,
      newUser({ role: 'outlet_manager', brandIds: [], outletId: outletA.id }),
    );
    expect(mgr.statusCode).toBe(201);
  });

  it('refuses a taken username whatever its case (409), and bad input (400)', async () => {
    const first = newUser({ username: uname('Dup') });
    expect((await t.post('/api/v1/users', adminA, first)).statusCode).toBe(201);
    const dup = await t.post('/api/v1/users', adminA, newUser({ username: first.username.toLowerCase() }));
    expect(dup.statusCode).toBe(409);
    expect(dup.data.code).toBe('USERNAME_TAKEN');
    const before = await userCount();
    for (const over of [{ password: 'short' }, { username: 'has space' }, { role: 'king' }, { extra: true }]) {
      const res = await t.post('/api/v1/users', adminA, newUser(over));
      expect([res.statusCode, res.data.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
    expect(await userCount()).toBe(before);
  });

  it('needs users.write: an outlet manager reads but cannot create (403)', async () => {
    const res = await t.post(
      '/api/v1/users',
      mgrA,
      newUser({ role: 'technician', brandIds: [], technicianId: techA.id }),
    );
    expect(res.statusCode).toBe(403);
    expect(res.data.code).toBe('FORBIDDEN');
  });
});

describe('users: reading, scope and masking', () => {
  let agentA: { id: string };
  let agentB: { id: string };
  let techUserA: { id: string };
  let mgrUserA2: { id: string };
  let platform: { id: string };
  let both: { id: string };
  beforeAll(async () => {
    agentA = await t.factories.user('agent', { brandIds: [brandA.id] });
    agentB = await t.factories.user('agent', { brandIds: [brandB.id] });
    const tech = await t.factories.technician(outletA.id);
    techUserA = await t.factories.user('technician', { outletId: outletA.id, technicianId: tech.id });
    mgrUserA2 = await t.factories.user('outlet_manager', { outletId: outletA2.id });
    platform = await t.factories.user('platform_admin');
    both = await t.factories.user('agent', { brandIds: [brandA.id, brandB.id] });
  });

  it("shows a brand admin their brand's staff and their outlets' users, never other brands' or platform admins", async () => {
    const list = ids(await t.get('/api/v1/users', adminA, { query: { pageSize: '200' } }));
    expect(list).toEqual(expect.arrayContaining([agentA.id, techUserA.id, mgrUserA2.id, mgrA.userId, both.id]));
    expect(list).not.toContain(agentB.id);
    expect(list).not.toContain(platform.id);
    expect(list).not.toContain(admin.userId);
    for (const id of [agentB.id, platform.id]) {
      expect((await t.get(`/api/v1/users/${id}`, adminA)).statusCode).toBe(404);
      expect((await t.patch(`/api/v1/users/${id}`, adminA, { displayName: '改' })).statusCode).toBe(404);
    }
    expect((await t.get(`/api/v1/users/${agentA.id}`, adminB)).statusCode).toBe(404);
    const all = ids(await t.get('/api/v1/users', admin, { query: { pageSize: '200' } }));
    expect(all).toEqual(expect.arrayContaining([agentA.id, agentB.id, platform.id]));
  });

  it('shows an outlet manager only their own outlet’s users, read-only', async () => {
    const list = ids(await t.get('/api/v1/users', mgrA, { query: { pageSize: '200' } }));
    expect(list).toContain(techUserA.id);
    expect(list).toContain(mgrA.userId);
    expect(list).not.toContain(mgrUserA2.id);
    expect(list).not.toContain(agentA.id);
    expect((await t.get(`/api/v1/users/${agentA.id}`, mgrA)).statusCode).toBe(404);
    expect((await t.get(`/api/v1/users/${techUserA.id}`, mgrA)).statusCode).toBe(200);
    expect((await t.patch(`/api/v1/users/${techUserA.id}`, mgrA, { displayName: 'x' })).statusCode).toBe(403);
  });

  it('shows a regional admin the users of their region and of outlets placed in it', async () => {
    const inRegion = await t.factories.user('agent', { brandIds: [brandA.id], regionIds: [regionA1.id] });
    const list = ids(await t.get('/api/v1/users', regionalA, { query: { pageSize: '200' } }));
    expect(list).toEqual(expect.arrayContaining([inRegion.id, techUserA.id, mgrA.userId]));
    expect(list).not.toContain(mgrUserA2.id);
    expect(list).not.toContain(agentA.id);
  });

  it('masks phones for roles without pii.phone', async () => {
    await t.db.updateTable('users').set({ phone: '13912345678' }).where('id', '=', agentA.id).execute();
    expect((await t.get(`/api/v1/users/${agentA.id}`, svcMgrA)).data.phone).toBe('139****5678');
    expect((await t.get(`/api/v1/users/${agentA.id}`, adminA)).data.phone).toBe('13912345678');
    expect((await t.patch(`/api/v1/users/${agentA.id}`, svcMgrA, { displayName: 'x' })).statusCode).toBe(403);
  });

  it('filters by name, role, outlet and status', async () => {
    const named = await t.factories.user('dispatcher', { brandIds: [brandA.id] });
    await t.db.updateTable('users').set({ display_name: '派单员小李' }).where('id', '=', named.id).execute();
    expect(ids(await t.get('/api/v1/users', adminA, { query: { q: '小李' } }))).toEqual([named.id]);
    expect(ids(await t.get('/api/v1/users', adminA, { query: { q: named.username.toUpperCase() } }))).toEqual([
      named.id,
    ]);
    const dispatchers = await t.get('/api/v1/users', adminA, { query: { role: 'dispatcher' } });
    expect(dispatchers.data.items.every((u: { role: string }) => u.role === 'dispatcher')).toBe(true);
    expect(ids(await t.get('/api/v1/users', adminA, { query: { outletId: outletA2.id } }))).toContain(mgrUserA2.id);
    const disabled = await t.get('/api/v1/users', adminA, { query: { status: 'disabled' } });
    expect(disabled.data.items.every((u: { status: string }) => u.status === 'disabled')).toBe(true);
  });

  it('refuses to let a brand admin change a user who also works for another brand (403)', async () => {
    expect((await t.get(`/api/v1/users/${both.id}`, adminA)).statusCode).toBe(200);
    const res = await t.patch(`/api/v1/users/${both.id}`, adminA, { displayName: '改名' });
    expect(res.statusCode).toBe(403);
    expect((await t.patch(`/api/v1/users/${both.id}`, admin, { displayName: '改名' })).statusCode).toBe(200);
  });
});

describe('users: changes', () => {
  it('renames and sets or clears the phone, audited', async () => {
    const u = await t.factories.user('agent', { brandIds: [brandA.id] });
    const res = await t.patch(`/api/v1/users/${u.id}`, adminA, { displayName: '新名字', phone: '021-5555 6666' });
    expect(res.data).toMatchObject({ displayName: '新名字', phone: '02155556666' });
    const cleared = await t.patch(`/api/v1/users/${u.id}`, adminA, { phone: null });
    expect(cleared.data.phone).toBeNull();
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', u.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['user.update', 'user.update']);
    expect((audit[0]!.before as { display_name: string }).display_name).toBe(u.username);
    expect(JSON.stringify(audit)).not.toMatch(/argon2/);
  });

  it('resets a password: the old one stops working and the user’s sessions end', async () => {
    const u = await t.factories.user('agent', { brandIds: [brandA.id] });
    const session = (await login(u.username)).cookie!;
    const caller: Caller = { userId: u.id, cookie: session, role: 'agent' };
    expect((await t.get('/api/v1/auth/me', caller)).statusCode).toBe(200);
    const res = await t.patch(`/api/v1/users/${u.id}`, adminA, { password: 'brand-new-password-2' });
    expect(res.statusCode).toBe(200);
    expect((await t.get('/api/v1/auth/me', caller)).statusCode).toBe(401);
    expect((await login(u.username)).code).toBe('LOGIN_FAILED');
    expect((await login(u.username, 'brand-new-password-2')).status).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', u.id)
      .where('action', '=', 'user.password_reset')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.after)).not.toMatch(/brand-new-password|argon2/);
  });

  it('disables (sessions end, login refused) and enables again', async () => {
    const u = await t.factories.user('agent', { brandIds: [brandA.id] });
    const caller: Caller = { userId: u.id, cookie: (await login(u.username)).cookie!, role: 'agent' };
    const off = await t.patch(`/api/v1/users/${u.id}`, adminA, { status: 'disabled' });
    expect(off.data.status).toBe('disabled');
    expect((await t.get('/api/v1/auth/me', caller)).statusCode).toBe(401);
    expect((await login(u.username)).code).toBe('ACCOUNT_DISABLED');
    const on = await t.patch(`/api/v1/users/${u.id}`, adminA, { status: 'active' });
    expect(on.data.status).toBe('active');
    expect((await login(u.username)).status).toBe(200);
    const actions = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', u.id).execute();
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['user.disable', 'user.enable']));
  });

  it('unlocks a locked account before its lockout ends', async () => {
    const u = await t.factories.user('agent', { brandIds: [brandA.id] });
    for (let i = 0; i < 5; i++) await login(u.username, 'wrong-password');
    expect((await login(u.username)).code).toBe('ACCOUNT_LOCKED');
    const locked = await t.get(`/api/v1/users/${u.id}`, adminA);
    expect(locked.data.lockedUntil).toBe('2026-03-15T02:15:00.000Z');
    const res = await t.patch(`/api/v1/users/${u.id}`, adminA, { unlock: true });
    expect(res.data.lockedUntil).toBeNull();
    expect((await login(u.username)).status).toBe(200);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', u.id).execute();
    expect(audit.map((a) => a.action)).toContain('user.unlock');
  });

  it('will not let an admin disable themself (422), and rejects bad input (400)', async () => {
    const self = await t.patch(`/api/v1/users/${adminA.userId}`, adminA, { status: 'disabled' });
    expect(self.statusCode).toBe(422);
    expect(self.data.code).toBe('USER_SELF_DISABLE');
    for (const body of [{ password: 'short' }, { unlock: false }, { role: 'platform_admin' }, { status: 'gone' }]) {
      expect((await t.patch(`/api/v1/users/${adminA.userId}`, adminA, body)).statusCode).toBe(400);
    }
    expect((await t.get('/api/v1/auth/me', adminA)).statusCode).toBe(200);
  });
});
