// Offering (section F): an order goes to its first candidate with an acceptance deadline from the
// brand's pack; a refusal or a timeout closes that offer and hands the order to the next candidate in
// the same transaction; when nobody is left (or the pack's cap on automatic offers is reached) the
// order stays registered, held by no outlet, and shows on the dispatch board. Every hand-off is an
// offers row and a timeline event with its reason, and counted in work_orders.handoffs.
import { type ResolvedServiceRules, serviceRules, shanghaiDate } from '@aftercare/policy';
import type { Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { choosePack } from '../warranty/index.ts';
import type { Policies } from '../warranty/warranty.packs.ts';
import {
  applyStep,
  type DispatchFn,
  type OrderRow,
  type Party,
  type StepActor,
  systemStepActor,
} from '../work-orders/index.ts';
import { rankCandidates } from './dispatch.rank.ts';
import { autoOfferCount, candidateFacts, offerCount } from './dispatch.repository.ts';

type Trx = Transaction<DB>;

/** Where the packs in force come from (the app's PackStore). */
export interface PackSource {
  current(): Policies;
}

export const BASELINE_PACK = 'cn-baseline';

/** The service rules of the order's brand pack (none named: the national baseline) in force today. */
export async function rulesFor(
  trx: Trx,
  clock: Clock,
  packs: PackSource,
  brandId: string,
): Promise<ResolvedServiceRules> {
  const brand = await trx.selectFrom('brands').select('policy_pack').where('id', '=', brandId).executeTakeFirst();
  const today = shanghaiDate(clock.now());
  const policies = packs.current();
  const choice =
    choosePack(policies, brand?.policy_pack ?? BASELINE_PACK, today) ?? choosePack(policies, BASELINE_PACK, today);
  return serviceRules(choice?.pack);
}

export interface OfferTarget {
  outletId: string;
  rank: number | null;
  source: 'auto' | 'pinned' | 'dispatcher';
}

/**
 * Offers the locked order to one outlet: the step (offer or redirect) and the offers row (which is
 * also the outlet's rotation stamp). A second or later offer of the same order counts one hand-off.
 */
export async function offerTo(
  trx: Trx,
  clock: Clock,
  actor: StepActor,
  order: OrderRow,
  action: 'offer' | 'redirect',
  party: Party,
  target: OfferTarget,
  acceptMinutes: number,
  reason: string | null,
  expectedVersion: number | null = null,
): Promise<OrderRow> {
  const now = clock.now();
  const expiresAt = new Date(now.getTime() + acceptMinutes * 60_000);
  // Read, not stamped: rotation comes from the offers rows (an update here would make every
  // concurrent intake for this outlet wait on its row lock until commit).
  const outlet = await trx
    .selectFrom('outlets')
    .select(['id', 'code', 'name'])
    .where('id', '=', target.outletId)
    .executeTakeFirstOrThrow();
  const handoff = (await offerCount(trx, order.id)) > 0;
  const updated = await applyStep(trx, clock, actor, order, action, party, {
    reason,
    expectedVersion,
    data: {
      outletId: outlet.id,
      outletCode: outlet.code,
      outletName: outlet.name,
      rank: target.rank,
      source: target.source,
      expiresAt: expiresAt.toISOString(),
      ...(order.outlet_id && order.outlet_id !== outlet.id && { previousOutletId: order.outlet_id }),
      ...(handoff && { handoff: order.handoffs + 1 }),
    },
    patch: {
      outlet_id: outlet.id,
      offer_expires_at: expiresAt,
      // A new outlet brings its own technicians.
      ...(order.outlet_id !== outlet.id && { technician_id: null }),
      ...(handoff && { handoffs: order.handoffs + 1 }),
    },
  });
  await trx
    .insertInto('work_order_offers')
    .values({
      id: newId(),
      order_id: order.id,
      brand_id: order.brand_id,
      outlet_id: outlet.id,
      rank: target.rank,
      source: target.source,
      status: 'pending',
      // The row's reason is the outlet's answer (or a dispatcher's reason for sending it there).
      reason: target.source === 'dispatcher' ? reason : null,
      offered_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return updated;
}

/**
 * Offers a registered (or reopened) order to its best candidate, or leaves it on the board. Runs in
 * the caller's transaction with the order row locked; the system acts.
 */
export async function offerNext(
  trx: Trx,
  clock: Clock,
  packs: PackSource,
  order: OrderRow,
  /** Why the order moves on (a hand-off): after_refusal, after_timeout; null for the first offer. */
  cause: string | null = null,
): Promise<OrderRow> {
  if (order.status !== 'registered' && order.status !== 'reopened') return order;
  if (order.outlet_id) return order;
  const rules = await rulesFor(trx, clock, packs, order.brand_id);
  const toBoard = (cause: 'no_candidate' | 'max_auto_offers') =>
    order.status === 'registered'
      ? applyStep(trx, clock, systemStepActor, order, 'return_to_board', 'system', {
          reason: cause,
          data: { cause, maxAutoOffers: rules.maxAutoOffers },
        })
      : order;
  if ((await autoOfferCount(trx, order.id)) >= rules.maxAutoOffers) return toBoard('max_auto_offers');
  const [first] = rankCandidates(await candidateFacts(trx, order));
  if (!first) return toBoard('no_candidate');
  return offerTo(
    trx,
    clock,
    systemStepActor,
    order,
    'offer',
    'system',
    { outletId: first.outlet.id, rank: first.rank, source: first.pinned ? 'pinned' : 'auto' },
    rules.acceptMinutes,
    cause,
  );
}

/** The DispatchFn intake calls after registering an order (wired in modules/index.ts). */
export function dispatchOrderWith(packs: PackSource): DispatchFn {
  return (trx, clock, order) => offerNext(trx, clock, packs, order);
}
