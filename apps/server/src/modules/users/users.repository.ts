import type { Role } from '@aftercare/contracts';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import { likePattern } from '../../platform/db/like.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { outletFilter } from '../network/scope.ts';

function uuidArray(ids: string[]) {
  return ids.length ? sql`ARRAY[${sql.join(ids)}]::uuid[]` : sql`'{}'::uuid[]`;
}

/**
 * Users a scope may see: brand scopes the users of their brands and of outlets linked to them; region
 * scopes those of their regions and outlets placed in them; an outlet manager their outlet's users.
 * Platform administrators are visible only to the platform scope.
 */
export function userFilter(scope: Scope): Expression<SqlBool> {
  const outletUsers = outletFilter(scope, sql.ref('users.outlet_id'));
  const notPlatform = sql<SqlBool>`users.role <> 'platform_admin'`;
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`true`;
    case 'brand':
      return sql<SqlBool>`${notPlatform} AND (users.brand_ids && ${uuidArray(scope.brandIds)} OR ${outletUsers})`;
    case 'region':
      return sql<SqlBool>`${notPlatform} AND (users.region_ids && ${uuidArray(scope.regionIds)} OR ${outletUsers})`;
    case 'outlet':
      return scope.outletId
        ? sql<SqlBool>`${notPlatform} AND users.outlet_id = ${scope.outletId}`
        : sql<SqlBool>`false`;
    default:
      return sql<SqlBool>`false`;
  }
}

// Never the password hash.
const columns = [
  'id',
  'username',
  'display_name',
  'role',
  'brand_ids',
  'region_ids',
  'outlet_id',
  'technician_id',
  'customer_id',
  'phone',
  'locale',
  'status',
  'failed_logins',
  'locked_until',
  'last_login_at',
  'created_at',
  'updated_at',
] as const;

export type UserRow = Awaited<ReturnType<typeof findUser>> & {};

export async function findUser(db: Tx, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = db.selectFrom('users').select(columns).where('id', '=', id).where(userFilter(scope));
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Unscoped, for a command that has just written the row and checked the scope itself. */
export async function loadUser(db: Tx, id: string) {
  return db.selectFrom('users').select(columns).where('id', '=', id).executeTakeFirstOrThrow();
}

export interface UserListQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  role?: Role | undefined;
  outletId?: string | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export async function listUsers(db: Tx, scope: Scope, q: UserListQuery) {
  let base = db.selectFrom('users').where(userFilter(scope));
  if (q.q) {
    // Narrowed by scope first; a brand's staff logins number in the thousands, so a scan is fine.
    const like = likePattern(q.q);
    base = base.where((eb) => eb.or([eb('username', 'ilike', like), eb('display_name', 'ilike', like)]));
  }
  if (q.role) base = base.where('role', '=', q.role);
  if (q.outletId) base = base.where('outlet_id', '=', q.outletId);
  if (q.status) base = base.where('status', '=', q.status);
  return paginate(base.select(columns).orderBy('username'), base, q);
}
