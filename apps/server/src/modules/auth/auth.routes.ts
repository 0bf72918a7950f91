import { demoLogins, loginRequest, me, okResponse } from '@aftercare/contracts';
import type { Principal } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { SESSION_COOKIE, sessionPrincipal } from '../../platform/http/auth-hook.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../demo/demo-users.ts';
import { login, logout } from './login.ts';

export function presentMe(p: Principal) {
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    role: p.role,
    capabilities: [...p.capabilities],
    scope: p.scope,
    locale: p.locale,
  };
}

export function authRoutes(app: TypedApp, ctx: AppContext) {
  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: loginRequest, response: { 200: me } },
      config: {
        access: { public: true },
        // Per-address throttle on top of the per-account lockout.
        rateLimit: { max: 30, timeWindow: '1 minute' },
      },
    },
    async (req, reply) => {
      const { token, expiresAt } = await login(ctx.db, ctx.clock, {
        username: req.body.username,
        password: req.body.password,
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
        requestId: String(req.id),
        sessionTtlHours: ctx.config.sessionTtlHours,
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.cookieSecure,
        expires: expiresAt,
      });
      const principal = await sessionPrincipal(ctx, token);
      if (!principal) throw new AppError(CommonErrors.UNAUTHENTICATED);
      return presentMe(principal);
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], response: { 200: okResponse } }, config: { access: { authenticated: true } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags: ['auth'], response: { 200: me } }, config: { access: { authenticated: true } } },
    async (req) => presentMe(req.principal!),
  );

  app.get(
    '/auth/demo-logins',
    { schema: { tags: ['auth'], response: { 200: demoLogins } }, config: { access: { public: true } } },
    async () => {
      if (!ctx.config.demo) return { demo: false, users: [] };
      const existing = await ctx.db
        .selectFrom('users')
        .select('username')
        .where(
          'username',
          'in',
          DEMO_USERS.map((u) => u.username),
        )
        .execute();
      const have = new Set(existing.map((r) => r.username));
      return {
        demo: true,
        users: DEMO_USERS.filter((u) => have.has(u.username)).map((u) => ({ ...u, password: DEMO_PASSWORD })),
      };
    },
  );
}
