import { sql } from 'kysely';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { auditShape } from './customers.commands.ts';
import { CustomerErrors } from './customers.errors.ts';
import { type CustomerView, customerView, lockCustomers, refreshSearch } from './customers.repository.ts';
import { canWriteCustomers } from './customers.scope.ts';

/**
 * Merges `otherId` into the survivor `id` in one transaction: the other's phones (those the survivor
 * lacks), addresses (those it lacks), installed products and customer logins move to the survivor;
 * the survivor keeps its own fields and takes the other's where it has none, and the union of tags.
 * The other stays as history, status merged with merged_into set (records merged into it earlier are
 * repointed to the survivor). Work orders and contacts will move here too once they exist.
 */
export async function mergeCustomers(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  id: string,
  otherId: string,
): Promise<CustomerView> {
  return deps.db.transaction().execute(async (trx) => {
    const locked = await lockCustomers(trx, scope, [id, otherId]);
    const survivor = locked.find((c) => c.id === id);
    if (!survivor) throw new AppError(CommonErrors.NOT_FOUND);
    if (!canWriteCustomers(scope, survivor.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
    if (otherId === id) throw new AppError(CustomerErrors.CUSTOMER_MERGE_SELF);
    const other = locked.find((c) => c.id === otherId);
    if (!other) throw new AppError(CustomerErrors.CUSTOMER_MERGE_OTHER_UNKNOWN, { otherId });
    if (other.brand_id !== survivor.brand_id) throw new AppError(CustomerErrors.CUSTOMER_MERGE_BRAND_MISMATCH);
    for (const c of [survivor, other]) {
      if (c.status === 'merged') throw new AppError(CustomerErrors.CUSTOMER_MERGED, { id: c.id });
    }
    const before = {
      survivor: auditShape(await customerView(trx, scope, id)),
      other: auditShape(await customerView(trx, scope, otherId)),
    };

    // Phones: drop the other's numbers the survivor already has, move the rest (primary only if the
    // survivor has none).
    await trx
      .deleteFrom('customer_phones as o')
      .where('o.customer_id', '=', otherId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('customer_phones as s')
            .select('s.id')
            .where('s.customer_id', '=', id)
            .whereRef('s.normalized', '=', 'o.normalized'),
        ),
      )
      .execute();
    const phones = await trx
      .updateTable('customer_phones')
      .set({
        customer_id: id,
        is_primary: sql<boolean>`is_primary AND NOT EXISTS (SELECT 1 FROM customer_phones s WHERE s.customer_id = ${id} AND s.is_primary)`,
      })
      .where('customer_id', '=', otherId)
      .executeTakeFirst();
    await trx
      .deleteFrom('customer_addresses as o')
      .where('o.customer_id', '=', otherId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('customer_addresses as s')
            .select('s.id')
            .where('s.customer_id', '=', id)
            .whereRef('s.division_code', '=', 'o.division_code')
            .whereRef('s.detail', '=', 'o.detail'),
        ),
      )
      .execute();
    const addresses = await trx
      .updateTable('customer_addresses')
      .set({
        customer_id: id,
        is_primary: sql<boolean>`is_primary AND NOT EXISTS (SELECT 1 FROM customer_addresses s WHERE s.customer_id = ${id} AND s.is_primary)`,
      })
      .where('customer_id', '=', otherId)
      .executeTakeFirst();
    const products = await trx
      .updateTable('installed_products')
      .set({ customer_id: id, updated_at: deps.clock.now() })
      .where('customer_id', '=', otherId)
      .executeTakeFirst();
    await trx.updateTable('users').set({ customer_id: id }).where('customer_id', '=', otherId).execute();

    const now = deps.clock.now();
    await trx
      .updateTable('customers')
      .set({
        gender: survivor.gender ?? other.gender,
        language: survivor.language ?? other.language,
        birthday: survivor.birthday ?? other.birthday,
        notes: survivor.notes ?? other.notes,
        tags: [...new Set([...survivor.tags, ...other.tags])],
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('customers')
      .set({ merged_into: id, updated_at: now })
      .where('merged_into', '=', otherId)
      .execute();
    await trx
      .updateTable('customers')
      .set({ status: 'merged', merged_into: id, updated_at: now })
      .where('id', '=', otherId)
      .execute();
    await refreshSearch(trx, id);
    await refreshSearch(trx, otherId);

    const view = (await customerView(trx, scope, id))!;
    const moved = {
      phones: Number(phones.numUpdatedRows),
      addresses: Number(addresses.numUpdatedRows),
      products: Number(products.numUpdatedRows),
    };
    await writeAudit(trx, deps.clock, actor, {
      action: 'customer.merge',
      entity: 'customer',
      entityId: id,
      brandId: survivor.brand_id,
      before,
      after: { survivor: auditShape(view), mergedId: otherId, moved },
    });
    await writeAudit(trx, deps.clock, actor, {
      action: 'customer.merged_into',
      entity: 'customer',
      entityId: otherId,
      brandId: survivor.brand_id,
      before: before.other,
      after: { status: 'merged', mergedInto: id },
    });
    await emitEvent(trx, deps.clock, {
      type: 'customer.merged',
      aggregateType: 'customer',
      aggregateId: id,
      brandId: survivor.brand_id,
      payload: { survivorId: id, mergedId: otherId, moved },
    });
    return view;
  });
}
