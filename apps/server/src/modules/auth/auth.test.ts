import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, Factories, type TestApp } from '../../../test/index.ts';
import { SESSION_COOKIE, sha256 } from '../../platform/http/auth-hook.ts';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './login.ts';

const START = '2026-03-15T02:00:00Z';
let t: TestApp;

// Each attempt from its own address: the per-address throttle (30/min) is not what these tests test.
let ipSeq = 0;
async function attempt(username: string, password = Factories.PASSWORD) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': `10.2.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}` },
    payload: { username, password },
  });
  const body = JSON.parse(res.body);
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? null;
  return { status: res.statusCode, code: body.code as string | undefined, body, cookie };
}
const auditActions = async (userId: string) =>
  (
    await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', userId)
      .orderBy('at')
      .orderBy('id')
      .execute()
  ).map((a) => a.action);

beforeAll(async () => {
  t = await createTestApp({ now: START });
});
afterEach(() => t.clock.set(START));
afterAll(async () => t?.close());

describe('login', () => {
  it('logs in with the right password, case-insensitively by username, and records it', async () => {
    const u = await t.factories.user('agent');
    const res = await attempt(u.username.toUpperCase());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: u.id, username: u.username, role: 'agent' });
    expect(res.cookie).toBeTruthy();
    const session = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', u.id).executeTakeFirstOrThrow();
    expect(session.id).toBe(sha256(res.cookie!));
    expect(session.expires_at.toISOString()).toBe('2026-03-15T14:00:00.000Z');
    expect(await auditActions(u.id)).toEqual(['auth.login']);
  });

  it('answers an unknown username exactly like a wrong password', async () => {
    const u = await t.factories.user('agent');
    const wrong = await attempt(u.username, 'not-the-password');
    const unknown = await attempt('nobody-by-this-name');
    expect([wrong.status, wrong.code]).toEqual([401, 'LOGIN_FAILED']);
    expect([unknown.status, unknown.code]).toEqual([401, 'LOGIN_FAILED']);
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });
});

describe('lockout after repeated failures', () => {
  it(`locks for ${LOCKOUT_MINUTES} minutes on the ${MAX_FAILED_LOGINS}th failure, then lets the right password in`, async () => {
    const u = await t.factories.user('agent');
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect((await attempt(u.username, `wrong-${i}`)).code).toBe('LOGIN_FAILED');
    }
    const fifth = await attempt(u.username, 'wrong-5');
    expect([fifth.status, fifth.code]).toEqual([423, 'ACCOUNT_LOCKED']);
    expect(fifth.body.detail).toContain('2026-03-15T02:15:00.000Z');
    // The right password does not get in while locked.
    expect((await attempt(u.username)).code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(LOCKOUT_MINUTES * 60_000 - 1000);
    expect((await attempt(u.username)).code).toBe('ACCOUNT_LOCKED');
    t.clock.advance(1000);
    const after = await attempt(u.username);
    expect(after.status).toBe(200);
    const row = await t.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
    expect(await auditActions(u.id)).toEqual([
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.lockout',
      'auth.login',
    ]);
  });

  it('starts counting again after a successful login', async () => {
    const u = await t.factories.user('agent');
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) await attempt(u.username, 'wrong');
    expect((await attempt(u.username)).status).toBe(200);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) {
      expect((await attempt(u.username, 'wrong')).code).toBe('LOGIN_FAILED');
    }
    expect((await attempt(u.username)).status).toBe(200);
  });

  it('gives a fresh count of failures after a lockout has run out', async () => {
    const u = await t.factories.user('agent');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt(u.username, 'wrong');
    t.clock.advance(LOCKOUT_MINUTES * 60_000);
    // One failure after the lockout is the first of a new count, not a new lockout.
    expect((await attempt(u.username, 'wrong')).code).toBe('LOGIN_FAILED');
    expect((await attempt(u.username)).status).toBe(200);
  });
});

describe('disabled accounts and sessions', () => {
  it('refuses a disabled user with the right password (403) without revealing it to a wrong one', async () => {
    const u = await t.factories.user('agent');
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', u.id).execute();
    const res = await attempt(u.username);
    expect([res.status, res.code]).toEqual([403, 'ACCOUNT_DISABLED']);
    expect(res.cookie).toBeNull();
    expect((await attempt(u.username, 'wrong')).code).toBe('LOGIN_FAILED');
    const sessions = await t.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute();
    expect(sessions).toHaveLength(0);
  });

  it('ends a session when its user is disabled', async () => {
    const u = await t.factories.user('agent');
    const caller: Caller = { userId: u.id, cookie: (await attempt(u.username)).cookie!, role: 'agent' };
    expect((await t.get('/api/v1/auth/me', caller)).statusCode).toBe(200);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', u.id).execute();
    expect((await t.get('/api/v1/auth/me', caller)).statusCode).toBe(401);
  });

  it('invalidates the session on logout', async () => {
    const u = await t.factories.user('agent');
    const caller: Caller = { userId: u.id, cookie: (await attempt(u.username)).cookie!, role: 'agent' };
    expect((await t.get('/api/v1/auth/me', caller)).statusCode).toBe(200);
    const out = await t.post('/api/v1/auth/logout', caller);
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    const me = await t.get('/api/v1/auth/me', caller);
    expect([me.statusCode, me.data.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(await t.db.selectFrom('sessions').select('id').where('user_id', '=', u.id).execute()).toHaveLength(0);
    // The same cookie cannot log out again or reach anything else.
    expect((await t.post('/api/v1/auth/logout', caller)).statusCode).toBe(401);
  });

  it('expires a session after its lifetime', async () => {
    const u = await t.factories.user('agent');
    const caller: Caller = { userId: u.id, cookie: (await attempt(u.username)).cookie!, role: 'agent' };
    t.clock.advance(12 * 3_600_000 - 1000);
    expect((await t.get('/api/v1/auth/me', caller)).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await t.get('/api/v1/auth/me', caller)).statusCode).toBe(401);
  });
});
