// Dispatch pins (section F: "policy may pin key accounts or institutions to named outlets"): a brand's
// key account (one customer) or every customer with a tag, optionally only within a division, goes
// first to the named outlet. Pins are the brand's configuration: created and removed by its dispatchers.
import type { pinCreate } from '@aftercare/contracts';
import type { z } from 'zod';
import type { Actor, Scope } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { visibleOutlet } from '../network/lookups.ts';
import { canManageBrand } from '../network/scope.ts';
import { DispatchErrors } from './dispatch.errors.ts';
import { findPin, type PinRow } from './dispatch.repository.ts';

export async function createPin(
  deps: CommandDeps,
  actor: Actor,
  scope: Scope,
  input: z.output<typeof pinCreate>,
): Promise<PinRow> {
  return deps.db.transaction().execute(async (trx) => {
    const brand = await trx.selectFrom('brands').select('id').where('id', '=', input.brandId).executeTakeFirst();
    if (!brand || !canManageBrand(scope, input.brandId))
      throw new AppError(DispatchErrors.DISPATCH_BRAND_UNKNOWN, { brandId: input.brandId });
    const outlet = await visibleOutlet(trx, scope, input.outletId);
    const serves =
      outlet &&
      (await trx
        .selectFrom('brand_outlets')
        .select('outlet_id')
        .where('outlet_id', '=', input.outletId)
        .where('brand_id', '=', input.brandId)
        .executeTakeFirst());
    if (!outlet || !serves) throw new AppError(DispatchErrors.DISPATCH_OUTLET_UNKNOWN, { outletId: input.outletId });
    if (outlet.status !== 'active')
      throw new AppError(DispatchErrors.DISPATCH_OUTLET_INACTIVE, { status: outlet.status });
    let customerName: string | null = null;
    if (input.customerId) {
      const c = await trx
        .selectFrom('customers')
        .select(['id', 'name'])
        .where('id', '=', input.customerId)
        .where('brand_id', '=', input.brandId)
        .executeTakeFirst();
      if (!c) throw new AppError(DispatchErrors.DISPATCH_CUSTOMER_UNKNOWN, { customerId: input.customerId });
      customerName = c.name;
    }
    if (input.divisionCode) {
      const d = await trx
        .selectFrom('divisions')
        .select('code')
        .where('code', '=', input.divisionCode)
        .executeTakeFirst();
      if (!d) throw new AppError(DispatchErrors.DISPATCH_DIVISION_UNKNOWN, { code: input.divisionCode });
    }
    const now = deps.clock.now();
    const row = {
      id: newId(),
      brand_id: input.brandId,
      customer_id: input.customerId ?? null,
      customer_tag: input.customerTag ?? null,
      division_code: input.divisionCode ?? null,
      outlet_id: input.outletId,
      created_at: now,
    };
    await trx.insertInto('dispatch_pins').values(row).execute();
    await writeAudit(trx, deps.clock, actor, {
      action: 'dispatch_pin.create',
      entity: 'dispatch_pin',
      entityId: row.id,
      brandId: input.brandId,
      outletId: input.outletId,
      after: { customerId: row.customer_id, customerTag: row.customer_tag, divisionCode: row.division_code },
    });
    const o = await trx
      .selectFrom('outlets')
      .select(['code', 'name'])
      .where('id', '=', input.outletId)
      .executeTakeFirstOrThrow();
    return { ...row, customer_name: customerName, outlet_code: o.code, outlet_name: o.name };
  });
}

export async function deletePin(deps: CommandDeps, actor: Actor, scope: Scope, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const pin = await findPin(trx, scope, id);
    if (!pin) throw new AppError(CommonErrors.NOT_FOUND);
    if (!canManageBrand(scope, pin.brand_id)) throw new AppError(CommonErrors.FORBIDDEN);
    await trx.deleteFrom('dispatch_pins').where('id', '=', pin.id).execute();
    await writeAudit(trx, deps.clock, actor, {
      action: 'dispatch_pin.delete',
      entity: 'dispatch_pin',
      entityId: pin.id,
      brandId: pin.brand_id,
      outletId: pin.outlet_id,
      before: { customerId: pin.customer_id, customerTag: pin.customer_tag, divisionCode: pin.division_code },
    });
  });
}
