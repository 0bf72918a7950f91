import type { brandCreate, brandUpdate } from '@aftercare/contracts';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { canManageBrand } from '../network/scope.ts';
import { BrandErrors } from './brands.errors.ts';
import { categoriesOf, findBrand } from './brands.repository.ts';

export async function createBrand(deps: CommandDeps, actor: Actor, scope: Scope, input: z.infer<typeof brandCreate>) {
  if (scope.kind !== 'all') throw new AppError(BrandErrors.BRAND_CREATE_FORBIDDEN);
  return deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('brands').select('id').where('code', '=', input.code).executeTakeFirst();
    if (taken) throw new AppError(BrandErrors.BRAND_CODE_TAKEN, { code: input.code });
    const now = deps.clock.now();
    const id = newId();
    const row = await trx
      .insertInto('brands')
      .values({
        id,
        code: input.code,
        name: input.name,
        name_en: input.nameEn ?? null,
        hotlines: input.hotlines,
        logo_url: input.logoUrl ?? null,
        policy_pack: input.policyPack ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.categories.length) {
      await trx
        .insertInto('brand_categories')
        .values(input.categories.map((c) => ({ brand_id: id, code: c.code, name: c.name, name_en: c.nameEn ?? null })))
        .execute();
    }
    await writeAudit(trx, deps.clock, actor, {
      action: 'brand.create',
      entity: 'brand',
      entityId: id,
      brandId: id,
      after: input,
    });
    await emitEvent(trx, deps.clock, { type: 'brand.created', aggregateType: 'brand', aggregateId: id, brandId: id });
    return { row, categories: await categoriesOf(trx, [id]) };
  });
}

export async function updateBrand(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  id: string,
  input: z.infer<typeof brandUpdate>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await findBrand(trx, scope, id);
    if (!before) throw new AppError(CommonErrors.NOT_FOUND);
    if (!canManageBrand(scope, id)) throw new AppError(CommonErrors.FORBIDDEN);
    const beforeCategories = await categoriesOf(trx, [id]);
    const row = await trx
      .updateTable('brands')
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.nameEn !== undefined && { name_en: input.nameEn }),
        ...(input.hotlines !== undefined && { hotlines: input.hotlines }),
        ...(input.logoUrl !== undefined && { logo_url: input.logoUrl }),
        ...(input.policyPack !== undefined && { policy_pack: input.policyPack }),
        ...(input.status !== undefined && { status: input.status }),
        updated_at: deps.clock.now(),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (input.categories) {
      await trx.deleteFrom('brand_categories').where('brand_id', '=', id).execute();
      if (input.categories.length) {
        await trx
          .insertInto('brand_categories')
          .values(
            input.categories.map((c) => ({ brand_id: id, code: c.code, name: c.name, name_en: c.nameEn ?? null })),
          )
          .execute();
      }
    }
    const categories = await categoriesOf(trx, [id]);
    await writeAudit(trx, deps.clock, actor, {
      action: input.status === 'inactive' ? 'brand.deactivate' : 'brand.update',
      entity: 'brand',
      entityId: id,
      brandId: id,
      before: { ...before, categories: beforeCategories },
      after: { ...row, categories },
    });
    await emitEvent(trx, deps.clock, { type: 'brand.updated', aggregateType: 'brand', aggregateId: id, brandId: id });
    return { row, categories };
  });
}
