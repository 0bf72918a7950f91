// The visit (上门): depart, check in (time and, when given, place), the visit record (checklist,
// diagnosis, fault code, cause, parts, photos), and the ways a visit ends without completion.
import type { checkInBody, visitBody } from '@aftercare/contracts';
import { distanceMetres, serviceRules } from '@aftercare/policy';
import type { z } from 'zod';
import type { Principal } from '../../../platform/access/principal.ts';
import { writeAudit } from '../../../platform/audit.ts';
import { AppError, CommonErrors } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { lockOrder, partiesOf, runStepAs, stepActor } from '../../work-orders/index.ts';
import { VisitErrors } from '../visits.errors.ts';
import { openVisit, packOf, type VisitDeps } from '../visits.repository.ts';
import { precheck, type Trx, withFlag } from '../visits.steps.ts';

export function depart(deps: VisitDeps, p: Principal, requestId: string | null, id: string, v: number | null) {
  return runStepAs(deps, p, requestId, id, 'depart', () => ({ expectedVersion: v }));
}

/**
 * Where the service address is. Customer addresses and divisions carry no coordinates yet; the
 * outlet's own position (when recorded) stands in for it — coarse, so the flag is a signal to look
 * at, not a verdict. Without one, no distance is stored and nothing is flagged.
 */
async function referencePosition(trx: Trx, outletId: string | null) {
  if (!outletId) return null;
  const o = await trx.selectFrom('outlets').select(['lat', 'lng']).where('id', '=', outletId).executeTakeFirst();
  return o && o.lat !== null && o.lng !== null ? { lat: o.lat, lng: o.lng } : null;
}

export function checkIn(
  deps: VisitDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof checkInBody>,
  v: number | null,
) {
  return runStepAs(deps, p, requestId, id, 'check_in', async (trx, order, party) => {
    precheck(order, 'check_in', party);
    const rules = serviceRules(await packOf(trx, deps, order.brand_id));
    const at = body.lat !== undefined && body.lng !== undefined ? { lat: body.lat, lng: body.lng } : null;
    const ref = at ? await referencePosition(trx, order.outlet_id) : null;
    const distance = at && ref ? distanceMetres(at, ref) : null;
    const far = distance !== null && distance > rules.checkInMaxDistanceM;
    const visitId = newId();
    await trx
      .insertInto('work_order_visits')
      .values({
        id: visitId,
        order_id: order.id,
        brand_id: order.brand_id,
        technician_id: order.technician_id!,
        checked_in_at: deps.clock.now(),
        check_in_lat: at?.lat ?? null,
        check_in_lng: at?.lng ?? null,
        check_in_distance_m: distance,
        checklist: '{}',
        photos: '[]',
        created_at: deps.clock.now(),
      })
      .execute();
    return {
      data: {
        visitId,
        ...(at && { position: at }),
        ...(distance !== null && { distanceM: distance }),
        ...(far && { far }),
      },
      ...(far && { patch: { flags: withFlag(order.flags, 'check_in_far') } }),
      expectedVersion: v,
    };
  });
}

/** Saves the open visit: the technician on the job only; checklist ids and the fault code are checked. */
export async function saveVisit(
  deps: VisitDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof visitBody>,
) {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    if (!partiesOf(p).includes('technician')) throw new AppError(CommonErrors.FORBIDDEN);
    const visit = order.status === 'on_site' ? await openVisit(trx, order.id) : undefined;
    if (!visit) throw new AppError(VisitErrors.VISIT_NOT_OPEN);
    const rules = serviceRules(await packOf(trx, deps, order.brand_id));
    const known = new Set(rules.checklist.map((c) => c.id));
    const unknown = Object.keys(body.checklist ?? {}).find((k) => !known.has(k));
    if (unknown) throw new AppError(VisitErrors.VISIT_CHECKLIST_ITEM_UNKNOWN, { itemId: unknown });
    let faultCode = body.faultCode;
    if (faultCode) {
      faultCode = faultCode.toUpperCase();
      const fc = await trx
        .selectFrom('fault_codes')
        .select('code')
        .where('brand_id', '=', order.brand_id)
        .where('code', '=', faultCode)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!fc) throw new AppError(VisitErrors.VISIT_FAULT_CODE_UNKNOWN, { code: faultCode });
    }
    const checklist = { ...(visit.checklist as Record<string, boolean>), ...(body.checklist ?? {}) };
    const set = {
      checklist: JSON.stringify(checklist),
      ...(body.diagnosis !== undefined && { diagnosis: body.diagnosis || null }),
      ...(faultCode !== undefined && { fault_code: faultCode }),
      ...(body.cause !== undefined && { cause: body.cause || null }),
      ...(body.partsUsed !== undefined && { parts_used: body.partsUsed || null }),
      ...(body.photos !== undefined && { photos: JSON.stringify(body.photos) }),
    };
    const after = await trx
      .updateTable('work_order_visits')
      .set(set)
      .where('id', '=', visit.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await writeAudit(trx, deps.clock, stepActor(p, requestId), {
      action: 'work_order_visit.update',
      entity: 'work_order_visit',
      entityId: visit.id,
      brandId: order.brand_id,
      outletId: order.outlet_id,
      before: { ...visit, photos: (visit.photos as unknown[]).length },
      after: { ...after, photos: (after.photos as unknown[]).length },
    });
    return { visit: after, checklist: rules.checklist };
  });
}

const OUTCOMES = { wait_parts: 'waiting_parts', to_factory: 'returned_to_factory', revisit: 'revisit' } as const;

/** Waiting for parts, returned to the factory, or another visit needed: the open visit is closed with it. */
export function leave(
  deps: VisitDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  action: keyof typeof OUTCOMES,
  reason: string,
  v: number | null,
) {
  return runStepAs(deps, p, requestId, id, action, async (trx, order, party) => {
    precheck(order, action, party, { reason });
    const visit = await openVisit(trx, order.id);
    if (visit)
      await trx
        .updateTable('work_order_visits')
        .set({ checked_out_at: deps.clock.now(), outcome: OUTCOMES[action] })
        .where('id', '=', visit.id)
        .execute();
    return { reason, data: visit ? { visitId: visit.id } : {}, expectedVersion: v };
  });
}
