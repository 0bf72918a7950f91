// Completion verified (section E): the customer receives a one-time code by SMS (through the outbox;
// only its hash and expiry are stored, and it appears in no API answer, timeline or audit row) that the
// technician enters, or signs on the technician's screen. Completing by signature alone is flagged
// (`completed_without_code`, a fraud signal). The required checklist items must be ticked, a payable
// quote accepted; the receipt and the return-visit task are written in the same transaction.
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { completeBody } from '@aftercare/contracts';
import { serviceRules } from '@aftercare/policy';
import type { z } from 'zod';
import type { Principal } from '../../../platform/access/principal.ts';
import { AppError, CommonErrors } from '../../../platform/errors.ts';
import { maskPhone } from '../../../platform/masking.ts';
import { emitEvent } from '../../../platform/outbox.ts';
import { normalizePhone } from '../../../platform/phone.ts';
import { appendEvent, applyStep, lockOrder, type OrderRow, partyFor, stepActor } from '../../work-orders/index.ts';
import { VisitErrors } from '../visits.errors.ts';
import { countNotes, lastNoteAt, openVisit, packOf, type VisitDeps } from '../visits.repository.ts';
import { precheck, type Trx, withFlag } from '../visits.steps.ts';
import { issueReceipt, quoteGate, SERVICE_FREE } from './charges.ts';
import { createTaskTx } from './return-visits.ts';

/** Wrong codes allowed before the code is void and a new one must be sent. */
export const MAX_CODE_ATTEMPTS = 5;
const RESEND_AFTER_MS = 60_000;
const MAX_SIGNATURE_BYTES = 200 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SENT = 'completion_code_sent';
const WRONG = 'completion_code_wrong';

const codeHash = (orderId: string, code: string) => createHash('sha256').update(`${orderId}:${code}`).digest('hex');

export async function sendCompletionCode(deps: VisitDeps, p: Principal, requestId: string | null, id: string) {
  return deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    const party = partyFor(p, 'complete');
    precheck(order, 'complete', party);
    const phone = normalizePhone(order.contact_phone);
    if (phone?.kind !== 'mobile') throw new AppError(VisitErrors.VISIT_NO_PHONE);
    // One SMS a minute at most: a double tap or an impatient resend does not flood the customer.
    const last = await lastNoteAt(trx, order.id, SENT);
    const wait = last ? Math.ceil((last.getTime() + RESEND_AFTER_MS - deps.clock.now().getTime()) / 1000) : 0;
    if (wait > 0) throw new AppError(VisitErrors.VISIT_CODE_RECENT, { seconds: wait });
    const rules = serviceRules(await packOf(trx, deps, order.brand_id));
    const code = String(randomInt(0, 10 ** rules.codeLength)).padStart(rules.codeLength, '0');
    const expiresAt = new Date(deps.clock.now().getTime() + rules.codeTtlMinutes * 60_000);
    await trx
      .updateTable('work_orders')
      .set({ completion_code_hash: codeHash(order.id, code), completion_code_expires_at: expiresAt })
      .where('id', '=', order.id)
      .execute();
    const sentTo = maskPhone(phone.normalized);
    await appendEvent(trx, deps.clock, stepActor(p, requestId), order, {
      action: 'note',
      from: null,
      to: null,
      data: { kind: SENT, sentTo, expiresAt: expiresAt.toISOString() },
    });
    const brand = await trx.selectFrom('brands').select('name').where('id', '=', order.brand_id).executeTakeFirst();
    // The SMS channel is the outbox: the only place the code is written.
    await emitEvent(trx, deps.clock, {
      type: 'sms.requested',
      aggregateType: 'work_order',
      aggregateId: order.id,
      brandId: order.brand_id,
      payload: {
        purpose: 'completion_code',
        to: phone.normalized,
        text: `【${brand?.name ?? ''}】您的服务单 ${order.number} 完工验证码为 ${code}，${rules.codeTtlMinutes}分钟内有效。请在服务完成后告知上门工程师，切勿提前透露。`,
      },
    });
    return { sentTo, expiresAt: expiresAt.toISOString() };
  });
}

function checkSignature(dataUrl: string) {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length > MAX_SIGNATURE_BYTES || bytes.length <= PNG_MAGIC.length || !bytes.subarray(0, 8).equals(PNG_MAGIC))
    throw new AppError(VisitErrors.VISIT_SIGNATURE_INVALID);
}

type CodeCheck = { ok: true } | { ok: false; attemptsLeft: number };

/** Checks the code; a wrong one is counted on the timeline (and voids the code at the limit). */
async function checkCode(
  trx: Trx,
  deps: VisitDeps,
  p: Principal,
  requestId: string | null,
  order: OrderRow,
  code: string,
): Promise<CodeCheck> {
  const since = await lastNoteAt(trx, order.id, SENT);
  if (!order.completion_code_hash || !order.completion_code_expires_at) {
    const wrong = since ? await countNotes(trx, order.id, WRONG, since) : 0;
    throw new AppError(wrong >= MAX_CODE_ATTEMPTS ? VisitErrors.VISIT_CODE_VOID : VisitErrors.VISIT_CODE_NOT_SENT);
  }
  if (order.completion_code_expires_at <= deps.clock.now()) throw new AppError(VisitErrors.VISIT_CODE_EXPIRED);
  const given = Buffer.from(codeHash(order.id, code), 'hex');
  const stored = Buffer.from(order.completion_code_hash, 'hex');
  if (given.length === stored.length && timingSafeEqual(given, stored)) return { ok: true };
  const attempt = (await countNotes(trx, order.id, WRONG, since)) + 1;
  await appendEvent(trx, deps.clock, stepActor(p, requestId), order, {
    action: 'note',
    from: null,
    to: null,
    data: { kind: WRONG, attempt, of: MAX_CODE_ATTEMPTS },
  });
  if (attempt >= MAX_CODE_ATTEMPTS)
    await trx
      .updateTable('work_orders')
      .set({ completion_code_hash: null, completion_code_expires_at: null })
      .where('id', '=', order.id)
      .execute();
  return { ok: false, attemptsLeft: Math.max(0, MAX_CODE_ATTEMPTS - attempt) };
}

export async function complete(
  deps: VisitDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof completeBody>,
  v: number | null,
) {
  const result = await deps.db.transaction().execute(async (trx) => {
    const order = await lockOrder(trx, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    const party = partyFor(p, 'complete');
    precheck(order, 'complete', party);
    const visit = await openVisit(trx, order.id);
    if (!visit) throw new AppError(VisitErrors.VISIT_NOT_OPEN);
    const rules = serviceRules(await packOf(trx, deps, order.brand_id));
    const ticks = visit.checklist as Record<string, boolean>;
    const missing = rules.checklist.filter((c) => c.required && ticks[c.id] !== true);
    if (missing.length > 0)
      throw new AppError(
        VisitErrors.VISIT_CHECKLIST_INCOMPLETE,
        { names: missing.map((c) => c.name['zh-CN']).join('、') },
        { missing: missing.map((c) => ({ id: c.id, name: c.name })) },
      );
    const q = await quoteGate(trx, order.id, order.flags.includes(SERVICE_FREE));
    const method = 'code' in body ? 'code' : 'signature';
    if ('code' in body) {
      const check = await checkCode(trx, deps, p, requestId, order, body.code);
      // The wrong attempt is committed (it counts); the step is not taken.
      if (!check.ok) return check;
    } else checkSignature(body.signature);

    const now = deps.clock.now();
    const receipt = await issueReceipt(trx, deps.clock, order, q, p.via === 'api_key' ? null : p.userId);
    await trx
      .updateTable('work_order_visits')
      .set({ checked_out_at: now, outcome: 'resolved', signature: 'signature' in body ? body.signature : null })
      .where('id', '=', visit.id)
      .execute();
    const updated = await applyStep(trx, deps.clock, stepActor(p, requestId), order, 'complete', party, {
      completionProof: method,
      patch: {
        completion_method: method,
        completion_code_hash: null,
        completion_code_expires_at: null,
        ...(method === 'signature' && { flags: withFlag(order.flags, 'completed_without_code') }),
      },
      data: { visitId: visit.id, method, receiptId: receipt.id, payableFen: receipt.payable_fen },
      expectedVersion: v,
    });
    await createTaskTx(trx, deps.clock, updated, rules.returnVisitDueHours);
    return { ok: true as const, order: updated };
  });
  if (!result.ok)
    throw new AppError(result.attemptsLeft > 0 ? VisitErrors.VISIT_CODE_WRONG : VisitErrors.VISIT_CODE_VOID, {
      attemptsLeft: result.attemptsLeft,
    });
  return result.order;
}
