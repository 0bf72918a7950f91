import type { regionCreate, regionUpdate } from '@aftercare/contracts';
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
import { codeTakenInBrand, visibleBrand } from '../network/lookups.ts';
import { canManageBrand } from '../network/scope.ts';
import { RegionErrors } from './regions.errors.ts';
import { findRegion, nonProvinces } from './regions.repository.ts';

const unique = <T>(xs: T[]) => [...new Set(xs)];

async function checkProvinces(trx: Transaction<DB>, codes: string[]) {
  const bad = await nonProvinces(trx, codes);
  if (bad.length) throw new AppError(RegionErrors.REGION_PROVINCE_UNKNOWN, { codes: bad.join(', ') }, { codes: bad });
}

/** Creates a region inside the caller's transaction (used by the importer for many rows at once). */
export async function createRegionTx(
  trx: Transaction<DB>,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  input: z.infer<typeof regionCreate>,
): Promise<{ id: string }> {
  const brand = await visibleBrand(trx, scope, input.brandId);
  if (!brand) throw new AppError(RegionErrors.REGION_BRAND_UNKNOWN, { brandId: input.brandId });
  if (!canManageBrand(scope, brand.id)) throw new AppError(CommonErrors.FORBIDDEN);
  const provinceCodes = unique(input.provinceCodes);
  await checkProvinces(trx, provinceCodes);
  if (await codeTakenInBrand(trx, 'regions', brand.id, input.code)) {
    throw new AppError(RegionErrors.REGION_CODE_TAKEN, { code: input.code });
  }
  const now = clock.now();
  const id = newId();
  const row = await trx
    .insertInto('regions')
    .values({
      id,
      brand_id: brand.id,
      code: input.code,
      name: input.name,
      province_codes: provinceCodes,
      manager_name: input.managerName ?? null,
      phone: input.phone ?? null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, clock, actor, {
    action: 'region.create',
    entity: 'region',
    entityId: id,
    brandId: brand.id,
    after: row,
  });
  await emitEvent(trx, clock, { type: 'region.created', aggregateType: 'region', aggregateId: id, brandId: brand.id });
  return { id };
}

/** Edits (or deactivates, status inactive) a region inside the caller's transaction. */
export async function updateRegionTx(
  trx: Transaction<DB>,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof regionUpdate>,
): Promise<{ id: string }> {
  const before = await findRegion(trx, scope, id, { forUpdate: true });
  if (!before) throw new AppError(CommonErrors.NOT_FOUND);
  if (!canManageBrand(scope, before.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
  const provinceCodes = input.provinceCodes && unique(input.provinceCodes);
  if (provinceCodes) await checkProvinces(trx, provinceCodes);
  const row = await trx
    .updateTable('regions')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(provinceCodes !== undefined && { province_codes: provinceCodes }),
      ...(input.managerName !== undefined && { manager_name: input.managerName }),
      ...(input.phone !== undefined && { phone: input.phone }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: clock.now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const deactivated = before.status === 'active' && row.status === 'inactive';
  await writeAudit(trx, clock, actor, {
    action: deactivated ? 'region.deactivate' : 'region.update',
    entity: 'region',
    entityId: id,
    brandId: row.brand_id,
    before,
    after: row,
  });
  await emitEvent(trx, clock, {
    type: 'region.updated',
    aggregateType: 'region',
    aggregateId: id,
    brandId: row.brand_id,
    payload: { status: row.status },
  });
  return { id };
}

export async function createRegion(deps: CommandDeps, actor: Actor, scope: Scope, input: z.infer<typeof regionCreate>) {
  return onUniqueViolation(
    () =>
      deps.db.transaction().execute(async (trx) => {
        const { id } = await createRegionTx(trx, deps.clock, actor, scope, input);
        return (await findRegion(trx, scope, id))!;
      }),
    () => new AppError(RegionErrors.REGION_CODE_TAKEN, { code: input.code }),
  );
}

export async function updateRegion(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof regionUpdate>,
) {
  return deps.db.transaction().execute(async (trx) => {
    await updateRegionTx(trx, deps.clock, actor, scope, id, input);
    return (await findRegion(trx, scope, id))!;
  });
}
