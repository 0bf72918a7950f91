// The consequences of a breached milestone (H3's breach sweep calls this in its claim transaction): a
// 考核单 against the responsible outlet or agent, and the customer remedies the pack promises, each
// proposed for a person to approve. Idempotent: the unique milestone_id / (milestone_id, remedy_id)
// indexes make a second call a no-op. No order timeline event here (it would re-enter the milestone
// sync); the outbox events are the record.
import { type Localized, shanghaiDate } from '@aftercare/policy';
import { type Selectable, sql, type Transaction } from 'kysely';
import { systemActor } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import { newId } from '../../platform/ids.ts';
import { emitEvent } from '../../platform/outbox.ts';
import type { SlaMilestonesTable } from '../sla/sla.tables.ts';

type Trx = Transaction<DB>;

export type RemedyKind = 'waive_charges' | 'compensation' | 'loaner';

export interface BreachSpec {
  milestoneName: Localized;
  /** The slip amount in fen; null: the pack issues no slip for this milestone. */
  slipAmountFen: number | null;
  /** Days the party has to appeal before the slip is confirmed. */
  appealDays: number;
  remedies: { id: string; kind: RemedyKind; amountFen: number }[];
}

export interface BreachResult {
  slipId: string | null;
  remedyIds: string[];
}

const DAY_MS = 86_400_000;

/** 2 h 15 min → "2小时15分" / "2 h 15 min". */
export function lateness(minutes: number): { zh: string; en: string } {
  const m = Math.max(0, Math.round(minutes));
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  const min = m % 60;
  const zh = `${d ? `${d}天` : ''}${h ? `${h}小时` : ''}${min || m === 0 ? `${min}分` : ''}`;
  const en = [d ? `${d} d` : '', h ? `${h} h` : '', min || m === 0 ? `${min} min` : ''].filter(Boolean).join(' ');
  return { zh, en };
}

export async function nextSlipNumber(trx: Trx, clock: Clock): Promise<string> {
  const day = shanghaiDate(clock.now());
  const { n } = await sql<{ n: string }>`SELECT nextval('assessment_slip_number_seq')::text AS n`
    .execute(trx)
    .then((r) => r.rows[0]!);
  return `KH${day.replaceAll('-', '')}-${n.padStart(6, '0')}`;
}

/**
 * Who answers for the breach: the outlet in charge, or — for the call centre's own steps (desk:
 * recording, dispatch: handing to an outlet; AUX: "对呼叫中心责任人或责任网点自动生成考核单") — the
 * agent of record (the sync stores the agent who registered the order). Nobody known → no slip.
 */
function partyOf(m: Selectable<SlaMilestonesTable>) {
  if (m.responsible === 'outlet' && m.outlet_id)
    return { party: 'outlet' as const, outlet_id: m.outlet_id, user_id: null };
  if (m.responsible !== 'outlet' && m.responsible_user_id)
    return { party: 'agent' as const, outlet_id: null, user_id: m.responsible_user_id };
  return null;
}

/** The customer's charges waived by a waive_charges remedy: what the current quote asks them to pay. */
export async function quotedPayable(trx: Trx, orderId: string): Promise<number> {
  const q = await trx
    .selectFrom('work_order_charges')
    .select('payable_fen')
    .where('order_id', '=', orderId)
    .where('kind', '=', 'quote')
    .where('status', '<>', 'superseded')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return q?.payable_fen ?? 0;
}

async function issueSlip(trx: Trx, clock: Clock, m: Selectable<SlaMilestonesTable>, spec: BreachSpec) {
  const party = partyOf(m);
  if (spec.slipAmountFen == null || !party) return null;
  const now = clock.now();
  const lateMin = m.due_at ? ((m.stopped_at ?? now).getTime() - m.due_at.getTime()) / 60_000 : 0;
  const late = lateness(lateMin);
  const name = spec.milestoneName;
  const reason =
    lateMin >= 1
      ? `${name['zh-CN']}超时${late.zh} / ${name['en-US']} late by ${late.en}`
      : `${name['zh-CN']}超时 / ${name['en-US']} overdue`;
  const id = newId();
  const inserted = await trx
    .insertInto('assessment_slips')
    .values({
      id,
      number: await nextSlipNumber(trx, clock),
      brand_id: m.brand_id,
      order_id: m.order_id,
      milestone_id: m.id,
      milestone_key: m.milestone_key,
      ...party,
      amount_fen: spec.slipAmountFen,
      reason,
      status: 'open',
      appeal_due_at: new Date(now.getTime() + spec.appealDays * DAY_MS),
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('milestone_id').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (!inserted) return null;
  await writeAudit(trx, clock, systemActor, {
    action: 'assessment_slip.issue',
    entity: 'assessment_slip',
    entityId: id,
    brandId: m.brand_id,
    outletId: inserted.outlet_id,
    after: inserted,
  });
  await emitEvent(trx, clock, {
    type: 'assessment.slip_issued',
    aggregateType: 'assessment_slip',
    aggregateId: id,
    brandId: m.brand_id,
    outletId: inserted.outlet_id,
    payload: {
      number: inserted.number,
      orderId: m.order_id,
      milestoneId: m.id,
      milestoneKey: m.milestone_key,
      party: inserted.party,
      userId: inserted.user_id,
      amountFen: inserted.amount_fen,
      appealDueAt: inserted.appeal_due_at.toISOString(),
    },
  });
  return id;
}

async function proposeRemedies(trx: Trx, clock: Clock, m: Selectable<SlaMilestonesTable>, spec: BreachSpec) {
  const ids: string[] = [];
  const now = clock.now();
  for (const r of spec.remedies) {
    const amount = r.kind === 'waive_charges' ? await quotedPayable(trx, m.order_id) : r.amountFen;
    const id = newId();
    const row = await trx
      .insertInto('remedy_proposals')
      .values({
        id,
        brand_id: m.brand_id,
        order_id: m.order_id,
        milestone_id: m.id,
        remedy_id: r.id,
        kind: r.kind,
        amount_fen: Math.max(0, Math.round(amount)),
        status: 'proposed',
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['milestone_id', 'remedy_id']).doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!row) continue;
    ids.push(id);
    await writeAudit(trx, clock, systemActor, {
      action: 'remedy.propose',
      entity: 'remedy_proposal',
      entityId: id,
      brandId: m.brand_id,
      after: row,
    });
    await emitEvent(trx, clock, {
      type: 'remedy.proposed',
      aggregateType: 'remedy_proposal',
      aggregateId: id,
      brandId: m.brand_id,
      payload: { orderId: m.order_id, milestoneId: m.id, remedyId: r.id, kind: r.kind, amountFen: row.amount_fen },
    });
  }
  return ids;
}

/** Issues the slip and proposes the remedies of one breached milestone (a no-op when already done). */
export async function recordBreach(
  trx: Trx,
  clock: Clock,
  milestone: Selectable<SlaMilestonesTable>,
  spec: BreachSpec,
): Promise<BreachResult> {
  const slipId = await issueSlip(trx, clock, milestone, spec);
  const remedyIds = await proposeRemedies(trx, clock, milestone, spec);
  return { slipId, remedyIds };
}
