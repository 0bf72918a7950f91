import { randomBytes } from 'node:crypto';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { sha256 } from '../../platform/http/auth-hook.ts';
import { AuthErrors } from './auth.errors.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export interface LoginInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  sessionTtlHours: number;
}

/**
 * Checks the password, counts failures and locks the account after MAX_FAILED_LOGINS for
 * LOCKOUT_MINUTES. Returns a new session token (only its hash is stored).
 */
export async function login(
  db: Database,
  clock: Clock,
  input: LoginInput,
): Promise<{ token: string; userId: string; expiresAt: Date }> {
  const now = clock.now();
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'status', 'failed_logins', 'locked_until'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
    .executeTakeFirst();
  if (!user) {
    await verifyAgainstDummy(input.password);
    throw new AppError(AuthErrors.LOGIN_FAILED);
  }
  if (user.locked_until && user.locked_until > now) {
    throw new AppError(AuthErrors.ACCOUNT_LOCKED, { until: user.locked_until.toISOString() });
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  const actor = { type: 'user' as const, id: user.id, name: user.username, requestId: input.requestId };
  if (!ok) {
    const failures = (user.locked_until && user.locked_until <= now ? 0 : user.failed_logins) + 1;
    const lockedUntil = failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
    await db.transaction().execute(async (trx) => {
      await trx
        .updateTable('users')
        .set({ failed_logins: lockedUntil ? 0 : failures, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await writeAudit(trx, clock, actor, {
        action: lockedUntil ? 'auth.lockout' : 'auth.login_failed',
        entity: 'user',
        entityId: user.id,
        after: { failures, ip: input.ip },
      });
    });
    if (lockedUntil) throw new AppError(AuthErrors.ACCOUNT_LOCKED, { until: lockedUntil.toISOString() });
    throw new AppError(AuthErrors.LOGIN_FAILED);
  }
  if (user.status !== 'active') throw new AppError(AuthErrors.ACCOUNT_DISABLED);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + input.sessionTtlHours * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now })
      .where('id', '=', user.id)
      .execute();
    await trx
      .insertInto('sessions')
      .values({
        id: sha256(token),
        user_id: user.id,
        created_at: now,
        expires_at: expiresAt,
        last_seen_at: now,
        ip: input.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await writeAudit(trx, clock, actor, {
      action: 'auth.login',
      entity: 'user',
      entityId: user.id,
      after: { ip: input.ip },
    });
  });
  return { token, userId: user.id, expiresAt };
}

export async function logout(db: Database, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
}
