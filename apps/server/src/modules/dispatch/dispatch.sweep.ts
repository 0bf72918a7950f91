// The offer timeout sweep, run by the worker loop. Each due order is claimed and handled in its own
// transaction: `FOR UPDATE SKIP LOCKED` lets two workers run at once without taking the same order
// (the second skips the row the first holds, and after the first commits the row is no longer due),
// and a crash rolls the one order back to still due, so the next sweep takes it again.

import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { applyStep, type OrderRow, systemStepActor } from '../work-orders/index.ts';
import { offerNext, type PackSource } from './dispatch.commands.ts';
import { closePendingOffer } from './dispatch.repository.ts';

export interface SweepResult {
  expired: number;
  failed: number;
}

/** Expires up to `limit` offers past their deadline, each handed to the next candidate (or the board). */
export async function expireOffers(
  db: Database,
  clock: Clock,
  packs: PackSource,
  limit = 50,
  onError: (orderId: string, err: unknown) => void = () => {},
): Promise<SweepResult> {
  const failed: string[] = [];
  let expired = 0;
  while (expired + failed.length < limit) {
    let claimedId: string | null = null;
    try {
      const done = await db.transaction().execute(async (trx) => {
        const now = clock.now();
        let due = trx
          .selectFrom('work_orders')
          .selectAll()
          .where('status', '=', 'dispatched')
          .where('offer_expires_at', '<=', now);
        if (failed.length) due = due.where('id', 'not in', failed);
        const order: OrderRow | undefined = await due
          .orderBy('offer_expires_at')
          .orderBy('id')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!order) return false;
        claimedId = order.id;
        const registered = await applyStep(trx, clock, systemStepActor, order, 'expire', 'system', {
          reason: 'offer_timeout',
          data: { outletId: order.outlet_id, expiredAt: order.offer_expires_at?.toISOString() ?? null },
          patch: { outlet_id: null, offer_expires_at: null },
        });
        await closePendingOffer(trx, order.id, order.outlet_id, 'expired', 'offer_timeout', now);
        await offerNext(trx, clock, packs, registered, 'after_timeout');
        return true;
      });
      if (!done) break;
      expired++;
    } catch (err) {
      if (!claimedId) throw err;
      failed.push(claimedId);
      onError(claimedId, err);
    }
  }
  return { expired, failed: failed.length };
}

/** The worker's sweep (registered in boot.ts): due offers expire and move on, a batch per tick. */
export const offerSweep = async (
  ctx: { db: Database; clock: Clock; packs: PackSource },
  log: { warn(obj: object, msg: string): void } | null,
): Promise<number> => {
  const r = await expireOffers(ctx.db, ctx.clock, ctx.packs, 100, (orderId, err) =>
    log?.warn({ orderId, err }, 'offer sweep: an order could not be expired; retried next tick'),
  );
  return r.expired;
};
