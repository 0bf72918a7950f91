// Intake (受理): every contact becomes an order — a visit request is registered (and dispatched by the
// dispatch module), a contact resolved on the call is registered and closed with its disposition, and a
// contact about a product that already has an open order is linked to it on request.
import type { orderIntake, WarrantyEvaluation } from '@aftercare/contracts';
import { shanghaiDate } from '@aftercare/policy';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { Scope } from '../../../platform/access/principal.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { CommandDeps } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { emitEvent } from '../../../platform/outbox.ts';
import { normalizePhone } from '../../../platform/phone.ts';
import { brandHasCategory } from '../../catalog/index.ts';
import { createCustomerTx } from '../../customers/customers.commands.ts';
import { addressesOf, findCustomer, phonesOf } from '../../customers/customers.repository.ts';
import { canWriteCustomers } from '../../customers/customers.scope.ts';
import { findProduct } from '../../customers/products.repository.ts';
import { visibleBrand } from '../../network/lookups.ts';
import { hashToken, newCustomerToken } from '../customer-link.ts';
import { WorkOrderErrors } from '../work-orders.errors.ts';
import {
  lockOrder,
  nextOrderNumber,
  type OrderRow,
  openOrdersOfProduct,
  recentlyResolved,
} from '../work-orders.repository.ts';
import { appendEvent, applyStep, type StepActor } from './step.ts';

type Trx = Transaction<DB>;
type Intake = z.output<typeof orderIntake>;

/** Judges the product's warranty on the fault day (the day of the call) inside the transaction. */
export type VerdictFn = (trx: Trx, scope: Scope, productId: string) => Promise<WarrantyEvaluation>;
/** Offers a freshly registered order to the first candidate outlet (the dispatch module). */
export type DispatchFn = (trx: Trx, clock: Clock, order: OrderRow) => Promise<OrderRow>;

export interface IntakeDeps extends CommandDeps {
  verdict: VerdictFn;
  dispatch?: DispatchFn;
}

export interface IntakeResult {
  order: OrderRow;
  outcome: 'created' | 'closed_on_call' | 'linked';
  /** The token of the customer's H5 link (only for a new order; the SMS carries it too). */
  customerToken: string | null;
}

export const REPEAT_REPAIR_DAYS = 30;
const DAY_MS = 86_400_000;
/** How far back a contact's `receivedAt` may lie (a letter, a call typed in later). */
const RECEIVED_AT_MAX_DAYS = 7;

async function resolveCustomer(trx: Trx, clock: Clock, actor: StepActor, scope: Scope, input: Intake) {
  if (input.customerId) {
    const c = await findCustomer(trx, scope, input.customerId);
    if (!c || c.brand_id !== input.brandId || c.status === 'merged')
      throw new AppError(WorkOrderErrors.WORK_ORDER_CUSTOMER_UNKNOWN, { customerId: input.customerId });
    return c;
  }
  const n = input.newCustomer!;
  const view = await createCustomerTx(trx, clock, actor, scope, {
    brandId: input.brandId,
    name: n.name,
    tags: [],
    phones: [{ number: n.phone, isPrimary: true }],
    addresses: [{ divisionCode: n.divisionCode, detail: n.addressDetail, isPrimary: true }],
  });
  return view.row;
}

async function serviceAddress(trx: Trx, customerId: string, given: Intake['address']) {
  if (given) {
    const d = await trx
      .selectFrom('divisions as d')
      .leftJoin('divisions as p', 'p.code', 'd.parent_code')
      .select(
        sql<
          string | null
        >`coalesce(d.urban_rural_override, d.urban_rural, CASE WHEN d.level = 4 THEN coalesce(p.urban_rural_override, p.urban_rural) END)`.as(
          'urban_rural',
        ),
      )
      .where('d.code', '=', given.divisionCode)
      .executeTakeFirst();
    if (!d) throw new AppError(WorkOrderErrors.WORK_ORDER_DIVISION_UNKNOWN, { code: given.divisionCode });
    return { division_code: given.divisionCode, address_detail: given.detail, urban_rural: d.urban_rural ?? 'urban' };
  }
  const [primary] = await addressesOf(trx, [customerId]);
  if (!primary) throw new AppError(WorkOrderErrors.WORK_ORDER_ADDRESS_REQUIRED);
  return {
    division_code: primary.division_code,
    address_detail: primary.detail,
    urban_rural: primary.urban_rural ?? 'urban',
  };
}

async function checkFaultCodes(trx: Trx, brandId: string, codes: string[]) {
  const wanted = [...new Set(codes.map((c) => c.toUpperCase()))];
  if (wanted.length === 0) return wanted;
  const rows = await trx
    .selectFrom('fault_codes')
    .select('code')
    .where('brand_id', '=', brandId)
    .where('code', 'in', wanted)
    .where('status', '=', 'active')
    .execute();
  const known = new Set(rows.map((r) => r.code));
  const unknown = wanted.find((c) => !known.has(c));
  if (unknown) throw new AppError(WorkOrderErrors.WORK_ORDER_FAULT_CODE_UNKNOWN, { code: unknown });
  return wanted;
}

/** Adds the contact to an open order instead of creating a second one (a `link` step, status kept). */
async function linkToOpen(trx: Trx, clock: Clock, actor: StepActor, scope: Scope, openId: string, input: Intake) {
  const open = (await lockOrder(trx, scope, openId))!;
  return applyStep(trx, clock, actor, open, 'link', 'desk', {
    reason: input.faultDescription ?? null,
    data: { channel: input.channel, type: input.type, faultCodes: input.faultCodes },
  });
}

export async function intakeTx(
  trx: Trx,
  deps: IntakeDeps,
  actor: StepActor,
  scope: Scope,
  input: Intake,
): Promise<IntakeResult> {
  const { clock } = deps;
  const receivedAt = input.receivedAt ? new Date(input.receivedAt) : null;
  if (receivedAt) {
    const now = clock.now().getTime();
    if (receivedAt.getTime() > now || receivedAt.getTime() < now - RECEIVED_AT_MAX_DAYS * DAY_MS)
      throw new AppError(WorkOrderErrors.WORK_ORDER_RECEIVED_AT_INVALID, { receivedAt: input.receivedAt! });
  }
  const brand = await visibleBrand(trx, scope, input.brandId);
  if (!brand) throw new AppError(WorkOrderErrors.WORK_ORDER_BRAND_UNKNOWN, { brandId: input.brandId });
  if (!canWriteCustomers(scope, input.brandId))
    throw new AppError(WorkOrderErrors.WORK_ORDER_BRAND_UNKNOWN, { brandId: input.brandId });
  const customer = await resolveCustomer(trx, clock, actor, scope, input);

  let categoryCode = input.categoryCode ?? null;
  const product = input.productId ? await findProduct(trx, scope, input.productId) : undefined;
  if (input.productId) {
    if (!product || product.customer_id !== customer.id)
      throw new AppError(WorkOrderErrors.WORK_ORDER_PRODUCT_UNKNOWN, { productId: input.productId });
    categoryCode = product.category_code;
  } else if (categoryCode) {
    if (!(await brandHasCategory(trx, input.brandId, categoryCode)))
      throw new AppError(WorkOrderErrors.WORK_ORDER_CATEGORY_UNKNOWN, { categoryCode });
  } else if (!input.resolvedOnCall) {
    throw new AppError(WorkOrderErrors.WORK_ORDER_CATEGORY_REQUIRED);
  }
  const faultCodes = await checkFaultCodes(trx, input.brandId, input.faultCodes);

  // Duplicate detection: the same customer and product with an open order.
  const flags: string[] = [];
  let linkedOrderId: string | null = null;
  if (product && !input.resolvedOnCall) {
    const open = await openOrdersOfProduct(trx, product.id);
    const first = open[0];
    if (first) {
      if (!input.onDuplicate)
        throw new AppError(
          WorkOrderErrors.WORK_ORDER_DUPLICATE,
          { number: first.number },
          { openOrders: open.map((o) => ({ id: o.id, number: o.number, status: o.status })) },
        );
      if (input.onDuplicate === 'link') {
        const order = await linkToOpen(trx, clock, actor, scope, first.id, input);
        return { order, outcome: 'linked', customerToken: null };
      }
      linkedOrderId = first.id;
      flags.push('serial_on_open_orders');
    }
    const repeat = await recentlyResolved(
      trx,
      product.id,
      new Date(clock.now().getTime() - REPEAT_REPAIR_DAYS * DAY_MS),
    );
    if (repeat) {
      flags.push('repeat_repair_30d');
      linkedOrderId ??= repeat.id;
    }
  }

  const address = await serviceAddress(trx, customer.id, input.address);
  let contactPhone: string;
  if (input.contactPhone) {
    const n = normalizePhone(input.contactPhone);
    if (!n) throw new AppError(WorkOrderErrors.WORK_ORDER_PHONE_INVALID, { number: input.contactPhone });
    contactPhone = n.normalized;
  } else {
    const [phone] = await phonesOf(trx, [customer.id]);
    if (!phone) throw new AppError(WorkOrderErrors.WORK_ORDER_PHONE_INVALID, { number: '' });
    contactPhone = phone.normalized;
  }

  const evaluation = product ? await deps.verdict(trx, scope, product.id) : null;
  const now = clock.now();
  const token = newCustomerToken();
  const id = newId();
  const number = await nextOrderNumber(trx, clock);
  let order = await trx
    .insertInto('work_orders')
    .values({
      id,
      number,
      brand_id: input.brandId,
      type: input.type,
      channel: input.channel,
      status: 'registered',
      customer_id: customer.id,
      product_id: product?.id ?? null,
      category_code: categoryCode,
      ...address,
      contact_name: input.contactName ?? customer.name,
      contact_phone: contactPhone,
      fault_description: input.faultDescription ?? null,
      fault_codes: faultCodes,
      preferred_windows: JSON.stringify(input.preferredWindows),
      priority: input.priority,
      verdict: evaluation ? JSON.stringify(evaluation.verdict) : null,
      pack_id: evaluation?.selection.packId ?? null,
      pack_version: evaluation?.selection.version ?? null,
      linked_order_id: linkedOrderId,
      flags,
      customer_token_hash: hashToken(token),
      created_by: actor.type === 'user' ? actor.id : null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEvent(trx, clock, actor, order, {
    action: 'register',
    from: null,
    to: 'registered',
    data: {
      channel: input.channel,
      type: input.type,
      ...(evaluation && { warrantyCovered: evaluation.verdict.covered, pack: evaluation.selection }),
      ...(flags.length > 0 && { flags }),
      ...(linkedOrderId && { linkedOrderId }),
      faultDay: shanghaiDate(now),
      ...(receivedAt && { receivedAt: receivedAt.toISOString() }),
    },
  });
  await writeAudit(trx, clock, actor, {
    action: 'work_order.create',
    entity: 'work_order',
    entityId: id,
    brandId: input.brandId,
    after: {
      number,
      type: input.type,
      channel: input.channel,
      customerId: customer.id,
      productId: product?.id ?? null,
    },
  });
  await emitEvent(trx, clock, {
    type: 'work_order.register',
    aggregateType: 'work_order',
    aggregateId: id,
    brandId: input.brandId,
    payload: { number, customerId: customer.id, contactPhone, customerToken: token },
  });

  if (input.resolvedOnCall) {
    order = await applyStep(trx, clock, actor, order, 'close_on_call', 'desk', {
      reason: input.resolvedOnCall.note ?? null,
      data: { disposition: input.resolvedOnCall.disposition },
      patch: { disposition: input.resolvedOnCall.disposition },
    });
    return { order, outcome: 'closed_on_call', customerToken: token };
  }
  if (deps.dispatch) order = await deps.dispatch(trx, clock, order);
  return { order, outcome: 'created', customerToken: token };
}

export async function intake(deps: IntakeDeps, actor: StepActor, scope: Scope, input: Intake): Promise<IntakeResult> {
  return deps.db.transaction().execute((trx) => intakeTx(trx, deps, actor, scope, input));
}
