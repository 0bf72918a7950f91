// The `sla` and `remedies` pack sections: what validates, what is refused and where the pack editor
// points (line and column of the YAML).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePack } from '../parse.ts';
import { appealDaysOf, approvalLimitFen, mayApprove } from './breach.ts';
import { durationMinutes, durationSchema, milestoneSchema, SLA_ACTIONS, slaSchema } from './schema.ts';

const name = { 'zh-CN': '上门', 'en-US': 'On site' };
const base = {
  id: 'on-site',
  name,
  start: { on: ['register'] },
  stop: { on: ['check_in'] },
  target: { hours: 12 },
  responsible: 'outlet',
};

describe('durations', () => {
  test('exactly one unit, positive', () => {
    expect(durationSchema.safeParse({ hours: 12 }).success).toBe(true);
    expect(durationSchema.safeParse({ workingDays: 2, ref: '两个工作日' }).success).toBe(true);
    expect(durationSchema.safeParse({ hours: 12, minutes: 5 }).success).toBe(false);
    expect(durationSchema.safeParse({}).success).toBe(false);
    expect(durationSchema.safeParse({ minutes: 0 }).success).toBe(false);
    expect(durationSchema.safeParse({ weeks: 1 }).success).toBe(false);
  });

  test('minutes in the clock of the unit; a working day is the calendar’s working day', () => {
    expect(durationMinutes({ minutes: 5 }, 540)).toEqual({ clock: 'calendar', minutes: 5 });
    expect(durationMinutes({ hours: 12 }, 540)).toEqual({ clock: 'calendar', minutes: 720 });
    expect(durationMinutes({ days: 5 }, 540)).toEqual({ clock: 'calendar', minutes: 7200 });
    expect(durationMinutes({ workingHours: 4 }, 540)).toEqual({ clock: 'working', minutes: 240 });
    expect(durationMinutes({ workingDays: 2 }, 450)).toEqual({ clock: 'working', minutes: 900 });
  });
});

describe('milestones', () => {
  test('a full definition parses', () => {
    const r = milestoneSchema.safeParse({
      ...base,
      appliesTo: { types: ['repair'] },
      start: { on: ['register'], at: 'receivedAt', latest: true },
      stop: { on: ['check_in', 'note:contact_call'] },
      targets: [{ when: { urbanRural: 'rural' }, target: { hours: 24 } }],
      warnBefore: { hours: 2 },
      pauseFor: ['waiting_customer', 'waiting_parts'],
      customerAppointmentMoves: true,
      breach: { slip: { amountYuan: 100 }, remedies: ['x'] },
      ref: '上门服务时间12小时内',
    });
    expect(r.success).toBe(true);
    expect(milestoneSchema.safeParse({ ...base, target: { appointmentEnd: true } }).success).toBe(true);
  });

  test('unknown actions, unknown keys, bad pause reasons and working-time leads are refused', () => {
    expect(milestoneSchema.safeParse({ ...base, stop: { on: ['arrive'] } }).success).toBe(false);
    expect(milestoneSchema.safeParse({ ...base, stop: { on: ['note:Contact Call'] } }).success).toBe(false);
    expect(milestoneSchema.safeParse({ ...base, stop: { on: [] } }).success).toBe(false);
    expect(milestoneSchema.safeParse({ ...base, owner: 'x' }).success).toBe(false);
    expect(milestoneSchema.safeParse({ ...base, pauseFor: ['lunch'] }).success).toBe(false);
    expect(milestoneSchema.safeParse({ ...base, warnBefore: { workingHours: 1 } }).success).toBe(false);
    expect(milestoneSchema.safeParse({ ...base, responsible: 'technician' }).success).toBe(false);
    expect(slaSchema.safeParse({ milestones: [base], appealDays: -1 }).success).toBe(false);
  });

  test('the actions are the contracts’ order actions (pause_clock and resume_clock included)', () => {
    // Read, not imported: the policy package does not depend on contracts.
    const text = readFileSync(join(import.meta.dirname, '../../../contracts/src/work-orders.ts'), 'utf8');
    const list = /export const ORDER_ACTIONS = \[([^\]]*)\]/.exec(text)![1]!;
    const orderActions = [...list.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
    expect(new Set(SLA_ACTIONS)).toEqual(new Set([...orderActions, 'pause_clock', 'resume_clock']));
  });
});

const PACK = `id: probe
version: 1
extends: cn-baseline
name: { zh-CN: 探针, en-US: Probe }
effective: { from: 2026-01-01 }
sla:
  resolution:
    milestone: nowhere
    targets: [{ days: 1, rate: 80 }]
  milestones:
    - id: on-site
      name: { zh-CN: 上门, en-US: On site }
      start: { on: [register] }
      stop: { on: [check_in] }
      target: { hours: 12 }
      responsible: outlet
      breach:
        remedies: [free, missing]
    - id: on-site
      name: { zh-CN: 再上门, en-US: Again }
      start: { on: [book] }
      stop: { on: [check_in] }
      target: { appointmentEnd: true }
      customerAppointmentMoves: true
      responsible: outlet
remedies:
  approvalLimits: { agent: 0, service_manager: 200 }
  items:
    - { id: free, name: { zh-CN: 免单, en-US: Free }, kind: waive_charges }
    - { id: cash, name: { zh-CN: 赔偿, en-US: Cash }, kind: compensation }
`;

describe('cross-references, with the line and column the pack editor shows', () => {
  test('an unknown remedy, a duplicate id, an unknown resolution milestone, a compensation without amount', () => {
    const r = parsePack(PACK, 'probe.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = PACK.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e]));
    expect(byPath['sla.milestones.0.breach.remedies.1']).toMatchObject({ line: lineOf('remedies: [free, missing]') });
    expect(byPath['sla.milestones.0.breach.remedies.1']!.message).toMatch(/no remedy missing .*known: free, cash/);
    expect(byPath['sla.milestones.1.id']).toMatchObject({ line: lineOf('- id: on-site') + 8 });
    expect(byPath['sla.milestones.1.id']!.message).toMatch(/used twice/);
    expect(byPath['sla.resolution.milestone']).toMatchObject({ line: lineOf('milestone: nowhere') });
    expect(byPath['remedies.items.1.amountYuan']!.message).toMatch(/needs amountYuan/);
    expect(byPath['sla.milestones.1.customerAppointmentMoves']!.line).toBe(lineOf('customerAppointmentMoves'));
    expect(r.errors.every((e) => e.column > 0)).toBe(true);
    expect(r.errors.find((e) => e.path === 'sla.milestones.0.breach.remedies.0')).toBeUndefined();
  });

  test('a fixed pack parses; approval limits and appeal days read from it', () => {
    const fixed = PACK.replace('milestone: nowhere', 'milestone: on-site')
      .replace('[free, missing]', '[free]')
      .replace('- id: on-site\n      name: { zh-CN: 再上门', '- id: on-time\n      name: { zh-CN: 再上门')
      .replace('      customerAppointmentMoves: true\n', '')
      .replace('kind: compensation }', 'kind: compensation, amountYuan: 50 }');
    const r = parsePack(fixed, 'probe.yaml');
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(appealDaysOf(r.pack.sla)).toBe(3);
    expect(approvalLimitFen(r.pack.remedies, 'service_manager')).toBe(20_000);
    expect(approvalLimitFen(r.pack.remedies, 'quality_inspector')).toBeNull();
    expect(mayApprove(r.pack.remedies, ['agent'], 1)).toBe(false);
    expect(mayApprove(r.pack.remedies, ['agent', 'service_manager'], 20_000)).toBe(true);
    expect(mayApprove(r.pack.remedies, ['service_manager'], 20_001)).toBe(false);
  });
});
