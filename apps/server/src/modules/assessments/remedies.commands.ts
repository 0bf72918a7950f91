// Decisions on customer remedies proposed on a breach. Approval is limited per role by the brand
// pack's `remedies.approvalLimits` (yuan); a role not listed may not approve, the platform
// administrator has no limit. An approved waive_charges remedy flags the order `service_free`.
import type { remedyApproveBody, remedyRejectBody } from '@aftercare/contracts';
import { approvalLimitFen, shanghaiDate } from '@aftercare/policy';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import { actorOf, type Principal } from '../../platform/access/principal.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { CommandDeps } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { emitEvent } from '../../platform/outbox.ts';
import type { PackSource } from '../dispatch/dispatch.commands.ts';
import { choosePack } from '../policies/index.ts';
import { SERVICE_FREE } from '../visits/commands/charges.ts';
import { quotedPayable } from './assessments.breach.ts';
import { AssessmentErrors } from './assessments.errors.ts';
import { lockRemedy, type RemedyRow } from './assessments.repository.ts';

type Trx = Transaction<DB>;
export type RemedyDeps = CommandDeps & { packs: PackSource };

export const BASELINE_PACK = 'cn-baseline';

const yuan = (fen: number) => (fen / 100).toFixed(2).replace(/\.00$/, '');
const userOf = (p: Principal) => (p.via === 'api_key' ? null : p.userId);

/** The caller's approval limit in fen from the brand's pack in force; null: no limit; undefined: none allowed. */
export async function approverLimitFen(trx: Trx, deps: RemedyDeps, brandId: string, role: string) {
  if (role === 'platform_admin') return null;
  const brand = await trx.selectFrom('brands').select('policy_pack').where('id', '=', brandId).executeTakeFirst();
  const choice = choosePack(deps.packs.current(), brand?.policy_pack ?? BASELINE_PACK, shanghaiDate(deps.clock.now()));
  return approvalLimitFen(choice?.pack.remedies, role) ?? undefined;
}

async function decide(
  deps: RemedyDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  approve: boolean,
  note: string | null,
) {
  await deps.db.transaction().execute(async (trx) => {
    const before = await lockRemedy(trx, p.scope, id);
    if (!before) throw new AppError(CommonErrors.NOT_FOUND);
    if (before.status !== 'proposed')
      throw new AppError(AssessmentErrors.REMEDY_NOT_PROPOSED, { status: before.status });
    // Waived charges are what the customer would pay now: a quote made after the breach counts.
    const amount =
      approve && before.kind === 'waive_charges'
        ? Math.max(before.amount_fen, await quotedPayable(trx, before.order_id))
        : before.amount_fen;
    if (approve) {
      const limit = await approverLimitFen(trx, deps, before.brand_id, p.role);
      if (limit !== null && (limit === undefined || amount > limit))
        throw new AppError(
          AssessmentErrors.REMEDY_OVER_LIMIT,
          { amountYuan: yuan(amount), limitYuan: yuan(limit ?? 0) },
          { limitFen: limit ?? 0, amountFen: amount, role: p.role },
        );
    }
    const now = deps.clock.now();
    const after = await trx
      .updateTable('remedy_proposals')
      .set({
        status: approve ? 'approved' : 'rejected',
        amount_fen: amount,
        decided_by: userOf(p),
        decided_at: now,
        decision_note: note,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (approve && after.kind === 'waive_charges') await flagServiceFree(trx, after, now);
    const actor = actorOf(p, requestId);
    await writeAudit(trx, deps.clock, actor, {
      action: approve ? 'remedy.approve' : 'remedy.reject',
      entity: 'remedy_proposal',
      entityId: after.id,
      brandId: after.brand_id,
      before,
      after,
    });
    await emitEvent(trx, deps.clock, {
      type: approve ? 'remedy.approved' : 'remedy.rejected',
      aggregateType: 'remedy_proposal',
      aggregateId: after.id,
      brandId: after.brand_id,
      payload: {
        orderId: after.order_id,
        milestoneId: after.milestone_id,
        remedyId: after.remedy_id,
        kind: after.kind,
        amountFen: after.amount_fen,
        by: actor.id,
        note,
      },
    });
  });
}

/** The order's charges are waived: the flag the receipt and the console read. */
async function flagServiceFree(trx: Trx, r: RemedyRow, now: Date) {
  await trx
    .updateTable('work_orders')
    .set({ flags: sql<string[]>`array_append(flags, ${SERVICE_FREE})`, updated_at: now })
    .where('id', '=', r.order_id)
    .where(sql<boolean>`NOT (${SERVICE_FREE} = ANY(flags))`)
    .execute();
}

export async function approveRemedy(
  deps: RemedyDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof remedyApproveBody>,
) {
  await decide(deps, p, requestId, id, true, body.note ?? null);
}

export async function rejectRemedy(
  deps: RemedyDeps,
  p: Principal,
  requestId: string | null,
  id: string,
  body: z.output<typeof remedyRejectBody>,
) {
  await decide(deps, p, requestId, id, false, body.note);
}
