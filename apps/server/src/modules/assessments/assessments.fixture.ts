// Test helper of the assessments module: a breached milestone row written straight to sla_milestones
// (the SLA sync owns the real ones) and its consequences through recordBreach.
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { type BreachSpec, recordBreach } from './assessments.breach.ts';

export interface MilestoneOver {
  key?: string;
  outletId?: string | null;
  responsible?: 'desk' | 'outlet' | 'dispatch';
  responsibleUserId?: string | null;
  /** Minutes late at `clock.now()` (the due time lies that far back). */
  lateMinutes?: number;
}

export const DEFAULT_SPEC: BreachSpec = {
  milestoneName: { 'zh-CN': '上门', 'en-US': 'On site' },
  slipAmountFen: 20_000,
  appealDays: 3,
  remedies: [
    { id: 'late-visit-free', kind: 'waive_charges', amountFen: 0 },
    { id: 'late-visit-compensation', kind: 'compensation', amountFen: 5_000 },
  ],
};

/** A missed milestone of the order, `lateMinutes` past due now. */
export async function missedMilestone(
  db: Database,
  clock: Clock,
  order: { id: string; brandId: string },
  over: MilestoneOver = {},
) {
  const now = clock.now();
  const late = over.lateMinutes ?? 135;
  const due = new Date(now.getTime() - late * 60_000);
  return db
    .insertInto('sla_milestones')
    .values({
      id: newId(),
      order_id: order.id,
      brand_id: order.brandId,
      outlet_id: over.outletId ?? null,
      region_id: null,
      division_code: '310115004',
      milestone_key: over.key ?? 'on-site',
      pack_id: 'cn-baseline',
      pack_version: 1,
      responsible: over.responsible ?? 'outlet',
      responsible_user_id: over.responsibleUserId ?? null,
      clock: 'calendar',
      target_minutes: 720,
      started_at: new Date(due.getTime() - 720 * 60_000),
      due_at: due,
      warn_at: null,
      stopped_at: null,
      status: 'open',
      elapsed_minutes: 720 + late,
      pauses: '[]',
      explain: JSON.stringify({ name: { 'zh-CN': '上门服务', 'en-US': 'On site' } }),
      computed_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A breached milestone of the order with its slip and remedies, as the breach sweep leaves them. */
export async function breachOf(
  db: Database,
  clock: Clock,
  order: { id: string; brandId: string },
  over: MilestoneOver = {},
  spec: BreachSpec = DEFAULT_SPEC,
) {
  const m = await missedMilestone(db, clock, order, over);
  const r = await db.transaction().execute((trx) => recordBreach(trx, clock, m, spec));
  return { milestone: m, ...r };
}
