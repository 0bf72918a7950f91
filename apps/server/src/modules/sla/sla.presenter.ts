// Rows → API shapes of section G (milestones carry no personal data; notifications only the payload
// the sweep wrote: order number, milestone, due time).
import type { Milestone, MilestoneStatus, Notification } from '@aftercare/contracts';
import type { Selectable } from 'kysely';
import type { NotificationsTable, SlaMilestonesTable } from './sla.tables.ts';

type MilestoneRow = Selectable<SlaMilestonesTable>;
type Localized = { 'zh-CN': string; 'en-US': string };

const iso = (d: Date | string | null) => (d == null ? null : new Date(d).toISOString());

/** Breached: stopped late, past due while running, or already handled by the breach sweep. */
export function isBreached(m: Pick<MilestoneRow, 'status' | 'due_at' | 'breach_handled_at'>, now: Date): boolean {
  if (m.status === 'missed' || m.breach_handled_at) return true;
  return m.status === 'open' && m.due_at != null && new Date(m.due_at) <= now;
}

/** The milestone's name as the engine gave it (stored with its explanation). */
export function milestoneName(m: Pick<MilestoneRow, 'explain' | 'milestone_key'>): Localized {
  const name = (m.explain as { name?: Localized } | null)?.name;
  return name?.['zh-CN'] ? name : { 'zh-CN': m.milestone_key, 'en-US': m.milestone_key };
}

export function presentMilestone(m: MilestoneRow, now: Date): Milestone {
  const pauses = (Array.isArray(m.pauses) ? m.pauses : []) as { from: string; to: string | null; reason: string }[];
  return {
    id: m.id,
    key: m.milestone_key,
    name: milestoneName(m),
    responsible: m.responsible,
    clock: m.clock,
    targetMinutes: m.target_minutes,
    startedAt: iso(m.started_at)!,
    dueAt: iso(m.due_at),
    warnAt: iso(m.warn_at),
    stoppedAt: iso(m.stopped_at),
    status: m.status as MilestoneStatus,
    elapsedMinutes: m.elapsed_minutes,
    pausedMinutes: m.paused_minutes,
    pauses: pauses.map((p) => ({ from: p.from, to: p.to ?? null, reason: p.reason })),
    customerCaused: m.customer_caused,
    breached: isBreached(m, now),
    explain: (m.explain ?? {}) as Record<string, unknown>,
  };
}

export function presentNotification(n: Selectable<NotificationsTable>): Notification {
  return {
    id: n.id,
    kind: n.kind,
    orderId: n.order_id,
    milestoneId: n.milestone_id,
    payload: (n.payload ?? {}) as Record<string, unknown>,
    createdAt: n.created_at.toISOString(),
    readAt: iso(n.read_at),
  };
}
