import type { modelCreate, modelUpdate, partCreate, partUpdate } from '@aftercare/contracts';
import { sql, type Transaction } from 'kysely';
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
import { searchTokens } from '../../platform/text-search.ts';
import { visibleBrand } from '../network/lookups.ts';
import { canManageBrand } from '../network/scope.ts';
import { CatalogErrors } from './catalog.errors.ts';
import {
  brandHasCategory,
  catalogCodeTaken,
  findModel,
  findPart,
  foreignModels,
  modelIdsOf,
} from './catalog.repository.ts';

type Trx = Transaction<DB>;
export type ModelCreateInput = z.infer<typeof modelCreate>;
export type ModelUpdateInput = z.infer<typeof modelUpdate>;
export type PartCreateInput = z.infer<typeof partCreate>;
export type PartUpdateInput = z.infer<typeof partUpdate>;

const search = (...texts: (string | null | undefined)[]) =>
  sql<string>`to_tsvector('simple', ${searchTokens(...texts)})`;
const unique = <T>(xs: T[]) => [...new Set(xs)];

/** The brand a new record goes under: visible and manageable by the caller, else 422 (never revealed). */
async function manageableBrand(trx: Trx, scope: Scope, brandId: string): Promise<string> {
  const brand = await visibleBrand(trx, scope, brandId);
  if (!brand) throw new AppError(CatalogErrors.CATALOG_BRAND_UNKNOWN, { brandId });
  if (!canManageBrand(scope, brand.id)) throw new AppError(CommonErrors.FORBIDDEN);
  return brand.id;
}

async function checkCategory(trx: Trx, brandId: string, categoryCode: string) {
  if (!(await brandHasCategory(trx, brandId, categoryCode))) {
    throw new AppError(CatalogErrors.CATALOG_CATEGORY_UNKNOWN, { categoryCode });
  }
}

async function checkModels(trx: Trx, brandId: string, ids: string[]) {
  const bad = await foreignModels(trx, brandId, ids);
  if (bad.length) throw new AppError(CatalogErrors.CATALOG_MODEL_UNKNOWN, { ids: bad.join(', ') }, { ids: bad });
}

// ---------- models ----------

/** Creates a model inside the caller's transaction (the importer runs many in one). */
export async function createModelTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  input: ModelCreateInput,
): Promise<{ id: string }> {
  const brandId = await manageableBrand(trx, scope, input.brandId);
  await checkCategory(trx, brandId, input.categoryCode);
  if (await catalogCodeTaken(trx, 'product_models', brandId, input.code)) {
    throw new AppError(CatalogErrors.MODEL_CODE_TAKEN, { code: input.code });
  }
  const now = clock.now();
  const id = newId();
  const row = await trx
    .insertInto('product_models')
    .values({
      id,
      brand_id: brandId,
      category_code: input.categoryCode,
      code: input.code,
      name: input.name,
      name_en: input.nameEn ?? null,
      specs: JSON.stringify(input.specs ?? {}),
      launched_on: input.launchedOn ?? null,
      ...(input.status && { status: input.status }),
      created_at: now,
      updated_at: now,
      search: search(input.name, input.nameEn, input.code),
    })
    .returning(['id', 'brand_id', 'category_code', 'code', 'name', 'name_en', 'specs', 'launched_on', 'status'])
    .executeTakeFirstOrThrow();
  await writeAudit(trx, clock, actor, { action: 'model.create', entity: 'model', entityId: id, brandId, after: row });
  await emitEvent(trx, clock, { type: 'model.created', aggregateType: 'model', aggregateId: id, brandId });
  return { id };
}

/** Edits (or deactivates, status inactive) a model inside the caller's transaction. */
export async function updateModelTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  id: string,
  input: ModelUpdateInput,
): Promise<{ id: string }> {
  const before = await findModel(trx, scope, id, { forUpdate: true });
  if (!before) throw new AppError(CommonErrors.NOT_FOUND);
  if (!canManageBrand(scope, before.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
  if (input.categoryCode !== undefined) await checkCategory(trx, before.brand_id, input.categoryCode);
  const name = input.name ?? before.name;
  const nameEn = input.nameEn !== undefined ? input.nameEn : before.name_en;
  await trx
    .updateTable('product_models')
    .set({
      ...(input.categoryCode !== undefined && { category_code: input.categoryCode }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.specs !== undefined && { specs: JSON.stringify(input.specs) }),
      ...(input.launchedOn !== undefined && { launched_on: input.launchedOn }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: clock.now(),
      search: search(name, nameEn, before.code),
    })
    .where('id', '=', id)
    .execute();
  const after = (await findModel(trx, scope, id))!;
  const deactivated = before.status === 'active' && after.status === 'inactive';
  await writeAudit(trx, clock, actor, {
    action: deactivated ? 'model.deactivate' : 'model.update',
    entity: 'model',
    entityId: id,
    brandId: before.brand_id,
    before,
    after,
  });
  await emitEvent(trx, clock, {
    type: 'model.updated',
    aggregateType: 'model',
    aggregateId: id,
    brandId: before.brand_id,
    payload: { status: after.status },
  });
  return { id };
}

export async function createModel(deps: CommandDeps, actor: Actor, scope: Scope, input: ModelCreateInput) {
  return onUniqueViolation(
    () =>
      deps.db.transaction().execute(async (trx) => {
        const { id } = await createModelTx(trx, deps.clock, actor, scope, input);
        return (await findModel(trx, scope, id))!;
      }),
    () => new AppError(CatalogErrors.MODEL_CODE_TAKEN, { code: input.code }),
    'product_models_brand_id_code_key',
  );
}

export async function updateModel(deps: CommandDeps, actor: Actor, scope: Scope, id: string, input: ModelUpdateInput) {
  return deps.db.transaction().execute(async (trx) => {
    await updateModelTx(trx, deps.clock, actor, scope, id, input);
    return (await findModel(trx, scope, id))!;
  });
}

// ---------- parts ----------

async function setModels(trx: Trx, partId: string, modelIds: string[]) {
  await trx.deleteFrom('model_parts').where('part_id', '=', partId).execute();
  if (modelIds.length) {
    await trx
      .insertInto('model_parts')
      .values(modelIds.map((model_id) => ({ model_id, part_id: partId })))
      .execute();
  }
}

/** Creates a part inside the caller's transaction (the importer runs many in one). */
export async function createPartTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  input: PartCreateInput,
): Promise<{ id: string }> {
  const brandId = await manageableBrand(trx, scope, input.brandId);
  await checkCategory(trx, brandId, input.categoryCode);
  const modelIds = unique(input.modelIds ?? []);
  await checkModels(trx, brandId, modelIds);
  if (await catalogCodeTaken(trx, 'parts', brandId, input.code)) {
    throw new AppError(CatalogErrors.PART_CODE_TAKEN, { code: input.code });
  }
  const now = clock.now();
  const id = newId();
  const row = await trx
    .insertInto('parts')
    .values({
      id,
      brand_id: brandId,
      category_code: input.categoryCode,
      code: input.code,
      name: input.name,
      is_main_part: input.isMainPart ?? false,
      price_fen: input.priceFen,
      warranty_term_months: input.warrantyTermMonths ?? null,
      ...(input.status && { status: input.status }),
      created_at: now,
      updated_at: now,
      search: search(input.name, input.code),
    })
    .returning(['id', 'brand_id', 'category_code', 'code', 'name', 'is_main_part', 'price_fen', 'status'])
    .executeTakeFirstOrThrow();
  await setModels(trx, id, modelIds);
  await writeAudit(trx, clock, actor, {
    action: 'part.create',
    entity: 'part',
    entityId: id,
    brandId,
    after: { ...row, warranty_term_months: input.warrantyTermMonths ?? null, model_ids: modelIds },
  });
  await emitEvent(trx, clock, { type: 'part.created', aggregateType: 'part', aggregateId: id, brandId });
  return { id };
}

/** Edits (prices, main-part flag, fitting models; status inactive deactivates) inside the caller's transaction. */
export async function updatePartTx(
  trx: Trx,
  clock: Clock,
  actor: Actor,
  scope: Scope,
  id: string,
  input: PartUpdateInput,
): Promise<{ id: string }> {
  const before = await findPart(trx, scope, id, { forUpdate: true });
  if (!before) throw new AppError(CommonErrors.NOT_FOUND);
  if (!canManageBrand(scope, before.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
  if (input.categoryCode !== undefined) await checkCategory(trx, before.brand_id, input.categoryCode);
  const modelIds = input.modelIds && unique(input.modelIds);
  if (modelIds) await checkModels(trx, before.brand_id, modelIds);
  const beforeModels = (await modelIdsOf(trx, [id])).get(id) ?? [];
  await trx
    .updateTable('parts')
    .set({
      ...(input.categoryCode !== undefined && { category_code: input.categoryCode }),
      ...(input.name !== undefined && { name: input.name }),
      ...(input.isMainPart !== undefined && { is_main_part: input.isMainPart }),
      ...(input.priceFen !== undefined && { price_fen: input.priceFen }),
      ...(input.warrantyTermMonths !== undefined && { warranty_term_months: input.warrantyTermMonths }),
      ...(input.status !== undefined && { status: input.status }),
      updated_at: clock.now(),
      search: search(input.name ?? before.name, before.code),
    })
    .where('id', '=', id)
    .execute();
  if (modelIds) await setModels(trx, id, modelIds);
  const after = (await findPart(trx, scope, id))!;
  const deactivated = before.status === 'active' && after.status === 'inactive';
  await writeAudit(trx, clock, actor, {
    action: deactivated ? 'part.deactivate' : 'part.update',
    entity: 'part',
    entityId: id,
    brandId: before.brand_id,
    before: { ...before, model_ids: beforeModels },
    after: { ...after, model_ids: modelIds ?? beforeModels },
  });
  await emitEvent(trx, clock, {
    type: 'part.updated',
    aggregateType: 'part',
    aggregateId: id,
    brandId: before.brand_id,
    payload: { status: after.status, priceFen: after.price_fen },
  });
  return { id };
}

export async function createPart(deps: CommandDeps, actor: Actor, scope: Scope, input: PartCreateInput) {
  return onUniqueViolation(
    () =>
      deps.db.transaction().execute(async (trx) => {
        const { id } = await createPartTx(trx, deps.clock, actor, scope, input);
        return (await findPart(trx, scope, id))!;
      }),
    () => new AppError(CatalogErrors.PART_CODE_TAKEN, { code: input.code }),
    'parts_brand_id_code_key',
  );
}

export async function updatePart(deps: CommandDeps, actor: Actor, scope: Scope, id: string, input: PartUpdateInput) {
  return deps.db.transaction().execute(async (trx) => {
    await updatePartTx(trx, deps.clock, actor, scope, id, input);
    return (await findPart(trx, scope, id))!;
  });
}
