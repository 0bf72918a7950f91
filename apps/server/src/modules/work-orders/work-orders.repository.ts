import { OPEN_STATUSES, type OrderStatus, type orderListQuery } from '@aftercare/contracts';
import { shanghaiDate } from '@aftercare/policy';
import { type Selectable, sql } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../platform/access/principal.ts';
import type { Tx } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { paginate } from '../../platform/db/paginate.ts';
import { hashToken } from './customer-link.ts';
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

/** The order behind a customer's H5 link (no scope: the token is the key), locked for a change on request. */
export async function orderByToken(db: Tx, token: string, lock = false): Promise<OrderRow | undefined> {
  const q = db.selectFrom('work_orders').selectAll().where('customer_token_hash', '=', hashToken(token));
  return (lock ? q.forUpdate() : q).executeTakeFirst();
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

/** The names shown with each order, in one query (customer, product, outlet, technician, division, booked?). */
export async function orderViews(db: Tx, rows: OrderRow[]): Promise<OrderView[]> {
  if (rows.length === 0) return [];
  const extra = await db
    .selectFrom('work_orders as wo')
    .innerJoin('customers as c', 'c.id', 'wo.customer_id')
    .leftJoin('installed_products as p', 'p.id', 'wo.product_id')
    .leftJoin('outlets as o', 'o.id', 'wo.outlet_id')
    .leftJoin('technicians as t', 't.id', 'wo.technician_id')
    .leftJoin('divisions as d', 'd.code', 'wo.division_code')
    .select([
      'wo.id',
      'c.name as customer_name',
      'p.category_code as p_category',
      'p.model_code as p_model',
      'p.serial as p_serial',
      'o.code as o_code',
      'o.name as o_name',
      't.name as t_name',
      't.licence_no as t_licence',
      't.phone as t_phone',
      'd.full_name as division_name',
    ])
    .select(
      sql<boolean>`EXISTS (SELECT 1 FROM work_order_appointments a WHERE a.order_id = wo.id AND a.status = 'active')`.as(
        'booked',
      ),
    )
    .where(
      'wo.id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const byId = new Map(extra.map((x) => [x.id, x]));
  return rows.map((row) => {
    const x = byId.get(row.id);
    return {
      row,
      customerName: x?.customer_name ?? '',
      product:
        row.product_id && x?.p_category
          ? {
              id: row.product_id,
              category_code: x.p_category,
              model_code: x.p_model ?? null,
              serial: x.p_serial ?? null,
            }
          : null,
      outlet: row.outlet_id && x?.o_code ? { id: row.outlet_id, code: x.o_code, name: x.o_name! } : null,
      technician:
        row.technician_id && x?.t_name
          ? { id: row.technician_id, name: x.t_name, licence_no: x.t_licence ?? null, phone: x.t_phone! }
          : null,
      divisionName: x?.division_name ?? null,
      hasActiveAppointment: x?.booked ?? false,
    };
  });
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
