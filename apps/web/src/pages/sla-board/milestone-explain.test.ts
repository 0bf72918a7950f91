import type { Milestone } from '@aftercare/contracts';
import { describe, expect, test } from 'vitest';
import { explainLines, targetText } from './milestone-explain.ts';

const t = ((key: string, o?: Record<string, unknown>) =>
  o && Object.keys(o).length ? `${key}${JSON.stringify(o)}` : key) as never;

const base: Milestone = {
  id: '00000000-0000-4000-8000-000000000001',
  key: 'on-site',
  name: { 'zh-CN': '上门服务', 'en-US': 'On site' },
  responsible: 'outlet',
  clock: 'calendar',
  targetMinutes: 1440,
  startedAt: '2026-03-15T00:00:00Z',
  dueAt: '2026-03-16T00:00:00Z',
  warnAt: null,
  stoppedAt: null,
  status: 'open',
  elapsedMinutes: 0,
  pausedMinutes: 0,
  pauses: [],
  customerCaused: false,
  breached: false,
  explain: {
    target: { source: 'targets', when: { urbanRural: 'rural' }, duration: { hours: 24 } },
    start: { action: 'register', basis: 'event' },
    stop: null,
    ref: '上门服务时间（乡镇）24小时内',
  },
};

describe('milestone explanation', () => {
  test('names the target in its unit, or the booked window', () => {
    expect(targetText(t, base)).toBe('milestones.units.hours{"n":24}');
    expect(targetText(t, { ...base, explain: { target: { appointmentEnd: true } } })).toBe(
      'milestones.targetAppointment',
    );
    expect(targetText(t, { ...base, explain: {}, targetMinutes: 30 })).toBe('milestones.duration.m{"m":30}');
  });

  test('says which rule chose the target, from where it counts, how late and the source', () => {
    const now = Date.parse('2026-03-16T02:30:00Z');
    const lines = explainLines(t, base, now);
    expect(lines[0]).toContain('milestones.explainTarget');
    expect(lines).toContain('milestones.explainRule{"when":"milestones.urbanRural.rural"}');
    expect(lines.some((l) => l.startsWith('milestones.explainStart{'))).toBe(true);
    expect(lines).toContain('milestones.explainLate{"time":"milestones.duration.h{\\"h\\":2,\\"m\\":\\"30\\"}"}');
    expect(lines.at(-1)).toBe('milestones.explainRef{"ref":"上门服务时间（乡镇）24小时内"}');
  });

  test('a met milestone is not late; a paused one says why; customer-caused says the window moved it', () => {
    const now = Date.parse('2026-03-20T00:00:00Z');
    const met = explainLines(t, { ...base, status: 'met', stoppedAt: '2026-03-15T10:00:00Z' }, now);
    expect(met).toContain('milestones.explainMet');
    expect(met.some((l) => l.startsWith('milestones.explainLate'))).toBe(false);
    const paused = explainLines(
      t,
      {
        ...base,
        status: 'paused',
        dueAt: null,
        pauses: [{ from: '2026-03-15T05:00:00Z', to: null, reason: 'waiting_parts' }],
      },
      now,
    );
    expect(paused.some((l) => l.includes('milestones.pauseReasons.waiting_parts'))).toBe(true);
    const moved = explainLines(t, { ...base, customerCaused: true }, Date.parse('2026-03-15T01:00:00Z'));
    expect(moved.some((l) => l.startsWith('milestones.explainMoved'))).toBe(true);
  });
});
