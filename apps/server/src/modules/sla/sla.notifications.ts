// In-app notifications of section G. The outbox consumer turns an `sla.warning` (and `sla.breached`)
// event into one row per recipient — the responsible party (the outlet's users, or for the call
// centre's own steps (desk, dispatch) the agent who registered the order) and their supervisors (the
// brand's service managers; for an outlet or dispatch milestone also the brand's dispatchers). Rows
// are unique per (event, user), so a redelivered event adds nothing. Each user reads and marks only
// their own rows.
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { EventConsumer, StoredEvent } from '../../platform/outbox.ts';

export const NOTIFIED_EVENTS = ['sla.warning', 'sla.breached'] as const;

interface SlaEventPayload {
  orderId: string;
  milestoneId: string;
  responsible: 'desk' | 'outlet' | 'dispatch';
  outletId: string | null;
  responsibleUserId: string | null;
}

/** Who hears about a milestone event: the responsible party and their supervisors (active users). */
export async function recipientsOf(db: Database, brandId: string, p: SlaEventPayload): Promise<string[]> {
  const inBrand = sql<boolean>`${brandId}::uuid = ANY(brand_ids)`;
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'active')
    .where((eb) =>
      eb.or([
        ...(p.responsible === 'outlet' && p.outletId ? [eb('outlet_id', '=', p.outletId)] : []),
        ...(p.responsible !== 'outlet' && p.responsibleUserId ? [eb('id', '=', p.responsibleUserId)] : []),
        eb.and([eb('role', '=', 'service_manager'), eb(inBrand, '=', true)]),
        ...(p.responsible !== 'desk' ? [eb.and([eb('role', '=', 'dispatcher'), eb(inBrand, '=', true)])] : []),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** Writes the notification rows of one SLA event (idempotent). */
export async function notify(db: Database, clock: Clock, ev: StoredEvent): Promise<number> {
  const p = ev.payload as SlaEventPayload;
  if (!ev.brand_id || !p?.orderId) return 0;
  const users = await recipientsOf(db, ev.brand_id, p);
  if (users.length === 0) return 0;
  const now = clock.now();
  const r = await db
    .insertInto('notifications')
    .values(
      users.map((userId) => ({
        id: newId(),
        event_id: ev.id,
        user_id: userId,
        brand_id: ev.brand_id,
        kind: ev.type,
        order_id: p.orderId,
        milestone_id: p.milestoneId ?? null,
        payload: JSON.stringify(ev.payload ?? {}),
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** The outbox consumer (registered in boot.ts with the worker). */
export function slaNotificationConsumer(clock: Clock): EventConsumer {
  return {
    name: 'sla-notifications',
    accepts: (type) => (NOTIFIED_EVENTS as readonly string[]).includes(type),
    async handle(db, ev) {
      await notify(db, clock, ev);
    },
  };
}

/** The caller's own notifications, newest first, and how many are unread. */
export async function listNotifications(db: Database, userId: string, q: { unread?: 'true' | 'false'; limit: number }) {
  let list = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (q.unread === 'true') list = list.where('read_at', 'is', null);
  if (q.unread === 'false') list = list.where('read_at', 'is not', null);
  const [items, count] = await Promise.all([
    list.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, unread: Number(count.n) };
}

/** Marks one of the caller's notifications read (again: unchanged); another's or none → undefined. */
export async function markRead(db: Database, clock: Clock, userId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('notifications')
      .selectAll()
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.read_at) return row;
    return trx
      .updateTable('notifications')
      .set({ read_at: clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  });
}
