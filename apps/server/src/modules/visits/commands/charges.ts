// Charges (明码标价): a quote from the pack's fee standard and the catalog's part prices, with what the
// warranty verdict covers zeroed; the customer accepts or declines it before out-of-warranty work; at
// completion an itemized receipt is issued from the accepted quote (or for nothing, when none is due).
import type { quoteBody } from '@aftercare/contracts';
import { type Quote, QuoteError, quote, type Verdict } from '@aftercare/policy';
import type { z } from 'zod';
import type { Principal } from '../../../platform/access/principal.ts';
import type { Clock } from '../../../platform/clock.ts';
import { AppError } from '../../../platform/errors.ts';
import { newId } from '../../../platform/ids.ts';
import { packCategory } from '../../warranty/index.ts';
import { applyStep, type OrderRow, type Party, runStepAs, type StepActor } from '../../work-orders/index.ts';
import { VisitErrors } from '../visits.errors.ts';
import { type ChargeRow, currentQuote, packOf, type VisitDeps } from '../visits.repository.ts';
import { precheck, type Trx } from '../visits.steps.ts';

async function catalogParts(trx: Trx, brandId: string, wanted: { partCode: string; quantity: number }[]) {
  if (wanted.length === 0) return [];
  const codes = [...new Set(wanted.map((w) => w.partCode))];
  const rows = await trx
    .selectFrom('parts')
    .select(['code', 'name', 'price_fen'])
    .where('brand_id', '=', brandId)
    .where('code', 'in', codes)
    .where('status', '=', 'active')
    .execute();
  return wanted.map((w) => {
    const row = rows.find((r) => r.code === w.partCode);
    if (!row || row.price_fen === null) throw new AppError(VisitErrors.VISIT_PART_UNKNOWN, { partCode: w.partCode });
    return { code: row.code, name: row.name, catalogPriceFen: row.price_fen, quantity: w.quantity };
  });
}

export async function priceJob(trx: Trx, deps: VisitDeps, order: OrderRow, body: z.output<typeof quoteBody>) {
  const pack = await packOf(trx, deps, order.brand_id);
  const parts = await catalogParts(trx, order.brand_id, body.parts);
  const category = order.category_code ? packCategory(order.category_code) : null;
  try {
    const q = quote(
      pack?.fees,
      (order.verdict as Verdict | null) ?? null,
      { items: body.items, parts },
      {
        urbanRural: order.urban_rural === 'rural' ? 'rural' : 'urban',
        divisionCode: order.division_code,
        category,
      },
    );
    return { q, pack };
  } catch (e) {
    if (!(e instanceof QuoteError)) throw e;
    const pr = e.problem;
    if (pr.kind === 'unknown_item') throw new AppError(VisitErrors.VISIT_QUOTE_ITEM_UNKNOWN, { code: pr.code });
    throw new AppError(VisitErrors.VISIT_QUOTE_ITEM_CATEGORY, { code: pr.code, category: pr.category });
  }
}

async function insertCharge(
  trx: Trx,
  clock: Clock,
  order: OrderRow,
  kind: 'quote' | 'receipt',
  status: 'proposed' | 'issued',
  q: Quote,
  pack: { id: string; version: number } | null,
  createdBy: string | null,
) {
  return trx
    .insertInto('work_order_charges')
    .values({
      id: newId(),
      order_id: order.id,
      brand_id: order.brand_id,
      kind,
      status,
      items: JSON.stringify(q.lines),
      total_fen: q.totalFen,
      covered_fen: q.coveredFen,
      payable_fen: q.payableFen,
      fee_pack_id: pack?.id ?? null,
      fee_pack_version: pack?.version ?? null,
      created_by: createdBy,
      created_at: clock.now(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const userOf = (p: Principal) => (p.via === 'api_key' ? null : p.userId);

/** A new quote; the one still awaiting the customer's decision is superseded by it. */
export async function makeQuote(
  deps: VisitDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof quoteBody>,
  v: number | null,
) {
  let charge: ChargeRow | undefined;
  const order = await runStepAs(deps, p, requestId, id, 'quote', async (trx, order, party) => {
    precheck(order, 'quote', party);
    const { q, pack } = await priceJob(trx, deps, order, body);
    await trx
      .updateTable('work_order_charges')
      .set({ status: 'superseded' })
      .where('order_id', '=', order.id)
      .where('kind', '=', 'quote')
      .where('status', '=', 'proposed')
      .execute();
    charge = await insertCharge(trx, deps.clock, order, 'quote', 'proposed', q, pack ?? null, userOf(p));
    return {
      data: { chargeId: charge.id, totalFen: q.totalFen, payableFen: q.payableFen },
      expectedVersion: v,
    };
  });
  return { order, charge: charge! };
}

/** Records the customer's decision on the quote awaiting it, as a step of the order. */
export async function decideQuoteTx(
  trx: Trx,
  clock: Clock,
  actor: StepActor,
  order: OrderRow,
  party: Party,
  accept: boolean,
  decidedBy: string,
  v: number | null,
) {
  precheck(order, 'quote_decision', party);
  const q = await currentQuote(trx, order.id);
  if (q?.status !== 'proposed') throw new AppError(VisitErrors.VISIT_QUOTE_NONE);
  const charge = await trx
    .updateTable('work_order_charges')
    .set({ status: accept ? 'accepted' : 'declined', decided_at: clock.now(), decided_by: decidedBy })
    .where('id', '=', q.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const updated = await applyStep(trx, clock, actor, order, 'quote_decision', party, {
    data: { chargeId: q.id, accept, payableFen: q.payable_fen },
    expectedVersion: v,
  });
  return { order: updated, charge };
}

/** An approved waive_charges remedy (assessments module) makes the order's service free. */
export const SERVICE_FREE = 'service_free';

/**
 * The gate before completion: a quote with something payable must have been accepted, unless the
 * service is free. (No quote at all: nothing was quoted, so nothing is charged and the receipt says so.)
 */
export async function quoteGate(trx: Trx, orderId: string, free = false) {
  const q = await currentQuote(trx, orderId);
  if (q && q.payable_fen > 0 && q.status !== 'accepted' && !free)
    throw new AppError(VisitErrors.VISIT_QUOTE_NOT_ACCEPTED, { payableFen: q.payable_fen }, { chargeId: q.id });
  return q;
}

/**
 * The receipt at completion: the accepted (or fully covered) quote's lines, else an empty receipt. On
 * a free service (the order flagged service_free) the quote still awaiting a decision is used and
 * nothing is payable: the whole total shows as covered.
 */
export async function issueReceipt(
  trx: Trx,
  clock: Clock,
  order: OrderRow,
  q: ChargeRow | undefined,
  by: string | null,
) {
  const free = order.flags.includes(SERVICE_FREE);
  const usable = q && (q.status === 'accepted' || q.payable_fen === 0 || (free && q.status === 'proposed'));
  const lines = usable ? (q.items as Quote['lines']) : [];
  const charged: Quote = usable
    ? { lines, totalFen: q.total_fen, coveredFen: q.covered_fen, payableFen: q.payable_fen }
    : { lines: [], totalFen: 0, coveredFen: 0, payableFen: 0 };
  const receipt: Quote = free ? { ...charged, coveredFen: charged.totalFen, payableFen: 0 } : charged;
  const pack =
    usable && q.fee_pack_id && q.fee_pack_version ? { id: q.fee_pack_id, version: q.fee_pack_version } : null;
  return insertCharge(trx, clock, order, 'receipt', 'issued', receipt, pack, by);
}
