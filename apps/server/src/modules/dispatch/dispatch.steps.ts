// The outlet's and the dispatcher's steps on an offered order: accept, refuse (→ next candidate in the
// same transaction), redirect (a dispatcher's override to a named outlet) and assign a technician.
import type { Transaction } from 'kysely';
import type { Principal, Scope } from '../../platform/access/principal.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { visibleOutlet } from '../network/lookups.ts';
import { assignableTechnician } from '../technicians/assignable.ts';
import { applyStep, lockOrder, type OrderRow, partyFor, runStepAs, stepActor } from '../work-orders/index.ts';
import { offerNext, offerTo, type PackSource, rulesFor } from './dispatch.commands.ts';
import { DispatchErrors } from './dispatch.errors.ts';
import { serviceTypeOf } from './dispatch.rank.ts';
import { closePendingOffer } from './dispatch.repository.ts';

type Trx = Transaction<DB>;
export interface DispatchDeps extends CommandDeps {
  packs: PackSource;
}

const ALL_SCOPE: Scope = {
  kind: 'all',
  brandIds: [],
  regionIds: [],
  outletId: null,
  technicianId: null,
  customerId: null,
};

/** The outlet takes the order offered to it (the scope already limits it to that outlet). */
export function acceptOffer(
  deps: DispatchDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  version: number | null,
) {
  return runStepAs(deps, p, requestId, id, 'accept', async (trx, order) => {
    const now = deps.clock.now();
    if (order.status === 'dispatched' && order.offer_expires_at && order.offer_expires_at <= now)
      throw new AppError(DispatchErrors.DISPATCH_OFFER_EXPIRED, { expiredAt: order.offer_expires_at.toISOString() });
    if (order.status === 'dispatched') await closePendingOffer(trx, order.id, order.outlet_id, 'accepted', null, now);
    return { expectedVersion: version, patch: { offer_expires_at: null }, data: { outletId: order.outlet_id } };
  });
}

/** The outlet says no (with a reason); the order goes to the next candidate or the board at once. */
export function refuseOffer(
  deps: DispatchDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  reason: string,
  version: number | null,
): Promise<{ order: OrderRow; handedOn: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    const party = partyFor(p, 'refuse');
    const refused = await applyStep(trx, deps.clock, stepActor(p, requestId), order, 'refuse', party, {
      reason,
      expectedVersion: version,
      data: { outletId: order.outlet_id },
      patch: { outlet_id: null, offer_expires_at: null },
    });
    await closePendingOffer(trx, order.id, order.outlet_id, 'refused', reason, deps.clock.now());
    const next = await offerNext(trx, deps.clock, deps.packs, refused, 'after_refusal');
    return { order: next, handedOn: next.status === 'dispatched' };
  });
}

/** A target outlet for a dispatcher: visible to them, serving the order's brand, active. */
async function targetOutlet(trx: Trx, scope: Scope, outletId: string, brandId: string) {
  const visible = await visibleOutlet(trx, scope, outletId);
  const serves = visible
    ? await trx
        .selectFrom('brand_outlets')
        .select('outlet_id')
        .where('outlet_id', '=', outletId)
        .where('brand_id', '=', brandId)
        .executeTakeFirst()
    : undefined;
  if (!visible || !serves) throw new AppError(DispatchErrors.DISPATCH_OUTLET_UNKNOWN, { outletId });
  if (visible.status !== 'active')
    throw new AppError(DispatchErrors.DISPATCH_OUTLET_INACTIVE, { status: visible.status });
}

/** A dispatcher's override: the order is offered to the named outlet (a pending offer is withdrawn). */
export function redirectOrder(
  deps: DispatchDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: { outletId: string; reason: string },
  version: number | null,
): Promise<OrderRow> {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    const party = partyFor(p, 'redirect');
    await targetOutlet(trx, p.scope, body.outletId, order.brand_id);
    const rules = await rulesFor(trx, deps.clock, deps.packs, order.brand_id);
    const now = deps.clock.now();
    await closePendingOffer(trx, order.id, order.outlet_id, 'withdrawn', body.reason, now);
    return offerTo(
      trx,
      deps.clock,
      stepActor(p, requestId),
      order,
      'redirect',
      party,
      { outletId: body.outletId, rank: null, source: 'dispatcher' },
      rules.acceptMinutes,
      body.reason,
      version,
    );
  });
}

/**
 * The outlet (or a dispatcher) gives the job to a technician of the outlet in charge: active, with
 * the skill for the order's category and service type and a licence valid today (Asia/Shanghai).
 */
export function assignTechnician(
  deps: DispatchDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  technicianId: string,
  version: number | null,
) {
  return runStepAs(deps, p, requestId, id, 'assign', async (trx, order) => {
    const tech = await trx
      .selectFrom('technicians')
      .select(['id', 'name', 'outlet_id'])
      .where('id', '=', technicianId)
      .executeTakeFirst();
    if (!tech || !order.outlet_id || tech.outlet_id !== order.outlet_id)
      throw new AppError(DispatchErrors.DISPATCH_TECHNICIAN_UNKNOWN, { technicianId });
    const need = order.category_code
      ? { categoryCode: order.category_code, serviceType: serviceTypeOf(order.type) }
      : undefined;
    const ok = await assignableTechnician(trx, ALL_SCOPE, technicianId, deps.clock, need);
    if (!ok.ok) throw new AppError(ok.code, ok.params);
    const previous = order.technician_id
      ? await trx
          .selectFrom('technicians')
          .select(['id', 'name'])
          .where('id', '=', order.technician_id)
          .executeTakeFirst()
      : undefined;
    return {
      expectedVersion: version,
      patch: { technician_id: tech.id },
      data: {
        technicianId: tech.id,
        technicianName: tech.name,
        ...(previous && { previousTechnicianId: previous.id, previousTechnicianName: previous.name }),
      },
    };
  });
}
