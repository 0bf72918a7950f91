import type { Milestone } from '@aftercare/contracts';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../../components/format.ts';
import { durationText } from './sla-format.ts';

type Tr = (key: string, opts?: Record<string, unknown>) => string;
const UNITS = ['minutes', 'hours', 'days', 'workingHours', 'workingDays'] as const;

interface Explain {
  target?: {
    source?: string;
    when?: Record<string, unknown>;
    duration?: Record<string, unknown>;
    appointmentEnd?: boolean;
  };
  start?: { action?: string; at?: string; basis?: string };
  stop?: { action?: string; at?: string } | null;
  ref?: string | null;
}

/** The target as people say it: "12 小时", "2 个工作日", or "by the end of the booked window". */
export function targetText(t: TFunction, m: Pick<Milestone, 'explain' | 'targetMinutes' | 'clock'>): string {
  const tr = t as unknown as Tr;
  const e = m.explain as Explain;
  if (e.target?.appointmentEnd) return tr('milestones.targetAppointment');
  const d = e.target?.duration ?? {};
  const unit = UNITS.find((u) => typeof d[u] === 'number');
  if (unit) return tr(`milestones.units.${unit}`, { n: d[unit] });
  return m.targetMinutes === null ? '—' : durationText(t, m.targetMinutes);
}

/**
 * The engine's explanation in plain words: the target and the rule that chose it, from which event
 * the clock counts and what stops it, a later window the customer asked for, a pause now, how late
 * or that it was met, and the policy it cites.
 */
export function explainLines(t: TFunction, m: Milestone, nowMs: number): string[] {
  const tr = t as unknown as Tr;
  const e = m.explain as Explain;
  const action = (a: string | undefined) => tr(`orders.actions.${a}`, { defaultValue: a ?? '' });
  const lines: string[] = [];
  lines.push(tr('milestones.explainTarget', { target: targetText(t, m), clock: tr(`milestones.clock.${m.clock}`) }));
  const ur = e.target?.when?.urbanRural;
  if (e.target?.source === 'targets' && (ur === 'urban' || ur === 'rural'))
    lines.push(tr('milestones.explainRule', { when: tr(`milestones.urbanRural.${ur}`) }));
  if (e.start?.basis === 'receivedAt')
    lines.push(tr('milestones.explainStartReceived', { at: formatDateTime(m.startedAt) }));
  else if (e.start?.action)
    lines.push(tr('milestones.explainStart', { action: action(e.start.action), at: formatDateTime(m.startedAt) }));
  if (e.stop?.action)
    lines.push(tr('milestones.explainStopAt', { action: action(e.stop.action), at: formatDateTime(e.stop.at) }));
  if (m.customerCaused) lines.push(tr('milestones.explainMoved', { at: formatDateTime(m.dueAt) }));
  const open = m.pauses.find((p) => p.to === null);
  if (m.status === 'paused' || open)
    lines.push(
      tr('milestones.explainPausedNow', {
        reason: tr(`milestones.pauseReasons.${open?.reason ?? 'waiting_customer'}`, { defaultValue: open?.reason }),
      }),
    );
  const due = m.dueAt ? Date.parse(m.dueAt) : null;
  if (m.status === 'met') lines.push(tr('milestones.explainMet'));
  else if (due !== null && (m.status === 'missed' || m.status === 'open')) {
    const end = m.stoppedAt ? Date.parse(m.stoppedAt) : nowMs;
    if (end > due) lines.push(tr('milestones.explainLate', { time: durationText(t, (end - due) / 60_000) }));
  }
  if (e.ref) lines.push(tr('milestones.explainRef', { ref: e.ref }));
  return lines;
}
