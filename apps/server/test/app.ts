import type { Role } from '@aftercare/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/config/env.ts';
import { registerRoutes } from '../src/modules/index.ts';
import { PackStore } from '../src/modules/policies/index.ts';
import { ManualClock } from '../src/platform/clock.ts';
import type { AppContext } from '../src/platform/context.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { SESSION_COOKIE } from '../src/platform/http/auth-hook.ts';
import { createLogger } from '../src/platform/logger.ts';
import { Factories } from './factories.ts';
import { openTestDatabase } from './template.ts';

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export interface Caller {
  userId: string;
  cookie: string;
  role: Role;
}

type InjectOpts = {
  headers?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
};

/** A real app on a fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL) and a manual clock. */
export async function createTestApp(opts: { now?: string; demo?: boolean } = {}) {
  const handle = await openTestDatabase();
  const clock = new ManualClock(opts.now ?? '2026-03-15T02:00:00Z');
  const config = loadConfig({ AFTERCARE_DEMO: opts.demo ? 'true' : 'false', LOG_LEVEL: 'silent' });
  const ctx: AppContext = { config, handle, db: handle.db, clock, packs: new PackStore(handle.db, clock) };
  // Only unhandled errors (500s) are logged, so a failing test shows the cause.
  const app = await buildApp(ctx, { logger: createLogger('error'), routes: registerRoutes, webDistDir: null });
  const factories = new Factories(ctx);

  async function request(
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    caller: Caller | null,
    o: InjectOpts = {},
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely
  ): Promise<LightMyRequestResponse & { data: any }> {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (caller) headers.cookie = `${SESSION_COOKIE}=${caller.cookie}`;
    const res = await app.inject({
      method,
      url,
      headers,
      ...(o.query ? { query: o.query } : {}),
      ...(o.body !== undefined ? { payload: o.body as object } : {}),
    });
    let data: unknown = null;
    try {
      data = res.body ? JSON.parse(res.body) : null;
    } catch {
      data = res.body;
    }
    return Object.assign(res, { data });
  }

  /** Logs in through the real route and returns the session cookie. */
  async function login(username: string, password = Factories.PASSWORD): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error('no session cookie');
    return cookie.value;
  }

  /** Creates a user with the role and scope and logs in as them. */
  async function as(role: Role, scope: Parameters<Factories['user']>[1] = {}): Promise<Caller> {
    const user = await factories.user(role, scope);
    return { userId: user.id, cookie: await login(user.username), role };
  }

  /** Rows in a table: how a test checks that a refused request wrote nothing. */
  async function count(table: keyof DB): Promise<number> {
    const row = await handle.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    app,
    ctx,
    clock,
    db: handle.db,
    factories,
    request,
    get: (url: string, caller: Caller | null, o?: InjectOpts) => request('GET', url, caller, o),
    post: (url: string, caller: Caller | null, body?: unknown, o?: InjectOpts) =>
      request('POST', url, caller, { ...o, body }),
    patch: (url: string, caller: Caller | null, body?: unknown, o?: InjectOpts) =>
      request('PATCH', url, caller, { ...o, body }),
    login,
    as,
    count,
    async close() {
      await app.close();
      await handle.drop();
    },
  };
}
