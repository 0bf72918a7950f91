// The engine's rules on small hand-made milestones: warnings in working hours, pauses in the clock's
// measure, overlapping pauses, pauses after the due time, events after `now`, facts filters.
import { describe, expect, test } from 'vitest';
import { facts, history, officeCalendar, type Step, sh, window } from '../../test/sla.ts';
import { computeMilestones, orderPauses } from './engine.ts';
import { type MilestoneDef, type SlaSection, slaSchema } from './schema.ts';

const name = { 'zh-CN': '测试', 'en-US': 'Test' };
const def = (over: Partial<MilestoneDef> & Record<string, unknown> = {}): SlaSection =>
  slaSchema.parse({
    milestones: [
      {
        id: 'm',
        name,
        start: { on: ['register'] },
        stop: { on: ['check_in'] },
        target: { hours: 1 },
        responsible: 'outlet',
        ...over,
      },
    ],
  });
const one = (sla: SlaSection, steps: Step[], now: string, over = {}) => {
  const all = computeMilestones(sla, facts(over), history(steps), officeCalendar, sh(now));
  return all[0];
};
const iso = (local: string) => sh(local).toISOString();
const at = (d: Date | null | undefined) => d?.toISOString() ?? null;

describe('warnings fall in working hours', () => {
  test('warnBefore: a calendar lead before the due time', () => {
    const m = one(
      def({ target: { hours: 4 }, warnBefore: { minutes: 30 } }),
      [['2026-03-02 10:00', 'register']],
      '2026-03-02 10:00',
    );
    expect(at(m!.warnAt)).toBe(iso('2026-03-02 13:30'));
    expect(m!.explain.warn).toMatchObject({ rule: 'warnBefore' });
  });

  test('a warning that would fall before the start goes out at the first working instant after it', () => {
    // Started 20:00, due 10:00 the next morning; 80 % is 07:12, the office opens at 08:30.
    const m = one(def({ target: { hours: 14 } }), [['2026-03-02 20:00', 'register']], '2026-03-02 21:00');
    expect(at(m!.dueAt)).toBe(iso('2026-03-03 10:00'));
    expect(at(m!.warnAt)).toBe(iso('2026-03-03 08:30'));
  });

  test('no working instant between start and due: no warning', () => {
    const m = one(def({ target: { minutes: 5 } }), [['2026-03-02 03:00', 'register']], '2026-03-02 03:01');
    expect(m!.warnAt).toBeNull();
    const weekend = one(def({ target: { hours: 6 } }), [['2026-03-07 10:00', 'register']], '2026-03-07 10:01');
    expect(weekend!.warnAt).toBeNull();
  });
});

describe('pauses', () => {
  test('a working-time clock moves by the working minutes inside the pause', () => {
    const sla = def({ target: { workingHours: 4 }, pauseFor: ['waiting_customer'] });
    const steps: Step[] = [
      ['2026-03-02 09:00', 'register'],
      ['2026-03-02 10:00', 'pause_clock', { pauseReason: 'waiting_customer' }],
      ['2026-03-02 19:00', 'resume_clock'],
    ];
    const m = one(sla, steps, '2026-03-02 20:00');
    // 13:00 without the pause; 450 working minutes paused (10:00–17:30) → Tuesday 11:30.
    expect(at(m!.dueAt)).toBe(iso('2026-03-03 11:30'));
    expect(m).toMatchObject({ clock: 'working', pausedMinutes: 450, elapsedMinutes: 60 });
  });

  test('overlapping pauses count once; a pause for a reason not listed counts not at all', () => {
    const sla = def({
      target: { hours: 72 },
      stop: { on: ['complete'] },
      pauseFor: ['waiting_parts', 'waiting_customer'],
    });
    const steps: Step[] = [
      ['2026-03-02 10:00', 'register'],
      ['2026-03-02 11:00', 'check_in'],
      ['2026-03-02 12:00', 'wait_parts'],
      ['2026-03-02 13:00', 'pause_clock', { pauseReason: 'waiting_customer' }],
      ['2026-03-02 14:00', 'resume_clock'],
      ['2026-03-02 16:00', 'book', window('2026-03-03 09:00', '2026-03-03 10:00')],
    ];
    const m = one(sla, steps, '2026-03-02 17:00');
    expect(m!.pausedMinutes).toBe(240);
    expect(m!.pauses.map((p) => p.reason)).toEqual(['waiting_parts', 'waiting_customer']);
    expect(at(m!.dueAt)).toBe(iso('2026-03-05 14:00'));
    const partsOnly = one(
      { milestones: [{ ...sla.milestones[0]!, pauseFor: ['waiting_customer'] }] },
      steps,
      '2026-03-02 17:00',
    );
    expect(partsOnly!.pausedMinutes).toBe(60);
  });

  test('a pause taken at this very instant already pauses the clock', () => {
    const steps: Step[] = [
      ['2026-03-02 10:00', 'register'],
      ['2026-03-02 10:20', 'pause_clock', { pauseReason: 'waiting_customer' }],
    ];
    const m = one(def({ pauseFor: ['waiting_customer'] }), steps, '2026-03-02 10:20');
    expect(m).toMatchObject({ status: 'paused', dueAt: null, elapsedMinutes: 20, pausedMinutes: 0 });
    expect(m!.pauses).toEqual([{ from: sh('2026-03-02 10:20'), to: null, reason: 'waiting_customer' }]);
  });

  test('a pause that starts after the due time does not undo the breach', () => {
    const steps: Step[] = [
      ['2026-03-02 10:00', 'register'],
      ['2026-03-02 12:00', 'pause_clock', { pauseReason: 'waiting_customer' }],
      ['2026-03-02 13:00', 'resume_clock'],
      ['2026-03-02 14:00', 'check_in'],
    ];
    const m = one(def({ pauseFor: ['waiting_customer'] }), steps, '2026-03-02 15:00');
    expect(at(m!.dueAt)).toBe(iso('2026-03-02 11:00'));
    expect(m!.status).toBe('missed');
    // Still open and paused after the due time: not "paused" (the breach stands), the due time stays.
    const overdue = one(def({ pauseFor: ['waiting_customer'] }), steps.slice(0, 2), '2026-03-02 12:30');
    expect(overdue).toMatchObject({ status: 'open' });
    expect(at(overdue!.dueAt)).toBe(iso('2026-03-02 11:00'));
  });

  test('a pause still open at the stop ends there; the order’s pauses come from its statuses and clock actions', () => {
    const steps: Step[] = [
      ['2026-03-02 10:00', 'register'],
      ['2026-03-02 10:10', 'pause_clock', { pauseReason: 'waiting_customer' }],
      ['2026-03-02 10:40', 'check_in'],
    ];
    const m = one(def({ pauseFor: ['waiting_customer'] }), steps, '2026-03-02 15:00');
    expect(m).toMatchObject({ status: 'met', pausedMinutes: 30, elapsedMinutes: 10 });
    expect(at(m!.dueAt)).toBe(iso('2026-03-02 11:30'));
    const pauses = orderPauses(
      history([
        ['2026-03-02 10:00', 'register'],
        ['2026-03-02 11:00', 'check_in'],
        ['2026-03-02 12:00', 'to_factory'],
        ['2026-03-03 12:00', 'book', window('2026-03-04 09:00', '2026-03-04 10:00')],
      ]),
    );
    expect(pauses).toEqual([{ from: sh('2026-03-02 12:00'), to: sh('2026-03-03 12:00'), reason: 'at_factory' }]);
  });
});

describe('history and facts', () => {
  const steps: Step[] = [
    ['2026-03-02 10:00', 'register'],
    ['2026-03-02 10:30', 'check_in'],
  ];

  test('events after now are not seen: the state at an earlier instant is recomputed as it was', () => {
    expect(one(def(), steps, '2026-03-02 10:20')).toMatchObject({
      status: 'open',
      stoppedAt: null,
      elapsedMinutes: 20,
    });
    expect(one(def(), steps, '2026-03-02 09:00')).toBeUndefined();
  });

  test('the first stop after the start counts; a later start event does not restart the clock', () => {
    const m = one(
      def({ stop: { on: ['complete'] }, start: { on: ['check_in'] } }),
      [
        ...steps,
        ['2026-03-02 10:50', 'complete'],
        ['2026-03-02 11:00', 'reopen', { reason: '复发' }],
        ['2026-03-02 12:00', 'check_in'],
        ['2026-03-02 14:00', 'complete'],
      ],
      '2026-03-02 15:00',
    );
    expect(m).toMatchObject({ status: 'met', elapsedMinutes: 20 });
  });

  test('appliesTo and targets match on type, channel and category; no category matches no category list', () => {
    const sla = def({
      appliesTo: { categories: ['air-conditioner'] },
      targets: [
        { when: { channels: ['web'] }, target: { hours: 2 } },
        { when: { types: ['repair'], urbanRural: 'urban' }, target: { hours: 3 } },
      ],
    });
    expect(one(sla, steps, '2026-03-02 10:20', { categoryCode: null })).toBeUndefined();
    expect(one(sla, steps, '2026-03-02 10:20', { categoryCode: 'washer' })).toBeUndefined();
    expect(one(sla, steps, '2026-03-02 10:20', { channel: 'web' })!.targetMinutes).toBe(120);
    expect(one(sla, steps, '2026-03-02 10:20')!.targetMinutes).toBe(180);
    expect(one(sla, steps, '2026-03-02 10:20', { urbanRural: 'rural' })!.targetMinutes).toBe(60);
  });

  test('a pack without an sla section has no milestones', () => {
    expect(computeMilestones(undefined, facts(), history(steps), officeCalendar, sh('2026-03-02 11:00'))).toEqual([]);
  });
});
