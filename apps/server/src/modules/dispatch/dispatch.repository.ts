import { type boardQuery, OPEN_STATUSES } from '@aftercare/contracts';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { brandFilter } from '../network/scope.ts';
import { type OrderRow, orderFilter, orderViews } from '../work-orders/index.ts';
import {
  divisionAncestors,
  type OutletFacts,
  type PinFacts,
  type RankInput,
  serviceTypeOf,
  type Tier,
} from './dispatch.rank.ts';

/** Orders an outlet is holding: offered to it or being worked on, not yet resolved. */
export const HELD_STATUSES = ['dispatched', 'accepted', 'booked', 'on_the_way', 'on_site', 'reopened'] as const;
const NONE_ID = '00000000-0000-0000-0000-000000000000';

/** Everything the ranking needs about an order's possible outlets, read in the caller's transaction. */
export async function candidateFacts(db: Tx, order: OrderRow): Promise<RankInput> {
  const ancestors = divisionAncestors(order.division_code);
  const [levels, customer, excludedRows] = await Promise.all([
    db.selectFrom('divisions').select(['code', 'level']).where('code', 'in', ancestors).execute(),
    db.selectFrom('customers').select('tags').where('id', '=', order.customer_id).executeTakeFirst(),
    db
      .selectFrom('work_order_offers')
      .select('outlet_id')
      .where('order_id', '=', order.id)
      .where('status', 'in', ['refused', 'expired'])
      .execute(),
  ]);
  const tags = customer?.tags ?? [];
  const pinRows = await db
    .selectFrom('dispatch_pins as p')
    .leftJoin('divisions as d', 'd.code', 'p.division_code')
    .select(['p.outlet_id', 'p.customer_id', 'p.customer_tag', 'p.created_at', 'd.level'])
    .where('p.brand_id', '=', order.brand_id)
    .where((eb) =>
      eb.or([eb('p.customer_id', '=', order.customer_id), ...(tags.length ? [eb('p.customer_tag', 'in', tags)] : [])]),
    )
    .where((eb) => eb.or([eb('p.division_code', 'is', null), eb('p.division_code', 'in', ancestors)]))
    .execute();
  const pins: PinFacts[] = pinRows.map((r) => ({
    outletId: r.outlet_id,
    kind: r.customer_id ? 'customer' : 'tag',
    divisionLevel: r.level ?? null,
    createdAt: r.created_at,
    label: r.customer_id ? 'key account' : `tag ${r.customer_tag}`,
  }));
  const pinnedIds = pins.map((p) => p.outletId);

  const outlets = await db
    .selectFrom('outlets as o')
    .innerJoin('brand_outlets as bo', (j) =>
      j.onRef('bo.outlet_id', '=', 'o.id').on('bo.brand_id', '=', order.brand_id),
    )
    .select([
      'o.id',
      'o.code',
      'o.name',
      'o.tier',
      'o.status',
      'o.capacity_per_day',
      'o.kpi_score',
      sql<Date | null>`(SELECT max(f.offered_at) FROM work_order_offers f WHERE f.outlet_id = o.id)`.as(
        'last_offered_at',
      ),
      sql<boolean>`EXISTS (SELECT 1 FROM outlet_authorizations a WHERE a.outlet_id = o.id AND a.brand_id = ${order.brand_id}
        AND a.category_code = ${order.category_code ?? ''} AND a.service_type = ${serviceTypeOf(order.type)})`.as(
        'authorized',
      ),
    ])
    .where('o.status', 'in', ['active', 'probation'])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('outlet_coverage as c')
            .select('c.outlet_id')
            .whereRef('c.outlet_id', '=', 'o.id')
            .where('c.division_code', 'in', ancestors),
        ),
        eb('o.id', 'in', pinnedIds.length ? pinnedIds : [NONE_ID]),
      ]),
    )
    .execute();
  const ids = outlets.length ? outlets.map((o) => o.id) : [NONE_ID];
  const [coverage, load] = await Promise.all([
    db
      .selectFrom('outlet_coverage')
      .select(['outlet_id', 'division_code'])
      .where('outlet_id', 'in', ids)
      .where('division_code', 'in', ancestors)
      .execute(),
    db
      .selectFrom('work_orders')
      .select(['outlet_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('outlet_id', 'in', ids)
      .where('status', 'in', [...HELD_STATUSES])
      .where('id', '<>', order.id)
      .groupBy('outlet_id')
      .execute(),
  ]);
  const levelOf = new Map(levels.map((l) => [l.code, Number(l.level)]));
  const loadOf = new Map(load.map((l) => [l.outlet_id, Number(l.n)]));
  const facts: OutletFacts[] = outlets.map((o) => ({
    id: o.id,
    code: o.code,
    name: o.name,
    tier: o.tier as Tier,
    status: o.status,
    capacityPerDay: o.capacity_per_day,
    openOrders: loadOf.get(o.id) ?? 0,
    kpiScore: o.kpi_score,
    lastOfferedAt: o.last_offered_at,
    authorized: !!o.authorized,
    coverage: coverage
      .filter((c) => c.outlet_id === o.id)
      .map((c) => ({ code: c.division_code, level: levelOf.get(c.division_code) ?? 0 })),
  }));
  return { outlets: facts, pins, excluded: new Set(excludedRows.map((r) => r.outlet_id)) };
}

export async function offersOf(db: Tx, orderId: string) {
  return db
    .selectFrom('work_order_offers as f')
    .innerJoin('outlets as o', 'o.id', 'f.outlet_id')
    .select([
      'f.id',
      'f.outlet_id',
      'o.code as outlet_code',
      'o.name as outlet_name',
      'f.rank',
      'f.source',
      'f.status',
      'f.reason',
      'f.offered_at',
      'f.expires_at',
      'f.responded_at',
    ])
    .where('f.order_id', '=', orderId)
    .orderBy('f.offered_at')
    .orderBy('f.id')
    .execute();
}

/** Offers of the order already made automatically (the pack caps them before the board). */
export async function autoOfferCount(db: Tx, orderId: string): Promise<number> {
  const r = await db
    .selectFrom('work_order_offers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('order_id', '=', orderId)
    .where('source', 'in', ['auto', 'pinned'])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function offerCount(db: Tx, orderId: string): Promise<number> {
  const r = await db
    .selectFrom('work_order_offers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Closes the outlet's pending offer of the order (accepted, refused, expired, withdrawn). */
export async function closePendingOffer(
  db: Tx,
  orderId: string,
  outletId: string | null,
  status: 'accepted' | 'refused' | 'expired' | 'withdrawn',
  reason: string | null,
  at: Date,
) {
  if (!outletId) return;
  await db
    .updateTable('work_order_offers')
    .set({ status, reason, responded_at: at })
    .where('order_id', '=', orderId)
    .where('outlet_id', '=', outletId)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * The dispatch board: unassigned (registered, nobody offered yet), refused (registered, the last
 * offer refused or expired) and overdue (offered, past its acceptance deadline).
 */
export async function boardPage(db: Tx, clock: Clock, scope: Scope, q: z.output<typeof boardQuery>) {
  const lastOffer = sql<string | null>`(SELECT f.status FROM work_order_offers f WHERE f.order_id = work_orders.id
    ORDER BY f.offered_at DESC, f.id DESC LIMIT 1)`;
  let base = db.selectFrom('work_orders').where(orderFilter(scope));
  if (q.view === 'overdue') {
    base = base.where('status', '=', 'dispatched').where('offer_expires_at', '<=', clock.now());
  } else {
    base = base.where('status', '=', 'registered').where('outlet_id', 'is', null);
    base =
      q.view === 'refused'
        ? base.where(sql<boolean>`${lastOffer} IN ('refused', 'expired')`)
        : base.where(sql<boolean>`${lastOffer} IS NULL`);
  }
  if (q.brandId) base = base.where('brand_id', '=', q.brandId);
  if (q.regionId)
    base = base.where(
      sql<boolean>`substr(work_orders.division_code, 1, 2) IN (SELECT substr(unnest(province_codes), 1, 2) FROM regions WHERE id = ${q.regionId} AND brand_id = work_orders.brand_id)`,
    );
  const page = await paginate(base.selectAll().orderBy('created_at').orderBy('id'), base, q);
  return { ...page, items: await orderViews(db, page.items) };
}

/** The outlet's technicians with their jobs whose active appointment starts on the Shanghai day. */
export async function dayPlanOf(db: Tx, outletId: string, date: string) {
  const start = new Date(`${date}T00:00:00+08:00`);
  const end = new Date(start.getTime() + 86_400_000);
  const [technicians, jobs] = await Promise.all([
    db
      .selectFrom('technicians')
      .select(['id', 'name', 'status'])
      .where('outlet_id', '=', outletId)
      .orderBy('status')
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('work_order_appointments as a')
      .innerJoin('work_orders as w', 'w.id', 'a.order_id')
      .leftJoin('divisions as d', 'd.code', 'w.division_code')
      .select([
        'w.id',
        'w.number',
        'w.status',
        'w.type',
        'w.technician_id',
        'w.address_detail',
        'w.contact_name',
        'd.full_name',
        'a.window_start',
        'a.window_end',
      ])
      .where('w.outlet_id', '=', outletId)
      .where('w.technician_id', 'is not', null)
      .where('w.status', 'in', [...OPEN_STATUSES])
      .where('a.status', '=', 'active')
      .where('a.window_start', '>=', start)
      .where('a.window_start', '<', end)
      .orderBy('a.window_start')
      .orderBy('w.number')
      .execute(),
  ]);
  return technicians
    .map((t) => ({
      id: t.id,
      name: t.name,
      status: t.status,
      jobs: jobs
        .filter((j) => j.technician_id === t.id)
        .map((j) => ({
          orderId: j.id,
          number: j.number,
          status: j.status,
          type: j.type,
          windowStart: j.window_start.toISOString(),
          windowEnd: j.window_end.toISOString(),
          address: `${j.full_name ?? ''} ${j.address_detail}`.trim(),
          contactName: j.contact_name,
        })),
    }))
    .filter((t) => t.status === 'active' || t.jobs.length > 0);
}

export async function pinsPage(
  db: Tx,
  scope: Scope,
  q: { page: number; pageSize: number; brandId?: string | undefined },
) {
  let base = db
    .selectFrom('dispatch_pins as p')
    .innerJoin('outlets as o', 'o.id', 'p.outlet_id')
    .leftJoin('customers as c', 'c.id', 'p.customer_id')
    .where(brandFilter(scope, sql.ref('p.brand_id')));
  if (q.brandId) base = base.where('p.brand_id', '=', q.brandId);
  return paginate(
    base
      .select([
        'p.id',
        'p.brand_id',
        'p.customer_id',
        'c.name as customer_name',
        'p.customer_tag',
        'p.division_code',
        'p.outlet_id',
        'o.code as outlet_code',
        'o.name as outlet_name',
        'p.created_at',
      ])
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id'),
    base,
    q,
  );
}
export type PinRow = Awaited<ReturnType<typeof pinsPage>>['items'][number];

export async function findPin(db: Tx, scope: Scope, id: string) {
  return db
    .selectFrom('dispatch_pins')
    .selectAll()
    .where('id', '=', id)
    .where(brandFilter(scope, sql.ref('dispatch_pins.brand_id')))
    .executeTakeFirst();
}
