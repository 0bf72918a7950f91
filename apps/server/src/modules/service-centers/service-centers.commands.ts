import type { serviceCenterCreate, serviceCenterUpdate } from '@aftercare/contracts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { onUniqueViolation } from '../../platform/db/unique.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { codeTakenInBrand, visibleRegion } from '../network/lookups.ts';
import { canManageBrand } from '../network/scope.ts';
import { ServiceCenterErrors } from './service-centers.errors.ts';
import { divisionExists, findServiceCenter } from './service-centers.repository.ts';

async function checkDivision(trx: Transaction<DB>, code: string | null | undefined) {
  if (code && !(await divisionExists(trx, code))) {
    throw new AppError(ServiceCenterErrors.SERVICE_CENTER_DIVISION_UNKNOWN, { code });
  }
}

/**
 * Creates a service management center inside the caller's transaction (used by the importer). The
 * brand is the region's.
 */
export async function createServiceCenterTx(
  trx: Transaction<DB>,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof serviceCenterCreate>,
): Promise<{ id: string }> {
  const region = await visibleRegion(trx, scope, input.regionId);
  if (!region) throw new AppError(ServiceCenterErrors.SERVICE_CENTER_REGION_UNKNOWN, { regionId: input.regionId });
  if (!canManageBrand(scope, region.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
  if (region.status !== 'active') {
    throw new AppError(ServiceCenterErrors.SERVICE_CENTER_REGION_INACTIVE, { regionId: region.id });
  }
  await checkDivision(trx, input.divisionCode);
  if (await codeTakenInBrand(trx, 'service_centers', region.brand_id, input.code)) {
    throw new AppError(ServiceCenterErrors.SERVICE_CENTER_CODE_TAKEN, { code: input.code });
  }
  const now = clock.now();
  const id = newId();
  const row = await trx
    .insertInto('service_centers')
    .values({
      id,
      brand_id: region.brand_id,
      region_id: region.id,
      code: input.code,
      name: input.name,
      division_code: input.divisionCode ?? null,
      address: input.address ?? null,
      phone: input.phone ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, clock, actor, {
    action: 'service_center.create',
    entity: 'service_center',
    entityId: id,
    brandId: row.brand_id,
    after: row,
  });
  await emitEvent(trx, clock, {
    type: 'service_center.created',
    aggregateType: 'service_center',
    aggregateId: id,
    brandId: row.brand_id,
    payload: { regionId: row.region_id },
  });
  return { id };
}

/** Edits (or deactivates, status inactive) a service center inside the caller's transaction. */
export async function updateServiceCenterTx(
  trx: Transaction<DB>,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof serviceCenterUpdate>,
): Promise<{ id: string }> {
  const before = await findServiceCenter(trx, scope, id, { forUpdate: true });
  if (!before) throw new AppError(CommonErrors.NOT_FOUND);
  if (!canManageBrand(scope, before.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
  await checkDivision(trx, input.divisionCode);
  const row = await trx
    .updateTable('service_centers')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.divisionCode !== undefined && { division_code: input.divisionCode }),
      ...(input.address !== undefined && { address: input.address }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: clock.now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const deactivated = before.status === 'active' && row.status === 'inactive';
  await writeAudit(trx, clock, actor, {
    action: deactivated ? 'service_center.deactivate' : 'service_center.update',
    entity: 'service_center',
    entityId: id,
    brandId: row.brand_id,
    before,
    after: row,
  });
  await emitEvent(trx, clock, {
    type: 'service_center.updated',
    aggregateType: 'service_center',
    aggregateId: id,
    brandId: row.brand_id,
    payload: { status: row.status },
  });
  return { id };
}

export async function createServiceCenter(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof serviceCenterCreate>,
) {
  return onUniqueViolation(
    () =>
      deps.db.transaction().execute(async (trx) => {
        const { id } = await createServiceCenterTx(trx, deps.clock, actor, scope, input);
        return (await findServiceCenter(trx, scope, id))!;
      }),
    () => new AppError(ServiceCenterErrors.SERVICE_CENTER_CODE_TAKEN, { code: input.code }),
  );
}

export async function updateServiceCenter(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof serviceCenterUpdate>,
) {
  return deps.db.transaction().execute(async (trx) => {
    await updateServiceCenterTx(trx, deps.clock, actor, scope, id, input);
    return (await findServiceCenter(trx, scope, id))!;
  });
}
