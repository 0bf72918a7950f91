import { DEMO_PASSWORD } from '../../apps/server/src/modules/demo/demo-users.ts';

/** Logs in through the real route and returns the `name=value` of the session cookie. */
export async function loginCookie(base: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('aftercare_session='));
  if (!cookie) throw new Error('login answered without a session cookie');
  return cookie.split(';')[0]!;
}
