import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { capabilitiesFor, type Principal, scopeFor } from '../access/principal.ts';
import type { AccessRule } from '../access/rules.ts';
import type { AppContext } from '../context.ts';
import { AppError, CommonErrors } from '../errors.ts';

export const SESSION_COOKIE = 'aftercare_session';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const userColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.brand_ids',
  'users.region_ids',
  'users.outlet_id',
  'users.technician_id',
  'users.customer_id',
  'users.locale',
  'users.status',
] as const;

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: string;
  brand_ids: string[];
  region_ids: string[];
  outlet_id: string | null;
  technician_id: string | null;
  customer_id: string | null;
  locale: string;
  status: string;
};

function principalOf(row: UserRow, via: Principal['via'], apiKeyId: string | null): Principal {
  return {
    via,
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Principal['role'],
    capabilities: capabilitiesFor(row.role),
    scope: scopeFor(row),
    apiKeyId,
    locale: row.locale,
  };
}

function apiKeyFrom(req: FastifyRequest): string | null {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return null;
}

/** Resolves the caller from the session cookie or an API key; null when anonymous. */
export async function resolvePrincipal(ctx: AppContext, req: FastifyRequest): Promise<Principal | null> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const key = apiKeyFrom(req);
  if (key) {
    const prefix = key.slice(0, 12);
    const row = await db
      .selectFrom('api_keys')
      .innerJoin('users', 'users.id', 'api_keys.user_id')
      .select([...userColumns, 'api_keys.id as key_id', 'api_keys.key_hash', 'api_keys.revoked_at'])
      .where('api_keys.prefix', '=', prefix)
      .executeTakeFirst();
    if (!row || row.revoked_at || row.status !== 'active' || row.key_hash !== sha256(key)) return null;
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.key_id).execute();
    return principalOf(row, 'api_key', row.key_id);
  }
  const token = req.cookies?.[SESSION_COOKIE];
  return token ? sessionPrincipal(ctx, token) : null;
}

/** The user behind a session token, while the session lasts and the user is active. */
export async function sessionPrincipal(ctx: AppContext, token: string): Promise<Principal | null> {
  const { db } = ctx;
  const now = ctx.clock.now();
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([...userColumns, 'sessions.id as session_id', 'sessions.expires_at', 'sessions.last_seen_at'])
    .where('sessions.id', '=', sha256(token))
    .executeTakeFirst();
  if (row?.status !== 'active' || row.expires_at <= now) return null;
  if (now.getTime() - row.last_seen_at.getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', row.session_id).execute();
  }
  return principalOf(row, 'session', null);
}

/** onRequest hook: authenticate, then check the route's access rule. Data scope is checked in commands. */
export function accessHook(ctx: AppContext) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const rule = req.routeOptions.config?.access as AccessRule | undefined;
    if (!rule) return; // not an /api/v1 route (static files, docs); onRoute guarantees /api/v1 routes have one
    req.principal = await resolvePrincipal(ctx, req);
    if ('public' in rule) return;
    if (!req.principal) throw new AppError(CommonErrors.UNAUTHENTICATED);
    if ('cap' in rule && !req.principal.capabilities.has(rule.cap)) throw new AppError(CommonErrors.FORBIDDEN);
  };
}
