import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { sha256 } from '../../platform/http/auth-hook.ts';
import { MAX_ACTIVE_KEYS } from './index.ts';

let t: TestApp;
let adminA: Caller;
let adminB: Caller;
let agent: Caller;
let techA: { id: string };
let techB: { id: string };

const withKey = (key: string) => ({ headers: { 'x-api-key': key } });
const bearer = (key: string) => ({ headers: { authorization: `Bearer ${key}` } });
async function newKey(caller: Caller, name = '工单系统对接') {
  const res = await t.post('/api/v1/api-keys', caller, { name });
  if (res.statusCode !== 201) throw new Error(`create key: ${res.statusCode} ${res.body}`);
  return res.data as { id: string; key: string; prefix: string; name: string };
}

beforeAll(async () => {
  t = await createTestApp();
  const brandA = await t.factories.brand();
  const brandB = await t.factories.brand();
  const outletA = await t.factories.outlet(brandA.id);
  const outletB = await t.factories.outlet(brandB.id);
  techA = await t.factories.technician(outletA.id);
  techB = await t.factories.technician(outletB.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  adminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  agent = await t.as('agent', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

describe('api keys: create and list', () => {
  it('returns the secret once and stores only its sha256 and prefix, audited', async () => {
    const res = await t.post('/api/v1/api-keys', adminA, { name: 'ERP 对接' });
    expect(res.statusCode).toBe(201);
    const { id, key, prefix } = res.data;
    expect(key).toMatch(/^ak_[A-Za-z0-9_-]{40}$/);
    expect(prefix).toBe(key.slice(0, 12));
    expect(res.data).toMatchObject({ name: 'ERP 对接', lastUsedAt: null, revokedAt: null });
    const row = await t.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.key_hash).toBe(sha256(key));
    expect(row.user_id).toBe(adminA.userId);
    expect(JSON.stringify(row)).not.toContain(key);
    const list = await t.get('/api/v1/api-keys', adminA);
    const listed = list.data.items.find((k: { id: string }) => k.id === id);
    expect(listed).toMatchObject({ id, prefix, name: 'ERP 对接' });
    expect(listed.key).toBeUndefined();
    expect(list.body).not.toContain(key);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([['api_key.create', adminA.userId]]);
    expect(JSON.stringify(audit)).not.toContain(key);
    const events = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', id).execute();
    expect(events.map((e) => e.type)).toEqual(['api_key.created']);
  });

  it("lists only the caller's own keys and keeps others' out of reach (404)", async () => {
    const mine = await newKey(adminA);
    const theirs = await newKey(adminB);
    const list = (await t.get('/api/v1/api-keys', adminA)).data.items.map((k: { id: string }) => k.id);
    expect(list).toContain(mine.id);
    expect(list).not.toContain(theirs.id);
    const res = await t.post(`/api/v1/api-keys/${theirs.id}/revoke`, adminA);
    expect(res.statusCode).toBe(404);
    const row = await t.db
      .selectFrom('api_keys')
      .select('revoked_at')
      .where('id', '=', theirs.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();
  });

  it('needs apikeys.manage (403) and a name (400)', async () => {
    expect((await t.post('/api/v1/api-keys', agent, { name: 'x' })).statusCode).toBe(403);
    expect((await t.get('/api/v1/api-keys', agent)).statusCode).toBe(403);
    for (const body of [{ name: '' }, {}, { name: 'x', userId: agent.userId }]) {
      const res = await t.post('/api/v1/api-keys', adminA, body);
      expect([res.statusCode, res.data.code]).toEqual([400, 'VALIDATION_FAILED']);
    }
  });

  it(`allows at most ${MAX_ACTIVE_KEYS} active keys per user (422)`, async () => {
    const owner = await t.as('brand_admin', { brandIds: [] });
    const keys = [];
    for (let i = 0; i < MAX_ACTIVE_KEYS; i++) keys.push(await newKey(owner, `k${i}`));
    const over = await t.post('/api/v1/api-keys', owner, { name: 'one too many' });
    expect([over.statusCode, over.data.code]).toEqual([422, 'API_KEY_LIMIT']);
    await t.post(`/api/v1/api-keys/${keys[0]!.id}/revoke`, owner);
    expect((await t.post('/api/v1/api-keys', owner, { name: 'room again' })).statusCode).toBe(201);
  });
});

describe('api keys: authentication and scope', () => {
  it('authenticates by X-Api-Key and by Bearer as its owner, recording the last use', async () => {
    const { id, key } = await newKey(adminA);
    const me = await t.get('/api/v1/auth/me', null, withKey(key));
    expect(me.statusCode).toBe(200);
    expect(me.data).toMatchObject({ id: adminA.userId, role: 'brand_admin' });
    expect((await t.get('/api/v1/auth/me', null, bearer(key))).data.id).toBe(adminA.userId);
    const row = await t.db.selectFrom('api_keys').select('last_used_at').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.last_used_at?.toISOString()).toBe(t.clock.now().toISOString());
  });

  it("is scoped like its owner: the owner's brand only, foreign records 404", async () => {
    const { id, key } = await newKey(adminA);
    const list = await t.get('/api/v1/technicians', null, withKey(key));
    const ids = list.data.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(techA.id);
    expect(ids).not.toContain(techB.id);
    expect((await t.get(`/api/v1/technicians/${techB.id}`, null, withKey(key))).statusCode).toBe(404);
    const write = await t.request('PATCH', `/api/v1/technicians/${techA.id}`, null, {
      ...withKey(key),
      body: { level: 'expert' },
    });
    expect(write.statusCode).toBe(200);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', techA.id)
      .where('action', '=', 'technician.update')
      .executeTakeFirstOrThrow();
    expect([audit.actor_type, audit.actor_id]).toEqual(['api_key', id]);
    expect(
      (
        await t.request('PATCH', `/api/v1/technicians/${techB.id}`, null, {
          ...withKey(key),
          body: { level: 'expert' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('cannot mint more keys with a key (403) but can list and revoke its owner’s', async () => {
    const { id, key } = await newKey(adminA);
    const minted = await t.request('POST', '/api/v1/api-keys', null, { ...withKey(key), body: { name: 'child' } });
    expect([minted.statusCode, minted.data.code]).toEqual([403, 'API_KEY_SESSION_REQUIRED']);
    const list = await t.get('/api/v1/api-keys', null, withKey(key));
    expect(list.data.items.map((k: { id: string }) => k.id)).toContain(id);
    const revoked = await t.request('POST', `/api/v1/api-keys/${id}/revoke`, null, withKey(key));
    expect(revoked.statusCode).toBe(200);
    expect((await t.get('/api/v1/auth/me', null, withKey(key))).statusCode).toBe(401);
  });

  it('stops working after revoke; revoking again changes nothing', async () => {
    const { id, key } = await newKey(adminA);
    expect((await t.get('/api/v1/auth/me', null, withKey(key))).statusCode).toBe(200);
    const res = await t.post(`/api/v1/api-keys/${id}/revoke`, adminA);
    expect(res.statusCode).toBe(200);
    expect(res.data.revokedAt).toBe(t.clock.now().toISOString());
    const denied = await t.get('/api/v1/technicians', null, withKey(key));
    expect([denied.statusCode, denied.data.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await t.get('/api/v1/auth/me', null, bearer(key))).statusCode).toBe(401);
    t.clock.advance(60_000);
    const again = await t.post(`/api/v1/api-keys/${id}/revoke`, adminA);
    expect(again.data.revokedAt).toBe(res.data.revokedAt);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['api_key.create', 'api_key.revoke']);
    expect((await t.post('/api/v1/api-keys/0190f000-0000-7000-8000-000000000000/revoke', adminA)).statusCode).toBe(404);
  });

  it('refuses a forged key with a real prefix, and stops working when its owner is disabled', async () => {
    const owner = await t.factories.user('brand_admin', { brandIds: [] });
    const ownerCaller: Caller = { userId: owner.id, cookie: await t.login(owner.username), role: 'brand_admin' };
    const { key } = await newKey(ownerCaller);
    const forged = `${key.slice(0, 12)}${'A'.repeat(key.length - 12)}`;
    expect((await t.get('/api/v1/auth/me', null, withKey(forged))).statusCode).toBe(401);
    expect((await t.get('/api/v1/auth/me', null, withKey('ak_nonsense'))).statusCode).toBe(401);
    expect((await t.get('/api/v1/auth/me', null, withKey(key))).statusCode).toBe(200);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', owner.id).execute();
    expect((await t.get('/api/v1/auth/me', null, withKey(key))).statusCode).toBe(401);
  });
});
