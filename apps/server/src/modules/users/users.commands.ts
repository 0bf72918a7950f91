import type { userCreate, userUpdate } from '@aftercare/contracts';
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { UsersTable } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { AuthErrors } from '../auth/auth.errors.ts';
import { hashPassword } from '../auth/passwords.ts';
import { canManageUser, validateUserScope } from './user-scope.ts';
import { UserErrors } from './users.errors.ts';
import { findUser, loadUser, type UserRow } from './users.repository.ts';

const normalizePhone = (phone: string) => phone.replace(/[\s-]/g, '');

/** What the audit log keeps of a user: everything but secrets and login counters. */
function auditView(row: UserRow) {
  const { failed_logins: _f, last_login_at: _l, ...rest } = row;
  return rest;
}

export async function createUser(deps: CommandDeps, actor: Actor, scope: Scope, input: z.infer<typeof userCreate>) {
  // Hash before the transaction: argon2 takes tens of milliseconds.
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction().execute(async (trx) => {
    const columns = await validateUserScope(trx, scope, input);
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
      .executeTakeFirst();
    if (taken) throw new AppError(AuthErrors.USERNAME_TAKEN);
    if (columns.technician_id) {
      const login = await trx
        .selectFrom('users')
        .select('id')
        .where('technician_id', '=', columns.technician_id)
        .executeTakeFirst();
      if (login) throw new AppError(UserErrors.USER_TECHNICIAN_TAKEN);
    }
    const id = newId();
    const now = deps.clock.now();
    await trx
      .insertInto('users')
      .values({
        id,
        username: input.username,
        display_name: input.displayName,
        password_hash: passwordHash,
        role: input.role,
        ...columns,
        phone: input.phone ? normalizePhone(input.phone) : null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const row = await loadUser(trx, id);
    await writeAudit(trx, deps.clock, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      brandId: columns.brand_ids[0] ?? null,
      outletId: columns.outlet_id,
      after: auditView(row),
    });
    await emitEvent(trx, deps.clock, {
      type: 'user.created',
      aggregateType: 'user',
      aggregateId: id,
      brandId: columns.brand_ids[0] ?? null,
      outletId: columns.outlet_id,
      payload: { role: input.role },
    });
    return row;
  });
}

/** Display name, phone, password reset, disable/enable and unlock. Scope and role do not change here. */
export async function updateUser(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof userUpdate>,
  /** The user making the change (an API key acts as its owner). */
  callerId: string,
) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.transaction().execute(async (trx) => {
    const before = await findUser(trx, scope, id, { forUpdate: true });
    if (!before) throw new AppError(CommonErrors.NOT_FOUND);
    if (!canManageUser(scope, before)) throw new AppError(CommonErrors.FORBIDDEN);
    if (input.status === 'disabled' && id === callerId) throw new AppError(UserErrors.USER_SELF_DISABLE);
    const set: Updateable<UsersTable> = { updated_at: deps.clock.now() };
    if (input.displayName !== undefined) set.display_name = input.displayName;
    if (input.phone !== undefined) set.phone = input.phone ? normalizePhone(input.phone) : null;
    if (input.status !== undefined) set.status = input.status;
    if (passwordHash) set.password_hash = passwordHash;
    if (input.unlock) Object.assign(set, { failed_logins: 0, locked_until: null });
    await trx.updateTable('users').set(set).where('id', '=', id).execute();
    // A reset password or a disabled account ends the user's sessions (not the caller's own).
    if ((passwordHash || input.status === 'disabled') && id !== callerId) {
      await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    }
    const after = await loadUser(trx, id);
    const disabled = input.status !== undefined && input.status !== before.status;
    const action = disabled
      ? input.status === 'disabled'
        ? 'user.disable'
        : 'user.enable'
      : passwordHash
        ? 'user.password_reset'
        : input.unlock
          ? 'user.unlock'
          : 'user.update';
    await writeAudit(trx, deps.clock, actor, {
      action,
      entity: 'user',
      entityId: id,
      brandId: before.brand_ids[0] ?? null,
      outletId: before.outlet_id,
      before: auditView(before),
      after: {
        ...auditView(after),
        ...(passwordHash && { passwordReset: true }),
        ...(input.unlock && { unlocked: true }),
      },
    });
    await emitEvent(trx, deps.clock, {
      type: 'user.updated',
      aggregateType: 'user',
      aggregateId: id,
      brandId: before.brand_ids[0] ?? null,
      outletId: before.outlet_id,
      payload: { action },
    });
    return after;
  });
}
