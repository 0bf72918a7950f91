// Properties of the milestone engine over random order histories: a pause never makes a deadline
// earlier, recomputation is deterministic, the due time is monotonic in the target, and the minutes on
// a calendar clock add up.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { shipped } from '../../test/packs.ts';
import { eventsOf, facts, officeCalendar } from '../../test/sla.ts';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { computeMilestones, type SlaEvent, type SlaOrderFacts } from './engine.ts';
import { type SlaSection, slaSchema } from './schema.ts';

const MINUTE = 60_000;
const T0 = Date.parse('2026-01-01T00:00:00+08:00');
const ACTIONS = [
  'offer',
  'accept',
  'refuse',
  'redirect',
  'book',
  'reschedule',
  'check_in',
  'wait_parts',
  'to_factory',
  'complete',
  'note',
  'start_return_visit',
  'close',
  'reopen',
  'cancel',
] as const;

const stepArb = fc.record({
  gap: fc.integer({ min: 1, max: 2 * 24 * 60 }),
  action: fc.constantFrom(...ACTIONS),
  windowOffset: fc.integer({ min: 0, max: 5 * 24 * 60 }),
  windowLength: fc.integer({ min: 30, max: 240 }),
  by: fc.constantFrom('customer', 'outlet'),
  kind: fc.constantFrom(undefined, 'contact_call'),
});

const orderArb = fc.record({
  start: fc.integer({ min: 0, max: 330 * 24 * 60 }),
  receivedBefore: fc.option(fc.integer({ min: 0, max: 30 })),
  steps: fc.array(stepArb, { maxLength: 12 }),
  after: fc.integer({ min: 0, max: 8 * 24 * 60 }),
  facts: fc.record({
    type: fc.constantFrom('repair', 'installation', 'complaint', 'guidance'),
    channel: fc.constantFrom('phone', 'supervision_card'),
    categoryCode: fc.constantFrom('air-conditioner', 'toilet', null),
    urbanRural: fc.constantFrom('urban', 'rural'),
  }),
});
type Order = typeof orderArb extends fc.Arbitrary<infer T> ? T : never;
type Raw = [Date, string, Record<string, unknown>?];

function raw(o: Order): { steps: Raw[]; now: Date } {
  let t = T0 + o.start * MINUTE;
  const steps: Raw[] = [
    [
      new Date(t),
      'register',
      o.receivedBefore === null ? {} : { receivedAt: new Date(t - o.receivedBefore * MINUTE).toISOString() },
    ],
  ];
  for (const s of o.steps) {
    t += s.gap * MINUTE;
    const data: Record<string, unknown> = {};
    if (s.action === 'book' || s.action === 'reschedule') {
      const start = t + s.windowOffset * MINUTE;
      Object.assign(data, {
        start: new Date(start).toISOString(),
        end: new Date(start + s.windowLength * MINUTE).toISOString(),
        requestedBy: s.by,
      });
    }
    if (s.action === 'note' && s.kind) data.kind = s.kind;
    steps.push([new Date(t), s.action, data]);
  }
  return { steps, now: new Date(t + o.after * MINUTE) };
}

/** The events with a pause_clock … resume_clock pair inserted (after events at the same instant). */
function withPause(steps: Raw[], from: Date, to: Date, reason: string): SlaEvent[] {
  const extra: Raw[] = [
    [from, 'pause_clock', { pauseReason: reason }],
    [to, 'resume_clock', {}],
  ];
  const merged = [...steps.map((s, i) => ({ s, k: i })), ...extra.map((s, i) => ({ s, k: steps.length + i }))];
  merged.sort((a, b) => a.s[0].getTime() - b.s[0].getTime() || a.k - b.k);
  return eventsOf(merged.map((m) => m.s));
}

const synthetic: SlaSection = slaSchema.parse({
  milestones: [
    {
      id: 'calendar-moves',
      name: { 'zh-CN': '日历', 'en-US': 'Calendar' },
      start: { on: ['register'], at: 'receivedAt' },
      stop: { on: ['check_in'] },
      target: { hours: 12 },
      customerAppointmentMoves: true,
      pauseFor: ['waiting_customer', 'waiting_parts', 'at_factory'],
      responsible: 'outlet',
    },
    {
      id: 'working',
      name: { 'zh-CN': '工作时间', 'en-US': 'Working' },
      start: { on: ['register'] },
      stop: { on: ['complete'] },
      target: { workingHours: 20 },
      pauseFor: ['waiting_customer', 'waiting_parts', 'at_factory'],
      responsible: 'outlet',
    },
  ],
});

const orlusa = shipped('orlusa');
const SETS: { name: string; sla: SlaSection; cal: WorkCalendar }[] = [
  { name: 'synthetic/office', sla: synthetic, cal: officeCalendar },
  { name: 'synthetic/orlusa', sla: synthetic, cal: new WorkCalendar(orlusa.calendar!) },
  ...['aux', 'midea', 'gome', 'qixi'].map((id) => ({ name: id, sla: shipped(id).sla!, cal: officeCalendar })),
  { name: 'orlusa', sla: orlusa.sla!, cal: new WorkCalendar(orlusa.calendar!) },
];
const setArb = fc.constantFrom(...SETS);
const orderFacts = (o: Order): SlaOrderFacts => facts(o.facts);

describe('milestone engine properties', () => {
  test('inserting a pause (pause_clock … resume_clock) into any history never makes a due time earlier', () => {
    fc.assert(
      fc.property(
        setArb,
        orderArb,
        fc.integer({ min: 0, max: 6 * 24 * 60 }),
        fc.integer({ min: 1, max: 3 * 24 * 60 }),
        fc.constantFrom('waiting_customer', 'waiting_parts'),
        (set, o, at, length, reason) => {
          const { steps, now } = raw(o);
          const from = new Date(steps[0]![0].getTime() + at * MINUTE);
          const to = new Date(from.getTime() + length * MINUTE);
          const before = computeMilestones(set.sla, orderFacts(o), eventsOf(steps), set.cal, now);
          const after = computeMilestones(set.sla, orderFacts(o), withPause(steps, from, to, reason), set.cal, now);
          expect(after.map((m) => m.key)).toEqual(before.map((m) => m.key));
          before.forEach((b, i) => {
            const a = after[i]!;
            if (b.dueAt && a.dueAt) expect(a.dueAt.getTime()).toBeGreaterThanOrEqual(b.dueAt.getTime());
            expect(a.pausedMinutes).toBeGreaterThanOrEqual(b.pausedMinutes);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  test('recomputation is deterministic: the same events (in any array order) give the same states', () => {
    fc.assert(
      fc.property(setArb, orderArb, (set, o) => {
        const { steps, now } = raw(o);
        const events = eventsOf(steps);
        const first = computeMilestones(set.sla, orderFacts(o), events, set.cal, now);
        const again = computeMilestones(set.sla, orderFacts(o), [...events].reverse(), set.cal, new Date(now));
        expect(again).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  test('the due time is monotonic in the target, on calendar and on working time', () => {
    fc.assert(
      fc.property(
        orderArb,
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.constantFrom('minutes', 'workingHours'),
        fc.constantFrom(...SETS.slice(0, 2)),
        (o, a, extra, unit, set) => {
          const { steps, now } = raw(o);
          const sla = (n: number): SlaSection => ({
            milestones: [
              {
                ...synthetic.milestones[1]!,
                target: unit === 'minutes' ? { minutes: n } : { workingHours: n / 60 },
              },
            ],
          });
          const events = eventsOf(steps);
          const short = computeMilestones(sla(a), orderFacts(o), events, set.cal, now)[0];
          const long = computeMilestones(sla(a + extra), orderFacts(o), events, set.cal, now)[0];
          if (short?.dueAt && long?.dueAt) expect(long.dueAt.getTime()).toBeGreaterThanOrEqual(short.dueAt.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });

  test('on a calendar clock, elapsed plus paused minutes is the time from start to stop (or now)', () => {
    fc.assert(
      fc.property(setArb, orderArb, (set, o) => {
        const { steps, now } = raw(o);
        for (const m of computeMilestones(set.sla, orderFacts(o), eventsOf(steps), set.cal, now)) {
          if (m.clock !== 'calendar') continue;
          const end = m.stoppedAt ?? now;
          const wall = (end.getTime() - m.startedAt.getTime()) / MINUTE;
          expect(Math.abs(m.elapsedMinutes + m.pausedMinutes - wall)).toBeLessThanOrEqual(1);
          if (m.status === 'met') expect(m.stoppedAt!.getTime()).toBeLessThanOrEqual(m.dueAt!.getTime());
          if (m.status === 'missed') expect(m.stoppedAt!.getTime()).toBeGreaterThan(m.dueAt!.getTime());
          if (m.warnAt && m.dueAt) {
            expect(m.warnAt.getTime()).toBeGreaterThanOrEqual(m.startedAt.getTime());
            expect(m.warnAt.getTime()).toBeLessThan(m.dueAt.getTime());
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
