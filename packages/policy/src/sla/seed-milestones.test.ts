// Every milestone the shipped packs define, driven through the engine with event histories in
// Shanghai local time. 2026-03-02 is a Monday; the calendar is the office default (08:30–17:30) except
// for Orlusa, whose pack has its own working hours.
import { describe, expect, test } from 'vitest';
import { shipped } from '../../test/packs.ts';
import { facts, history, officeCalendar, type Step, sh, window } from '../../test/sla.ts';
import { WorkCalendar } from '../calendar/work-calendar.ts';
import { breachRemedies, milestoneDef, slipAmountFen } from './breach.ts';
import { computeMilestones, type SlaOrderFacts } from './engine.ts';

function milestones(pack: string, steps: Step[], now: string, over: Partial<SlaOrderFacts> = {}) {
  const p = shipped(pack);
  const cal = p.calendar ? new WorkCalendar(p.calendar) : officeCalendar;
  return computeMilestones(p.sla, facts(over), history(steps), cal, sh(now));
}
function milestone(pack: string, key: string, steps: Step[], now: string, over: Partial<SlaOrderFacts> = {}) {
  const m = milestones(pack, steps, now, over).find((x) => x.key === key);
  if (!m) throw new Error(`no milestone ${key}`);
  return m;
}
const iso = (local: string) => sh(local).toISOString();
const at = (d: Date | null) => d?.toISOString() ?? null;

const DISPATCHED: Step[] = [
  ['2026-03-02 10:00', 'register'],
  ['2026-03-02 10:05', 'offer'],
  ['2026-03-02 10:10', 'accept'],
];

describe('AUX 12-step flow (seed 002)', () => {
  test('record within 5 minutes, from when the call came in to the register event', () => {
    const fast = milestone(
      'aux',
      'record',
      [['2026-03-02 10:03', 'register', { receivedAt: iso('2026-03-02 10:00') }]],
      '2026-03-02 10:30',
    );
    expect(fast).toMatchObject({ status: 'met', elapsedMinutes: 3, responsible: 'desk', targetMinutes: 5 });
    expect(at(fast.startedAt)).toBe(iso('2026-03-02 10:00'));
    expect(fast.explain.start).toMatchObject({ basis: 'receivedAt' });
    const slow = milestone(
      'aux',
      'record',
      [['2026-03-02 10:03', 'register', { receivedAt: iso('2026-03-02 09:50') }]],
      '2026-03-02 10:30',
    );
    expect(slow).toMatchObject({ status: 'missed', elapsedMinutes: 13 });
    expect(at(slow.dueAt)).toBe(iso('2026-03-02 09:55'));
    const unknown = milestone('aux', 'record', [['2026-03-02 10:03', 'register']], '2026-03-02 10:30');
    expect(unknown).toMatchObject({ status: 'met', elapsedMinutes: 0 });
    expect(unknown.explain.start).toMatchObject({ basis: 'event' });
  });

  test('to the outlet within 10 minutes (register → offer), the dispatcher answers for it', () => {
    const open = milestone('aux', 'to-outlet', [['2026-03-02 10:00', 'register']], '2026-03-02 10:05');
    expect(open).toMatchObject({ status: 'open', responsible: 'dispatch', elapsedMinutes: 5 });
    expect(at(open.dueAt)).toBe(iso('2026-03-02 10:10'));
    expect(at(open.warnAt)).toBe(iso('2026-03-02 10:08'));
    const base: Step[] = [['2026-03-02 10:00', 'register']];
    expect(milestone('aux', 'to-outlet', [...base, ['2026-03-02 10:08', 'offer']], '2026-03-02 11:00').status).toBe(
      'met',
    );
    expect(milestone('aux', 'to-outlet', [...base, ['2026-03-02 10:12', 'offer']], '2026-03-02 11:00').status).toBe(
      'missed',
    );
  });

  test('the outlet receives within 30 minutes of its offer; an order offered again restarts the clock', () => {
    const steps: Step[] = [
      ['2026-03-02 09:59', 'register'],
      ['2026-03-02 10:00', 'offer'],
      ['2026-03-02 10:10', 'refuse', { reason: '忙' }],
      ['2026-03-02 10:15', 'offer'],
      ['2026-03-02 10:50', 'accept'],
    ];
    const m = milestone('aux', 'outlet-receives', steps, '2026-03-02 11:00');
    expect(m).toMatchObject({ status: 'missed', elapsedMinutes: 35, responsible: 'outlet' });
    expect(at(m.startedAt)).toBe(iso('2026-03-02 10:15'));
    expect(m.explain.start).toMatchObject({ seq: 4, restarts: 1 });
    const second = steps.slice(0, 4).concat([['2026-03-02 10:40', 'accept']]);
    expect(milestone('aux', 'outlet-receives', second, '2026-03-02 11:00').status).toBe('met');
    // The first outlet that sat on it for 40 minutes before the redirect is not timed by the second offer.
    const slow: Step[] = [
      ['2026-03-02 09:59', 'register'],
      ['2026-03-02 10:00', 'offer'],
      ['2026-03-02 10:40', 'redirect', { reason: '超时未接' }],
      ['2026-03-02 10:45', 'accept'],
    ];
    expect(milestone('aux', 'outlet-receives', slow, '2026-03-02 11:00')).toMatchObject({
      status: 'met',
      elapsedMinutes: 5,
    });
  });

  test('contact and book within 30 minutes of acceptance', () => {
    const steps: Step[] = [...DISPATCHED, ['2026-03-02 10:35', 'book', window('2026-03-02 14:00', '2026-03-02 16:00')]];
    expect(milestone('aux', 'contact-and-book', steps, '2026-03-02 11:00')).toMatchObject({
      status: 'met',
      elapsedMinutes: 25,
    });
    const late: Step[] = [...DISPATCHED, ['2026-03-02 10:41', 'book', window('2026-03-02 14:00', '2026-03-02 16:00')]];
    expect(milestone('aux', 'contact-and-book', late, '2026-03-02 11:00').status).toBe('missed');
  });

  test('on site within 12 hours in town, 24 hours in the countryside', () => {
    const steps: Step[] = [...DISPATCHED, ['2026-03-02 23:00', 'check_in']];
    const urban = milestone('aux', 'on-site', steps, '2026-03-03 12:00');
    expect(at(urban.dueAt)).toBe(iso('2026-03-02 22:00'));
    expect(urban).toMatchObject({ status: 'missed', targetMinutes: 720, clock: 'calendar' });
    expect(urban.explain.target).toMatchObject({ source: 'target', duration: { hours: 12 } });
    // 80 % of 12 h is 19:36, after hours: the warning goes out at the end of the working day.
    expect(at(urban.warnAt)).toBe(iso('2026-03-02 17:30'));
    const rural = milestone('aux', 'on-site', steps, '2026-03-03 12:00', { urbanRural: 'rural' });
    expect(at(rural.dueAt)).toBe(iso('2026-03-03 10:00'));
    expect(rural).toMatchObject({ status: 'met', targetMinutes: 1440 });
    expect(rural.explain.target).toMatchObject({ source: 'targets', index: 0, when: { urbanRural: 'rural' } });
  });

  test('resolved within 5 calendar days; a return to the factory does not pause it', () => {
    const steps: Step[] = [
      ...DISPATCHED,
      ['2026-03-02 10:20', 'book', window('2026-03-03 09:00', '2026-03-03 11:00')],
      ['2026-03-03 10:00', 'check_in'],
      ['2026-03-03 11:00', 'to_factory'],
      ['2026-03-05 10:00', 'book', window('2026-03-06 09:00', '2026-03-06 11:00')],
      ['2026-03-06 10:00', 'check_in'],
      ['2026-03-07 11:00', 'complete'],
    ];
    const m = milestone('aux', 'resolved', steps, '2026-03-08 12:00');
    expect(at(m.dueAt)).toBe(iso('2026-03-07 10:00'));
    expect(m).toMatchObject({ status: 'missed', pausedMinutes: 0, pauses: [] });
    expect(m.explain.ignoredPauses).toEqual([
      { from: iso('2026-03-03 11:00'), to: iso('2026-03-05 10:00'), reason: 'at_factory' },
    ]);
    const inTime = milestone(
      'aux',
      'resolved',
      steps.slice(0, -1).concat([['2026-03-06 11:00', 'complete']]),
      '2026-03-08 12:00',
    );
    expect(inTime.status).toBe('met');
    expect(shipped('aux').sla?.resolution).toMatchObject({
      milestone: 'resolved',
      targets: [
        { days: 1, rate: 80 },
        { days: 2, rate: 90 },
        { days: 3, rate: 95 },
        { days: 5, rate: 100 },
      ],
    });
  });

  test('return visit within 1 hour of completion; start of the return visit, a close or a reopen stops it', () => {
    const done: Step[] = [
      ...DISPATCHED,
      ['2026-03-02 10:20', 'book', window('2026-03-02 13:00', '2026-03-02 15:00')],
      ['2026-03-02 13:30', 'check_in'],
      ['2026-03-02 15:00', 'complete'],
    ];
    const open = milestone('aux', 'return-visit', done, '2026-03-02 15:10');
    expect(at(open.dueAt)).toBe(iso('2026-03-02 16:00'));
    expect(at(open.warnAt)).toBe(iso('2026-03-02 15:48'));
    expect(
      milestone('aux', 'return-visit', [...done, ['2026-03-02 15:40', 'start_return_visit']], '2026-03-02 17:00')
        .status,
    ).toBe('met');
    expect(milestone('aux', 'return-visit', [...done, ['2026-03-02 16:10', 'close']], '2026-03-02 17:00').status).toBe(
      'missed',
    );
    expect(milestone('aux', 'return-visit', [...done, ['2026-03-02 15:30', 'reopen']], '2026-03-02 17:00').status).toBe(
      'met',
    );
  });

  test('a cancelled order cancels the clocks still running; the ones already stopped keep their result', () => {
    const steps: Step[] = [
      ['2026-03-02 10:00', 'register', { receivedAt: iso('2026-03-02 09:58') }],
      ['2026-03-02 10:05', 'offer'],
      ['2026-03-02 11:00', 'cancel'],
    ];
    const all = milestones('aux', steps, '2026-03-02 12:00');
    const byKey = Object.fromEntries(all.map((m) => [m.key, m]));
    expect(byKey.record!.status).toBe('met');
    expect(byKey['to-outlet']!.status).toBe('met');
    expect(byKey['outlet-receives']!.status).toBe('cancelled');
    expect(at(byKey['outlet-receives']!.stoppedAt)).toBe(iso('2026-03-02 11:00'));
    expect(byKey['on-site']!.status).toBe('cancelled');
    expect(byKey.resolved!.status).toBe('cancelled');
    expect(byKey['contact-and-book']).toBeUndefined();
  });
});

describe('AUX six 24-hour promises (per order)', () => {
  test('installation on site within 24 hours, return visit within 24 hours of it; the repair flow does not apply', () => {
    const steps: Step[] = [
      ...DISPATCHED,
      ['2026-03-02 10:20', 'book', window('2026-03-03 08:00', '2026-03-03 10:00')],
      ['2026-03-03 09:00', 'check_in'],
      ['2026-03-03 11:00', 'complete'],
    ];
    const all = milestones('aux', steps, '2026-03-04 12:00', { type: 'installation' });
    const keys = all.map((m) => m.key);
    expect(keys).toContain('installation-on-site-24h');
    expect(keys).not.toContain('on-site');
    expect(keys).not.toContain('return-visit');
    const onSite = all.find((m) => m.key === 'installation-on-site-24h')!;
    expect(onSite).toMatchObject({ status: 'met', targetMinutes: 1440 });
    expect(at(onSite.dueAt)).toBe(iso('2026-03-03 10:00'));
    const visit = all.find((m) => m.key === 'installation-return-visit-24h')!;
    expect(visit.status).toBe('open');
    expect(at(visit.dueAt)).toBe(iso('2026-03-04 11:00'));
  });

  test('repair on site within 24 hours', () => {
    const steps: Step[] = [...DISPATCHED, ['2026-03-03 11:00', 'check_in']];
    const m = milestone('aux', 'repair-on-site-24h', steps, '2026-03-03 12:00');
    expect(m).toMatchObject({ status: 'missed', elapsedMinutes: 25 * 60 });
  });

  test('complaint handled within 24 hours: a close on the call stops it (it is the stop, not a cancel)', () => {
    const onCall = milestone(
      'aux',
      'complaint-24h',
      [
        ['2026-03-02 10:00', 'register'],
        ['2026-03-02 10:02', 'close_on_call'],
      ],
      '2026-03-02 11:00',
      { type: 'complaint' },
    );
    expect(onCall).toMatchObject({ status: 'met', elapsedMinutes: 2 });
    const overdue = milestone('aux', 'complaint-24h', [['2026-03-02 10:00', 'register']], '2026-03-03 11:00', {
      type: 'complaint',
    });
    expect(overdue.status).toBe('open');
    expect(overdue.dueAt!.getTime()).toBeLessThan(sh('2026-03-03 11:00').getTime());
  });

  test('every AUX breach carries an example slip amount', () => {
    for (const m of shipped('aux').sla!.milestones) expect(slipAmountFen(m), m.id).toBeGreaterThan(0);
    expect(slipAmountFen(milestoneDef(shipped('aux').sla, 'on-site')!)).toBe(10_000);
  });
});

describe('customer-caused appointment moves (AUX on site)', () => {
  const booked = (w: ReturnType<typeof window>): Step[] => [...DISPATCHED, ['2026-03-02 10:20', 'book', w]];

  test('a customer-requested later window moves the due time to its end, marked customer-caused', () => {
    const steps = booked(window('2026-03-03 14:00', '2026-03-03 16:00', 'customer'));
    const m = milestone('aux', 'on-site', [...steps, ['2026-03-03 15:30', 'check_in']], '2026-03-03 18:00');
    expect(at(m.dueAt)).toBe(iso('2026-03-03 16:00'));
    expect(m).toMatchObject({ status: 'met', customerCaused: true });
    expect(m.explain.baseDueAt).toBe(iso('2026-03-02 22:00'));
    expect(m.explain.appointmentMoves).toEqual([
      expect.objectContaining({ action: 'book', requestedBy: 'customer', movesDue: true }),
    ]);
    // The warning: 20 % of the target (2 h 24 min) before the new due time, in working hours.
    expect(at(m.warnAt)).toBe(iso('2026-03-03 13:36'));
  });

  test('a later outlet reschedule does not move it; a later customer reschedule moves it again', () => {
    const steps = booked(window('2026-03-03 14:00', '2026-03-03 16:00', 'customer'));
    const outlet: Step[] = [
      ...steps,
      ['2026-03-03 09:00', 'reschedule', window('2026-03-04 09:00', '2026-03-04 11:00', 'outlet')],
      ['2026-03-04 10:00', 'check_in'],
    ];
    const late = milestone('aux', 'on-site', outlet, '2026-03-04 12:00');
    expect(at(late.dueAt)).toBe(iso('2026-03-03 16:00'));
    expect(late).toMatchObject({ status: 'missed', customerCaused: true });
    const customer: Step[] = [
      ...steps,
      ['2026-03-03 09:00', 'reschedule', window('2026-03-05 09:00', '2026-03-05 11:00', 'customer')],
      ['2026-03-05 10:00', 'check_in'],
    ];
    const moved = milestone('aux', 'on-site', customer, '2026-03-05 12:00');
    expect(at(moved.dueAt)).toBe(iso('2026-03-05 11:00'));
    expect(moved).toMatchObject({ status: 'met', customerCaused: true });
  });

  test('an outlet-booked late window or a customer window inside the target moves nothing', () => {
    const outlet = milestone(
      'aux',
      'on-site',
      booked(window('2026-03-03 14:00', '2026-03-03 16:00', 'outlet')),
      '2026-03-02 12:00',
    );
    expect(at(outlet.dueAt)).toBe(iso('2026-03-02 22:00'));
    expect(outlet.customerCaused).toBe(false);
    const early = milestone(
      'aux',
      'on-site',
      booked(window('2026-03-02 18:00', '2026-03-02 20:00', 'customer')),
      '2026-03-02 12:00',
    );
    expect(at(early.dueAt)).toBe(iso('2026-03-02 22:00'));
    expect(early.customerCaused).toBe(false);
  });
});

describe('pauses', () => {
  test('Midea repair within 72 hours: waiting for parts pauses it, and it is paused (no due time) meanwhile', () => {
    const steps: Step[] = [
      ...DISPATCHED,
      ['2026-03-02 10:20', 'book', window('2026-03-03 09:00', '2026-03-03 11:00')],
      ['2026-03-03 10:00', 'check_in'],
      ['2026-03-03 11:00', 'wait_parts', { reason: '压缩机缺货' }],
      ['2026-03-06 09:00', 'book', window('2026-03-06 09:00', '2026-03-06 11:00')],
      ['2026-03-06 10:00', 'check_in'],
      ['2026-03-07 10:00', 'complete'],
    ];
    const paused = milestone('midea', 'repair-72h', steps.slice(0, 6), '2026-03-04 12:00');
    expect(paused).toMatchObject({ status: 'paused', dueAt: null, warnAt: null, pausedMinutes: 25 * 60 });
    expect(paused.pauses).toEqual([{ from: sh('2026-03-03 11:00'), to: null, reason: 'waiting_parts' }]);
    const m = milestone('midea', 'repair-72h', steps, '2026-03-08 12:00');
    // Due Thu 10:00 without the pause; the 70-hour wait for parts moves it to Sun 08:00.
    expect(at(m.dueAt)).toBe(iso('2026-03-08 08:00'));
    expect(m).toMatchObject({ status: 'met', pausedMinutes: 70 * 60, elapsedMinutes: 120 * 60 - 70 * 60 });
    expect(m.explain.baseDueAt).toBe(iso('2026-03-08 08:00'));
  });

  test('waiting for the customer (pause_clock … resume_clock) pauses the AUX on-site clock', () => {
    const steps: Step[] = [
      ['2026-03-02 10:00', 'register'],
      ['2026-03-02 11:00', 'pause_clock', { pauseReason: 'waiting_customer', reason: '用户出差' }],
      ['2026-03-03 11:00', 'resume_clock'],
    ];
    const m = milestone('aux', 'on-site', steps, '2026-03-03 12:00');
    expect(at(m.dueAt)).toBe(iso('2026-03-03 22:00'));
    expect(m).toMatchObject({ status: 'open', pausedMinutes: 1440, elapsedMinutes: 120 });
    expect(m.pauses).toEqual([
      { from: sh('2026-03-02 11:00'), to: sh('2026-03-03 11:00'), reason: 'waiting_customer' },
    ]);
    // Only reasons in pauseFor count: the same pause leaves AUX's 10-minute hand-off alone.
    const handOff = milestone('aux', 'to-outlet', steps, '2026-03-03 12:00');
    expect(at(handOff.dueAt)).toBe(iso('2026-03-02 10:10'));
    expect(handOff.explain.ignoredPauses).toHaveLength(1);
  });

  test('a pause survives re-dispatch: redirect, offer and accept in between do not end or reset it', () => {
    const steps: Step[] = [
      ...DISPATCHED,
      ['2026-03-02 11:00', 'pause_clock', { pauseReason: 'waiting_customer' }],
      ['2026-03-02 12:00', 'redirect', { reason: '换网点' }],
      ['2026-03-02 12:05', 'offer'],
      ['2026-03-02 12:30', 'accept'],
    ];
    const still = milestone('aux', 'on-site', steps, '2026-03-02 15:00');
    expect(still).toMatchObject({ status: 'paused', dueAt: null, pausedMinutes: 240 });
    expect(at(still.startedAt)).toBe(iso('2026-03-02 10:00'));
    const resumed = milestone('aux', 'on-site', [...steps, ['2026-03-02 15:00', 'resume_clock']], '2026-03-02 16:00');
    expect(at(resumed.dueAt)).toBe(iso('2026-03-03 02:00'));
    // Booking a visit is a status change of the order's own progress: it ends the pause.
    const booked = milestone(
      'aux',
      'on-site',
      [...steps, ['2026-03-02 14:00', 'book', window('2026-03-02 18:00', '2026-03-02 19:00')]],
      '2026-03-02 16:00',
    );
    expect(booked.pauses[0]!.to).toEqual(sh('2026-03-02 14:00'));
    expect(at(booked.dueAt)).toBe(iso('2026-03-03 01:00'));
  });
});

describe('Midea (seed 001)', () => {
  test('hand-off within 5 minutes for visit orders only', () => {
    const steps: Step[] = [
      ['2026-03-02 10:00', 'register'],
      ['2026-03-02 10:04', 'offer'],
    ];
    expect(milestone('midea', 'hand-off', steps, '2026-03-02 11:00').status).toBe('met');
    const guidance = milestones('midea', [['2026-03-02 10:00', 'register']], '2026-03-02 11:00', { type: 'guidance' });
    expect(guidance.map((m) => m.key)).toEqual(['guidance-callback']);
  });

  test('booking call within 2 hours of the fault report (counted from when the call came in)', () => {
    const reg: Step = ['2026-03-02 10:05', 'register', { receivedAt: iso('2026-03-02 10:00') }];
    const book = (local: string): Step => [
      '2026-03-02 ' + local,
      'book',
      window('2026-03-03 09:00', '2026-03-03 11:00'),
    ];
    const steps = (local: string): Step[] => [
      reg,
      ['2026-03-02 10:06', 'offer'],
      ['2026-03-02 10:10', 'accept'],
      book(local),
    ];
    expect(milestone('midea', 'booking-call', steps('11:59'), '2026-03-02 13:00').status).toBe('met');
    const late = milestone('midea', 'booking-call', steps('12:01'), '2026-03-02 13:00');
    expect(late).toMatchObject({ status: 'missed', elapsedMinutes: 121 });
  });

  test('return call within 72 hours of completion', () => {
    const steps: Step[] = [
      ...DISPATCHED,
      ['2026-03-02 10:20', 'book', window('2026-03-02 13:00', '2026-03-02 15:00')],
      ['2026-03-02 13:30', 'check_in'],
      ['2026-03-02 14:00', 'complete'],
      ['2026-03-05 22:00', 'close'],
    ];
    const m = milestone('midea', 'return-visit-72h', steps, '2026-03-06 12:00');
    expect(at(m.dueAt)).toBe(iso('2026-03-05 14:00'));
    expect(m.status).toBe('missed');
  });

  test('guidance callback within 30 minutes: a click-to-call note stops it, a plain note does not', () => {
    const g = { type: 'guidance' };
    const reg: Step = ['2026-03-02 10:00', 'register'];
    const plain = milestone(
      'midea',
      'guidance-callback',
      [reg, ['2026-03-02 10:10', 'note', { text: '观察中' }]],
      '2026-03-02 10:20',
      g,
    );
    expect(plain.status).toBe('open');
    const called = milestone(
      'midea',
      'guidance-callback',
      [reg, ['2026-03-02 10:25', 'note', { kind: 'contact_call' }]],
      '2026-03-02 11:00',
      g,
    );
    expect(called).toMatchObject({ status: 'met', elapsedMinutes: 25 });
    const closed = milestone(
      'midea',
      'guidance-callback',
      [reg, ['2026-03-02 10:40', 'close_on_call']],
      '2026-03-02 11:00',
      g,
    );
    expect(closed.status).toBe('missed');
  });

  test('late against the agreed time (due at the end of the booked window) makes this service free', () => {
    const steps: Step[] = [...DISPATCHED, ['2026-03-02 10:20', 'book', window('2026-03-02 14:00', '2026-03-02 16:00')]];
    const open = milestone('midea', 'on-time-visit', steps, '2026-03-02 12:00');
    expect(open).toMatchObject({ status: 'open', targetMinutes: null, clock: 'calendar' });
    expect(at(open.dueAt)).toBe(iso('2026-03-02 16:00'));
    expect(at(open.warnAt)).toBe(iso('2026-03-02 14:00'));
    expect(
      milestone('midea', 'on-time-visit', [...steps, ['2026-03-02 15:50', 'check_in']], '2026-03-02 17:00').status,
    ).toBe('met');
    expect(
      milestone('midea', 'on-time-visit', [...steps, ['2026-03-02 16:10', 'check_in']], '2026-03-02 17:00').status,
    ).toBe('missed');
    // A reschedule moves the agreed time; the latest window counts.
    const moved = milestone(
      'midea',
      'on-time-visit',
      [
        ...steps,
        ['2026-03-02 13:00', 'reschedule', window('2026-03-02 17:00', '2026-03-02 19:00')],
        ['2026-03-02 18:00', 'check_in'],
      ],
      '2026-03-02 20:00',
    );
    expect(moved.status).toBe('met');
    expect(at(moved.dueAt)).toBe(iso('2026-03-02 19:00'));
    const def = milestoneDef(shipped('midea').sla, 'on-time-visit')!;
    expect(breachRemedies(shipped('midea').remedies, def)).toEqual([
      expect.objectContaining({ id: 'midea-service-free', kind: 'waive_charges', amountFen: 0 }),
    ]);
  });
});

describe('Gome (seed 000)', () => {
  test('complaint reply within 15 minutes: the first note, call or close stops it', () => {
    const c = { type: 'complaint' };
    const reg: Step = ['2026-03-02 10:01', 'register', { receivedAt: iso('2026-03-02 10:00') }];
    expect(
      milestone(
        'gome',
        'complaint-reply',
        [reg, ['2026-03-02 10:12', 'note', { kind: 'contact_call' }]],
        '2026-03-02 11:00',
        c,
      ).status,
    ).toBe('met');
    const late = milestone('gome', 'complaint-reply', [reg, ['2026-03-02 10:16', 'note']], '2026-03-02 11:00', c);
    expect(late.status).toBe('missed');
    expect(at(late.dueAt)).toBe(iso('2026-03-02 10:15'));
  });

  test("a supervision card gets the manager's reply within 3 days; other channels do not get the milestone", () => {
    const card = { type: 'complaint', channel: 'supervision_card' };
    const steps: Step[] = [
      ['2026-03-02 10:00', 'register'],
      ['2026-03-04 16:00', 'note', { text: '经理回复' }],
    ];
    const m = milestone('gome', 'manager-reply', steps, '2026-03-05 12:00', card);
    expect(m.status).toBe('met');
    expect(at(m.dueAt)).toBe(iso('2026-03-05 10:00'));
    expect(milestones('gome', steps, '2026-03-05 12:00', { type: 'complaint' }).map((x) => x.key)).not.toContain(
      'manager-reply',
    );
  });

  test('a repair over a week proposes a loaner; a late visit and an overrun repair are compensated', () => {
    const steps: Step[] = [
      ...DISPATCHED,
      ['2026-03-02 10:20', 'book', window('2026-03-03 09:00', '2026-03-03 11:00')],
      ['2026-03-03 11:30', 'check_in'],
      ['2026-03-10 10:30', 'complete'],
    ];
    const all = milestones('gome', steps, '2026-03-11 12:00');
    const byKey = Object.fromEntries(all.map((m) => [m.key, m]));
    expect(byKey['loaner-after-week']!.status).toBe('missed');
    expect(byKey['on-time-visit']!.status).toBe('missed');
    expect(byKey['repair-promised-time']!.status).toBe('missed');
    const pack = shipped('gome');
    const remedies = (key: string) => breachRemedies(pack.remedies, milestoneDef(pack.sla, key)!);
    expect(remedies('loaner-after-week')).toEqual([expect.objectContaining({ id: 'gome-loaner', kind: 'loaner' })]);
    expect(remedies('on-time-visit')).toEqual([
      expect.objectContaining({ id: 'gome-late-visit', kind: 'compensation', amountFen: 5_000 }),
    ]);
    expect(remedies('repair-promised-time')).toEqual([
      expect.objectContaining({ id: 'gome-overrun-repair', kind: 'compensation', amountFen: 10_000 }),
    ]);
    expect(slipAmountFen(milestoneDef(pack.sla, 'loaner-after-week')!)).toBeNull();
    expect(pack.remedies?.items.find((r) => r.id === 'gome-supervision-card-loss')?.amountYuan).toBe(1000);
  });
});

describe('Orlusa (seed 003): on site within two working days', () => {
  const complaint = { type: 'complaint', categoryCode: 'toilet' };
  const onSite = (registered: string, now: string, more: Step[] = []) =>
    milestone('orlusa', 'on-site-2-working-days', [[registered, 'register'], ...more], now, complaint);

  test('over a plain weekend: Friday 10:00 → Tuesday 10:00 (08:30–12:00, 13:30–17:30)', () => {
    const m = onSite('2026-03-06 10:00', '2026-03-06 11:00');
    expect(m).toMatchObject({ clock: 'working', targetMinutes: 900 });
    expect(at(m.dueAt)).toBe(iso('2026-03-10 10:00'));
    expect(m.explain.calendar).toMatchObject({ dailyMinutes: 450, days: 'official' });
    const visited = onSite('2026-03-06 10:00', '2026-03-09 13:00', [['2026-03-09 12:00', 'check_in']]);
    expect(visited).toMatchObject({ status: 'met', elapsedMinutes: 360 + 210 });
  });

  test('across the weekend and the Qingming holiday: Thursday 2 April 15:00 → Tuesday 7 April 15:00', () => {
    const m = onSite('2026-04-02 15:00', '2026-04-02 16:00');
    expect(at(m.dueAt)).toBe(iso('2026-04-07 15:00'));
    // 80 % of 900 working minutes: Tuesday 10:30.
    expect(at(m.warnAt)).toBe(iso('2026-04-07 10:30'));
  });

  test('the adjusted working Saturday after Labour Day counts: Friday 8 May 09:00 → Monday 11 May 09:00', () => {
    expect(at(onSite('2026-05-08 09:00', '2026-05-08 10:00').dueAt)).toBe(iso('2026-05-11 09:00'));
  });

  test('a complaint at night starts with the next working period', () => {
    expect(at(onSite('2026-04-02 20:00', '2026-04-02 21:00').dueAt)).toBe(iso('2026-04-07 17:30'));
  });

  test('installations do not get the milestone', () => {
    expect(
      milestones('orlusa', [['2026-03-06 10:00', 'register']], '2026-03-06 11:00', { type: 'installation' }),
    ).toEqual([]);
  });
});

describe('Qixi (seed 004)', () => {
  test('on site within 24 hours of the repair call', () => {
    const steps: Step[] = [...DISPATCHED, ['2026-03-03 09:30', 'check_in']];
    const m = milestone('qixi', 'on-site-24h', steps, '2026-03-03 12:00', { categoryCode: 'pc' });
    expect(m).toMatchObject({ status: 'met', targetMinutes: 1440, responsible: 'outlet' });
    expect(at(m.dueAt)).toBe(iso('2026-03-03 10:00'));
    expect(shipped('qixi').name['zh-CN']).toBe('七喜电脑服务承诺');
  });
});
