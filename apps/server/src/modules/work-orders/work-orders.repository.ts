import { OPEN_STATUSES, type OrderStatus, type orderListQuery } from '@aftercare/contracts';
import { shanghaiDate } from '@aftercare/policy';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { orderFilter } from './work-orders.scope.ts';
import type { WorkOrderEventsTable, WorkOrdersTable } from './work-orders.tables.ts';

export type OrderRow = Selectable<WorkOrdersTable>;
export type EventRow = Selectable<WorkOrderEventsTable>;

/** The names shown with an order (customer, product, outlet, technician, division). */
export interface OrderView {
  row: OrderRow;
  customerName: string;
  product: { id: string; category_code: string; model_code: string | null; serial: string | null } | null;
  outlet: { id: string; code: string; name: string } | null;
  technician: { id: string; name: string; licence_no: string | null; phone: string } | null;
  divisionName: string | null;
  hasActiveAppointment: boolean;
}

/**
 * WO20261206-000123: the Shanghai day of intake and a value of work_order_number_seq (at least six
 * digits). The sequence never repeats, so numbers are unique without a counter row every intake
 * would queue on.
 */
export async function nextOrderNumber(trx: Tx, clock: Clock): Promise<string> {
  const day = shanghaiDate(clock.now());
  const { n } = await sql<{ n: string }>`SELECT nextval('work_order_number_seq')::text AS n`
    .execute(trx)
    .then((r) => r.rows[0]!);
  return `WO${day.replaceAll('-', '')}-${n.padStart(6, '0')}`;
}

export async function findOrder(db: Tx, scope: Scope, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('work_orders').selectAll().where('id', '=', id).where(orderFilter(scope)).executeTakeFirst();
}

/** The order locked for a change by a caller who may see it (undefined: 404). */
export async function lockOrder(db: Tx, scope: Scope, id: string): Promise<OrderRow | undefined> {
  return db
    .selectFrom('work_orders')
    .selectAll()
    .where('id', '=', id)
    .where(orderFilter(scope))
    .forUpdate()
    .executeTakeFirst();
}

export async function orderViews(db: Tx, rows: OrderRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const ids = (k: keyof OrderRow) => [
    ...new Set(rows.map((r) => r[k]).filter((v): v is string => typeof v === 'string')),
  ];
  const none = ['00000000-0000-0000-0000-000000000000'];
  const [customers, products, outlets, technicians, divisions, appts] = await Promise.all([
    db.selectFrom('customers').select(['id', 'name']).where('id', 'in', ids('customer_id')).execute(),
    db
      .selectFrom('installed_products')
      .select(['id', 'category_code', 'model_code', 'serial'])
      .where('id', 'in', ids('product_id').length ? ids('product_id') : none)
      .execute(),
    db
      .selectFrom('outlets')
      .select(['id', 'code', 'name'])
      .where('id', 'in', ids('outlet_id').length ? ids('outlet_id') : none)
      .execute(),
    db
      .selectFrom('technicians')
      .select(['id', 'name', 'licence_no', 'phone'])
      .where('id', 'in', ids('technician_id').length ? ids('technician_id') : none)
      .execute(),
    db.selectFrom('divisions').select(['code', 'full_name']).where('code', 'in', ids('division_code')).execute(),
    db
      .selectFrom('work_order_appointments')
      .select('order_id')
      .where(
        'order_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('status', '=', 'active')
      .execute(),
  ]);
  const by = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const c = by(customers);
  const p = by(products);
  const o = by(outlets);
  const t = by(technicians);
  const d = new Map(divisions.map((x) => [x.code, x.full_name]));
  const booked = new Set(appts.map((a) => a.order_id));
  return rows.map((row) => ({
    row,
    customerName: c.get(row.customer_id)?.name ?? '',
    product: row.product_id ? (p.get(row.product_id) ?? null) : null,
    outlet: row.outlet_id ? (o.get(row.outlet_id) ?? null) : null,
    technician: row.technician_id ? (t.get(row.technician_id) ?? null) : null,
    divisionName: d.get(row.division_code) ?? null,
    hasActiveAppointment: booked.has(row.id),
  }));
}

export async function orderView(db: Tx, scope: Scope, id: string): Promise<OrderView | undefined> {
  const row = await findOrder(db, scope, id);
  return row ? (await orderViews(db, [row]))[0] : undefined;
}

export async function listOrders(db: Tx, scope: Scope, q: z.output<typeof orderListQuery>) {
  let base = db.selectFrom('work_orders').where(orderFilter(scope));
  if (q.brandId) base = base.where('brand_id', '=', q.brandId);
  const statuses: OrderStatus[] | undefined =
    q.status ?? (q.open === 'true' ? [...OPEN_STATUSES] : q.open === 'false' ? ['closed', 'cancelled'] : undefined);
  if (statuses) base = base.where('status', 'in', statuses);
  if (q.type) base = base.where('type', '=', q.type);
  if (q.outletId) base = base.where('outlet_id', '=', q.outletId);
  if (q.technicianId) base = base.where('technician_id', '=', q.technicianId);
  if (q.customerId) base = base.where('customer_id', '=', q.customerId);
  if (q.productId) base = base.where('product_id', '=', q.productId);
  if (q.regionId)
    base = base.where(
      sql<boolean>`substr(work_orders.division_code, 1, 2) IN (SELECT substr(unnest(province_codes), 1, 2) FROM regions WHERE id = ${q.regionId})`,
    );
  if (q.q) {
    const term = q.q.toUpperCase();
    base = /^WO\d{8}-\d{6}$/.test(term)
      ? base.where('number', '=', term)
      : base.where('number', 'like', `%${term.replace(/[%_\\]/g, '')}`);
  }
  const page = await paginate(base.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc'), base, q);
  return { ...page, items: await orderViews(db, page.items) };
}

/** Other open orders of the same product (duplicate detection, the same-serial fraud signal). */
export async function openOrdersOfProduct(db: Tx, productId: string, exceptId?: string) {
  let q = db
    .selectFrom('work_orders')
    .select(['id', 'number', 'customer_id', 'status'])
    .where('product_id', '=', productId)
    .where('status', 'in', [...OPEN_STATUSES]);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.orderBy('created_at').execute();
}

/** The product's last order resolved within `days` before `now` (a repeat repair is flagged). */
export async function recentlyResolved(db: Tx, productId: string, since: Date) {
  return db
    .selectFrom('work_orders')
    .select(['id', 'number'])
    .where('product_id', '=', productId)
    .where('resolved_at', '>=', since)
    .orderBy('resolved_at', 'desc')
    .executeTakeFirst();
}

export async function timelineOf(db: Tx, orderId: string): Promise<EventRow[]> {
  return db.selectFrom('work_order_events').selectAll().where('order_id', '=', orderId).orderBy('seq').execute();
}

export async function nextSeq(db: Tx, orderId: string): Promise<number> {
  const r = await db
    .selectFrom('work_order_events')
    .select((eb) => eb.fn.max('seq').as('m'))
    .where('order_id', '=', orderId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}
