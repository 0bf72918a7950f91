import { randomBytes } from 'node:crypto';
import type { Actor, Principal } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { sha256 } from '../../platform/http/auth-hook.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { ApiKeyErrors } from './api-keys.errors.ts';
import { findOwnKey } from './api-keys.repository.ts';

export const MAX_ACTIVE_KEYS = 20;
/** The auth hook looks a key up by its first 12 characters, then compares the sha256 of the whole. */
export const PREFIX_LENGTH = 12;

/** `ak_` + 40 base64url characters (240 random bits). */
export function generateKey(): string {
  return `ak_${randomBytes(30).toString('base64url')}`;
}

/**
 * Creates a key for the caller; it acts with the caller's role and scope. The secret is returned once
 * and only its sha256 is kept. A key cannot mint keys, so a leaked key cannot outlive its revocation.
 */
export async function createApiKey(deps: CommandDeps, actor: Actor, principal: Principal, name: string) {
  if (principal.via === 'api_key') throw new AppError(ApiKeyErrors.API_KEY_SESSION_REQUIRED);
  return deps.db.transaction().execute(async (trx) => {
    // Serialises concurrent creations by one user, so the limit holds.
    await trx.selectFrom('users').select('id').where('id', '=', principal.userId).forUpdate().execute();
    const active = await trx
      .selectFrom('api_keys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', principal.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(active.n) >= MAX_ACTIVE_KEYS) throw new AppError(ApiKeyErrors.API_KEY_LIMIT, { max: MAX_ACTIVE_KEYS });
    let key = generateKey();
    // 54 random bits in the prefix: a clash is all but impossible, but the column is unique.
    while (
      await trx.selectFrom('api_keys').select('id').where('prefix', '=', key.slice(0, PREFIX_LENGTH)).executeTakeFirst()
    ) {
      key = generateKey();
    }
    const id = newId();
    const prefix = key.slice(0, PREFIX_LENGTH);
    await trx
      .insertInto('api_keys')
      .values({ id, name, prefix, key_hash: sha256(key), user_id: principal.userId, created_at: deps.clock.now() })
      .execute();
    await writeAudit(trx, deps.clock, actor, {
      action: 'api_key.create',
      entity: 'api_key',
      entityId: id,
      after: { name, prefix, userId: principal.userId },
    });
    await emitEvent(trx, deps.clock, { type: 'api_key.created', aggregateType: 'api_key', aggregateId: id });
    return { row: (await findOwnKey(trx, principal.userId, id))!, key };
  });
}

/** Revokes one of the caller's keys; revoking a revoked key changes nothing. */
export async function revokeApiKey(deps: CommandDeps, actor: Actor, userId: string, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await findOwnKey(trx, userId, id, { forUpdate: true });
    if (!before) throw new AppError(CommonErrors.NOT_FOUND);
    if (before.revoked_at) return before;
    await trx.updateTable('api_keys').set({ revoked_at: deps.clock.now() }).where('id', '=', id).execute();
    const after = (await findOwnKey(trx, userId, id))!;
    await writeAudit(trx, deps.clock, actor, {
      action: 'api_key.revoke',
      entity: 'api_key',
      entityId: id,
      before,
      after,
    });
    await emitEvent(trx, deps.clock, { type: 'api_key.revoked', aggregateType: 'api_key', aggregateId: id });
    return after;
  });
}
