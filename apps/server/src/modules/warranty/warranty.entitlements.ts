// Free-service entitlements consumed (PRODUCT.md D): a use is recorded only while the pack leaves one
// in the period of its day, in one transaction with the product row locked, so two agents booking
// the last free check-up at once cannot both get it. A brand admin voids a use recorded by mistake.
import type { EntitlementStatus, WarrantyFactsInput } from '@aftercare/policy';
import { evaluateWarranty, shanghaiDate } from '@aftercare/policy';
import type { Transaction } from 'kysely';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import { canWriteCustomers } from '../customers/customers.scope.ts';
import { lockProduct, productView } from '../customers/products.repository.ts';
import { WarrantyErrors } from './warranty.errors.ts';
import { pick, productFacts, selectionDate, type WarrantyDeps } from './warranty.evaluate.ts';
import { activeEntitlementUses, brandById, entitlementUses } from './warranty.repository.ts';

type Trx = Transaction<DB>;
type UseRow = Awaited<ReturnType<typeof entitlementUses>>[number];

export function presentUse(r: UseRow) {
  return {
    id: r.id,
    productId: r.product_id,
    entitlementId: r.entitlement_code,
    usedOn: r.used_on,
    workOrderRef: r.work_order_ref,
    pack: { id: r.pack_id, version: r.pack_version },
    status: r.status as 'active' | 'voided',
    voidReason: r.void_reason,
    voidedAt: r.voided_at ? r.voided_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
  };
}

/** The product locked for writing, or 404 (foreign or unknown) / 403 (a scope that may not write). */
async function lockForWrite(trx: Trx, scope: Scope, productId: string) {
  const row = await lockProduct(trx, scope, productId);
  if (!row) throw new AppError(CommonErrors.NOT_FOUND);
  if (!canWriteCustomers(scope, row.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
  return row;
}

/** The entitlement's standing on `day` under the pack in force for the product, with the pack used. */
async function standing(deps: WarrantyDeps, trx: Trx, scope: Scope, productId: string, code: string, day: string) {
  const view = (await productView(trx, scope, productId))!;
  const brand = (await brandById(trx, view.row.brand_id))!;
  const uses = await activeEntitlementUses(trx, productId);
  const facts: WarrantyFactsInput = productFacts(view, brand.code, day, uses);
  const { pack } = pick(deps.policies, brand, selectionDate(facts as { faultDate: string }), {});
  const status = evaluateWarranty(pack, facts).entitlements.find((e) => e.id === code);
  return { pack, status, view };
}

export async function useEntitlement(
  deps: WarrantyDeps,
  actor: Actor,
  scope: Scope,
  productId: string,
  code: string,
  body: { usedOn?: string | undefined; workOrderRef?: string | undefined },
): Promise<{ use: ReturnType<typeof presentUse>; entitlement: EntitlementStatus }> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, scope, productId);
    const day = body.usedOn ?? shanghaiDate(deps.clock.now());
    const { pack, status } = await standing(deps, trx, scope, productId, code, day);
    if (!status) throw new AppError(WarrantyErrors.ENTITLEMENT_UNKNOWN, { entitlementId: code });
    if (!status.available) {
      const usedUp = status.until !== null && status.used > 0 && status.remaining === 0;
      throw new AppError(usedUp ? WarrantyErrors.ENTITLEMENT_USED_UP : WarrantyErrors.ENTITLEMENT_NOT_AVAILABLE, {
        entitlementId: code,
        reason: status.explanation['zh-CN'],
        reasonEn: status.explanation['en-US'],
      });
    }
    const now = deps.clock.now();
    const id = newId();
    await trx
      .insertInto('entitlement_uses')
      .values({
        id,
        product_id: productId,
        brand_id: row.brand_id,
        entitlement_code: code,
        used_on: day,
        work_order_ref: body.workOrderRef ?? null,
        pack_id: pack.id,
        pack_version: pack.version,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('entitlement_counters')
      .values({ product_id: productId, brand_id: row.brand_id, entitlement_code: code, used: 1, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['product_id', 'entitlement_code']).doUpdateSet((eb) => ({
          used: eb('entitlement_counters.used', '+', 1),
          updated_at: now,
        })),
      )
      .execute();
    const use = (await entitlementUses(trx, productId)).find((u) => u.id === id)!;
    await writeAudit(trx, deps.clock, actor, {
      action: 'product.entitlement_use',
      entity: 'product',
      entityId: productId,
      brandId: row.brand_id,
      outletId: row.installing_outlet_id,
      after: presentUse(use),
    });
    await emitEvent(trx, deps.clock, {
      type: 'product.entitlement_used',
      aggregateType: 'product',
      aggregateId: productId,
      brandId: row.brand_id,
      outletId: row.installing_outlet_id,
      payload: { entitlementId: code, usedOn: day, useId: id, workOrderRef: body.workOrderRef ?? null },
    });
    const after = await standing(deps, trx, scope, productId, code, day);
    return { use: presentUse(use), entitlement: after.status! };
  });
}

/** Voids a use recorded by mistake: the counter goes down by one and the use stays, marked voided. */
export async function voidEntitlementUse(
  deps: WarrantyDeps,
  actor: Actor,
  scope: Scope,
  productId: string,
  code: string,
  useId: string,
  reason: string,
): Promise<{ use: ReturnType<typeof presentUse>; entitlement: EntitlementStatus | null }> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await lockForWrite(trx, scope, productId);
    const use = (await entitlementUses(trx, productId)).find((u) => u.id === useId && u.entitlement_code === code);
    if (!use) throw new AppError(CommonErrors.NOT_FOUND);
    if (use.status === 'voided') throw new AppError(WarrantyErrors.ENTITLEMENT_USE_VOIDED, { useId });
    const now = deps.clock.now();
    await trx
      .updateTable('entitlement_uses')
      .set({ status: 'voided', void_reason: reason, voided_at: now })
      .where('id', '=', useId)
      .execute();
    await trx
      .updateTable('entitlement_counters')
      .set((eb) => ({ used: eb('used', '-', 1), updated_at: now }))
      .where('product_id', '=', productId)
      .where('entitlement_code', '=', code)
      .where('used', '>', 0)
      .execute();
    const voided = (await entitlementUses(trx, productId)).find((u) => u.id === useId)!;
    await writeAudit(trx, deps.clock, actor, {
      action: 'product.entitlement_use_void',
      entity: 'product',
      entityId: productId,
      brandId: row.brand_id,
      outletId: row.installing_outlet_id,
      before: presentUse(use),
      after: presentUse(voided),
    });
    await emitEvent(trx, deps.clock, {
      type: 'product.entitlement_use_voided',
      aggregateType: 'product',
      aggregateId: productId,
      brandId: row.brand_id,
      outletId: row.installing_outlet_id,
      payload: { entitlementId: code, useId, reason },
    });
    const after = await standing(deps, trx, scope, productId, code, use.used_on);
    return { use: presentUse(voided), entitlement: after.status ?? null };
  });
}

/** Every use of the product's entitlements (voided ones too), oldest first; 404 for a foreign product. */
export async function listEntitlementUses(deps: WarrantyDeps, scope: Scope, productId: string) {
  const view = await productView(deps.db, scope, productId);
  if (!view) throw new AppError(CommonErrors.NOT_FOUND);
  return { items: (await entitlementUses(deps.db, productId)).map(presentUse) };
}
