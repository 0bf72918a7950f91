// Milestone state is derived from the order's event history (section G): after every event the
// order's milestones are recomputed by the pure engine (@aftercare/policy) and stored by
// (order_id, milestone_key). Runs inside the transaction that appended the event (the order row is
// locked), so the history and its clocks commit together. The sweeps' claims (warned_at,
// breach_handled_at) are never cleared. Kept to a handful of queries: it runs on every step.
//
// No runtime import of the work-orders module here (work-orders calls this): tables and types only.
import {
  computeMilestones,
  DEFAULT_CALENDAR,
  type MilestoneState,
  type ResolvedPack,
  type SlaEvent,
  type SlaSection,
} from '@aftercare/policy';
import { sql, type Transaction } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import type { DB } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { type CalendarDayRow, calendarFromRows } from '../calendar/index.ts';
import { calendarSpecOf, packOfOrder, packSetFingerprint, slaOf, storedPacksFor } from './sla.packs.ts';

type Trx = Transaction<DB>;

/**
 * Everything one sync reads, in one statement (it runs on every order step): the order's facts with
 * its region (the outlet's for the brand, else the address's), its event history, the calendar rows
 * that may apply to it, the milestone keys it has now, and the fingerprint of the stored pack set.
 */
async function orderFacts(trx: Trx, orderId: string) {
  return trx
    .selectFrom('work_orders as o')
    .innerJoin('brands as b', 'b.id', 'o.brand_id')
    .select([
      'o.id',
      'o.brand_id',
      'o.type',
      'o.channel',
      'o.status',
      'o.category_code',
      'o.urban_rural',
      'o.division_code',
      'o.pack_id',
      'o.pack_version',
      'o.outlet_id',
      'o.created_by',
      'o.created_at',
      'b.policy_pack as brand_pack',
      sql<string | null>`coalesce(
        (SELECT bo.region_id FROM brand_outlets bo WHERE bo.brand_id = o.brand_id AND bo.outlet_id = o.outlet_id),
        (SELECT r.id FROM regions r WHERE r.brand_id = o.brand_id AND r.status = 'active'
           AND EXISTS (SELECT 1 FROM unnest(r.province_codes) pc WHERE substr(pc, 1, 2) = substr(o.division_code, 1, 2))
         ORDER BY r.code LIMIT 1))`.as('region_id'),
      sql<EventJson[]>`(SELECT coalesce(json_agg(json_build_object('seq', e.seq, 'action', e.action, 'at', e.at,
        'from', e.from_status, 'to', e.to_status, 'data', e.data) ORDER BY e.seq), '[]'::json)
        FROM work_order_events e WHERE e.order_id = o.id)`.as('events'),
      sql<CalendarDayJson[]>`(SELECT coalesce(json_agg(c), '[]'::json) FROM calendar_days c
        WHERE c.brand_id IS NULL OR c.brand_id = o.brand_id)`.as('calendar_rows'),
      sql<string[]>`(SELECT coalesce(json_agg(m.milestone_key), '[]'::json) FROM sla_milestones m
        WHERE m.order_id = o.id)`.as('milestone_keys'),
      packSetFingerprint().as('packs_key'),
    ])
    .where('o.id', '=', orderId)
    .executeTakeFirst();
}
interface EventJson {
  seq: number;
  action: string;
  at: string;
  from: string | null;
  to: string | null;
  data: Record<string, unknown> | null;
}
type CalendarDayJson = Omit<CalendarDayRow, 'created_at'> & { created_at: string };
type OrderFacts = NonNullable<Awaited<ReturnType<typeof orderFacts>>>;

const eventsOf = (o: OrderFacts): SlaEvent[] =>
  o.events.map((e) => ({
    seq: e.seq,
    action: e.action,
    at: new Date(e.at),
    fromStatus: e.from,
    toStatus: e.to,
    data: e.data ?? {},
  }));

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const whole = (n: number | null | undefined) => (n == null ? null : Math.round(n));

function rowOf(o: OrderFacts, pack: ResolvedPack, s: MilestoneState, now: Date) {
  return {
    id: newId(),
    order_id: o.id,
    brand_id: o.brand_id,
    outlet_id: o.outlet_id,
    region_id: o.region_id,
    division_code: o.division_code,
    milestone_key: s.key,
    pack_id: pack.id,
    pack_version: pack.version,
    responsible: s.responsible,
    // The call centre's own steps (recording, handing to an outlet) answer through the agent of record.
    responsible_user_id: s.responsible === 'outlet' ? null : o.created_by,
    clock: s.clock,
    target_minutes: whole(s.targetMinutes),
    started_at: s.startedAt,
    due_at: s.dueAt,
    warn_at: s.warnAt,
    stopped_at: s.stoppedAt,
    status: s.status,
    elapsed_minutes: whole(s.elapsedMinutes),
    paused_minutes: whole(s.pausedMinutes) ?? 0,
    pauses: JSON.stringify(s.pauses.map((p) => ({ from: iso(p.from), to: iso(p.to), reason: p.reason }))),
    customer_caused: s.customerCaused,
    explain: JSON.stringify({ ...s.explain, name: s.name }),
    computed_at: now,
  };
}

/** Computes and stores the milestones of one (locked) order; returns how many it has. */
async function syncWith(trx: Trx, clock: Clock, o: OrderFacts, pack: ResolvedPack, sla: SlaSection): Promise<number> {
  const now = clock.now();
  const spec = calendarSpecOf(pack) ?? DEFAULT_CALENDAR;
  const events = eventsOf(o);
  const rows = o.calendar_rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
  const calendar = calendarFromRows(spec, rows, o.division_code);
  const states = computeMilestones(
    sla,
    { type: o.type, channel: o.channel, categoryCode: o.category_code, urbanRural: o.urban_rural },
    events,
    calendar,
    now,
  );
  const keys = states.map((s) => s.key);
  if (states.length > 0) {
    // A stopped milestone keeps the outlet and region it stopped with (a later redirect is not its).
    const kept = (col: 'outlet_id' | 'region_id' | 'responsible_user_id') =>
      sql<
        string | null
      >`CASE WHEN sla_milestones.stopped_at IS NOT NULL AND sla_milestones.stopped_at = excluded.stopped_at
        THEN sla_milestones.${sql.ref(col)} ELSE excluded.${sql.ref(col)} END`;
    await trx
      .insertInto('sla_milestones')
      .values(states.map((s) => rowOf(o, pack, s, now)))
      .onConflict((oc) =>
        oc.columns(['order_id', 'milestone_key']).doUpdateSet((eb) => ({
          outlet_id: kept('outlet_id'),
          region_id: kept('region_id'),
          responsible_user_id: kept('responsible_user_id'),
          division_code: eb.ref('excluded.division_code'),
          pack_id: eb.ref('excluded.pack_id'),
          pack_version: eb.ref('excluded.pack_version'),
          responsible: eb.ref('excluded.responsible'),
          clock: eb.ref('excluded.clock'),
          target_minutes: eb.ref('excluded.target_minutes'),
          started_at: eb.ref('excluded.started_at'),
          due_at: eb.ref('excluded.due_at'),
          warn_at: eb.ref('excluded.warn_at'),
          stopped_at: eb.ref('excluded.stopped_at'),
          status: eb.ref('excluded.status'),
          elapsed_minutes: eb.ref('excluded.elapsed_minutes'),
          paused_minutes: eb.ref('excluded.paused_minutes'),
          pauses: eb.ref('excluded.pauses'),
          customer_caused: eb.ref('excluded.customer_caused'),
          explain: eb.ref('excluded.explain'),
          computed_at: eb.ref('excluded.computed_at'),
        })),
      )
      .execute();
  }
  // Stale rows exist only when the history or the pack changed what applies: usually nothing to drop.
  if (o.milestone_keys.some((k) => !keys.includes(k))) await dropStale(trx, o.id, keys, now);
  return states.length;
}

/**
 * Milestones that no longer apply (a corrected history, another pack): deleted while nothing refers
 * to them; one already warned or breached (or with a slip, remedy or notification) stays as the
 * record of it, cancelled.
 */
async function dropStale(trx: Trx, orderId: string, keys: string[], now: Date) {
  let del = trx
    .deleteFrom('sla_milestones')
    .where('order_id', '=', orderId)
    .where('warned_at', 'is', null)
    .where('breach_handled_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('assessment_slips')
            .select('id')
            .whereRef('assessment_slips.milestone_id', '=', 'sla_milestones.id')
            .unionAll(
              selectFrom('remedy_proposals')
                .select('id')
                .whereRef('remedy_proposals.milestone_id', '=', 'sla_milestones.id'),
            )
            .unionAll(
              selectFrom('notifications').select('id').whereRef('notifications.milestone_id', '=', 'sla_milestones.id'),
            ),
        ),
      ),
    );
  if (keys.length) del = del.where('milestone_key', 'not in', keys);
  await del.execute();
  let upd = trx
    .updateTable('sla_milestones')
    .set({ status: 'cancelled', computed_at: now })
    .where('order_id', '=', orderId)
    .where('status', 'in', ['open', 'paused']);
  if (keys.length) upd = upd.where('milestone_key', 'not in', keys);
  await upd.execute();
}

/**
 * Recomputes the milestones of one order in the caller's transaction (appendEvent calls it after every
 * event, with the order row locked). A pack without an `sla` section writes nothing.
 */
export async function syncOrderMilestones(trx: Trx, clock: Clock, orderId: string): Promise<number> {
  const o = await orderFacts(trx, orderId);
  if (!o) return 0;
  const pack = packOfOrder(await storedPacksFor(trx, o.packs_key), o);
  const sla = slaOf(pack);
  if (!pack || !sla) return 0;
  return syncWith(trx, clock, o, pack, sla);
}

export interface RecomputeFilter {
  brandId?: string;
  orderIds?: string[];
  /**
   * Only orders with a milestone running on this Shanghai day (YYYY-MM-DD): started before the day
   * ends and not stopped before it begins. A calendar change of one day cannot move any other clock.
   */
  runningOn?: string;
}

const BATCH = 200;

/**
 * Recomputes the milestones of many orders (after a calendar correction, on request): the orders of a
 * brand and/or the given ids, in batches of one transaction each, each order locked while it is done
 * (a step on it waits, and the next one recomputes anyway). Answers how many orders and milestones.
 */
export async function recomputeMilestones(
  db: Database,
  clock: Clock,
  filter: RecomputeFilter,
): Promise<{ orders: number; milestones: number }> {
  let after = '00000000-0000-0000-0000-000000000000';
  let orders = 0;
  let milestones = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      let q = trx.selectFrom('work_orders').select('id').where('id', '>', after);
      if (filter.brandId) q = q.where('brand_id', '=', filter.brandId);
      if (filter.orderIds) q = q.where('id', 'in', filter.orderIds.length ? filter.orderIds : [after]);
      if (filter.runningOn) {
        const dayStart = new Date(`${filter.runningOn}T00:00:00+08:00`);
        const dayEnd = new Date(dayStart.getTime() + 86_400_000);
        q = q.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('sla_milestones as m')
              .select('m.id')
              .whereRef('m.order_id', '=', 'work_orders.id')
              .where('m.started_at', '<', dayEnd)
              .where((eb) => eb.or([eb('m.stopped_at', 'is', null), eb('m.stopped_at', '>', dayStart)])),
          ),
        );
      }
      const ids = await q.orderBy('id').limit(BATCH).forUpdate().execute();
      let n = 0;
      for (const { id } of ids) {
        const o = await orderFacts(trx, id);
        const pack = o ? packOfOrder(await storedPacksFor(trx, o.packs_key), o) : undefined;
        const sla = slaOf(pack);
        if (o && pack && sla) n += await syncWith(trx, clock, o, pack, sla);
      }
      return { ids: ids.map((r) => r.id), n };
    });
    orders += done.ids.length;
    milestones += done.n;
    if (done.ids.length < BATCH) break;
    after = done.ids[done.ids.length - 1]!;
  }
  return { orders, milestones };
}
