import { ORDER_ACTIONS, ORDER_STATUSES, type OrderAction, type OrderStatus } from '@aftercare/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actionsFrom, decide, type Party, RULES } from './work-order-status.ts';

const PARTIES: Party[] = ['desk', 'dispatch', 'outlet', 'technician', 'return_visit', 'customer', 'system'];
const ready = (status: OrderStatus) => ({ status, technicianId: 't1', hasActiveAppointment: true });
const full = { reason: 'why', completionProof: 'code' as const };

describe('work-order state machine (section E)', () => {
  // The happy path of a repair, one step per line: who takes it and where it leads.
  it.each([
    ['registered', 'offer', 'system', 'dispatched'],
    ['dispatched', 'accept', 'outlet', 'accepted'],
    ['accepted', 'book', 'outlet', 'booked'],
    ['booked', 'depart', 'technician', 'on_the_way'],
    ['on_the_way', 'check_in', 'technician', 'on_site'],
    ['on_site', 'complete', 'technician', 'resolved'],
    ['resolved', 'start_return_visit', 'return_visit', 'return_visit'],
    ['return_visit', 'close', 'return_visit', 'closed'],
  ] as const)('%s --%s (%s)--> %s', (from, action, party, to) => {
    expect(decide(ready(from), action, party, full)).toEqual({ ok: true, to });
  });

  it.each([
    ['dispatched', 'refuse', 'outlet', 'registered'],
    ['dispatched', 'expire', 'system', 'registered'],
    ['on_site', 'wait_parts', 'technician', 'waiting_parts'],
    ['waiting_parts', 'book', 'outlet', 'booked'],
    ['on_site', 'to_factory', 'technician', 'returned_to_factory'],
    ['returned_to_factory', 'book', 'outlet', 'booked'],
    ['on_site', 'revisit', 'technician', 'accepted'],
    ['return_visit', 'reopen', 'return_visit', 'reopened'],
    ['closed', 'reopen', 'dispatch', 'reopened'],
    ['reopened', 'offer', 'dispatch', 'dispatched'],
    ['reopened', 'book', 'outlet', 'booked'],
    ['booked', 'reschedule', 'customer', 'booked'],
    ['accepted', 'redirect', 'dispatch', 'dispatched'],
    ['registered', 'close_on_call', 'desk', 'closed'],
    ['booked', 'cancel', 'customer', 'cancelled'],
    ['on_the_way', 'cancel', 'desk', 'cancelled'],
    ['accepted', 'assign', 'outlet', 'accepted'],
  ] as const)('%s --%s (%s)--> %s', (from, action, party, to) => {
    expect(decide(ready(from), action, party, full)).toEqual({ ok: true, to });
  });

  it.each([
    ['closed', 'cancel', 'desk'],
    ['cancelled', 'reopen', 'dispatch'],
    ['on_site', 'cancel', 'desk'], // someone is in the customer's home: finish or record the visit first
    ['registered', 'accept', 'outlet'], // not offered yet
    ['dispatched', 'accept', 'technician'], // only the outlet accepts
    ['registered', 'complete', 'technician'],
    ['resolved', 'close', 'technician'], // the return visit closes, not the technician
    ['booked', 'complete', 'technician'], // nobody checked in
    ['closed', 'close_on_call', 'desk'],
    ['dispatched', 'refuse', 'customer'],
  ] as const)('refuses %s --%s (%s)', (from, action, party) => {
    expect(decide(ready(from), action, party, full)).toEqual({ ok: false, refusal: 'ILLEGAL_TRANSITION' });
  });

  it('needs a reason to refuse, cancel, reopen, reschedule and redirect', () => {
    for (const [from, action, party] of [
      ['dispatched', 'refuse', 'outlet'],
      ['booked', 'cancel', 'desk'],
      ['closed', 'reopen', 'return_visit'],
      ['booked', 'reschedule', 'outlet'],
      ['accepted', 'redirect', 'dispatch'],
      ['on_site', 'wait_parts', 'technician'],
    ] as const) {
      expect(decide(ready(from), action, party, { reason: '  ' })).toEqual({ ok: false, refusal: 'REASON_REQUIRED' });
    }
  });

  it('needs a technician to depart or check in, an appointment to depart, and proof to complete', () => {
    const noTech = { status: 'booked' as const, technicianId: null, hasActiveAppointment: true };
    expect(decide(noTech, 'depart', 'technician')).toEqual({ ok: false, refusal: 'TECHNICIAN_REQUIRED' });
    expect(decide(noTech, 'check_in', 'technician')).toEqual({ ok: false, refusal: 'TECHNICIAN_REQUIRED' });
    const noAppt = { status: 'booked' as const, technicianId: 't', hasActiveAppointment: false };
    expect(decide(noAppt, 'depart', 'technician')).toEqual({ ok: false, refusal: 'APPOINTMENT_REQUIRED' });
    expect(decide(ready('on_site'), 'complete', 'technician', {})).toEqual({
      ok: false,
      refusal: 'COMPLETION_PROOF_REQUIRED',
    });
    expect(decide(ready('on_site'), 'complete', 'technician', { completionProof: 'signature' })).toEqual({
      ok: true,
      to: 'resolved',
    });
  });

  it('closed and cancelled are final except for reopening a closed order (and notes)', () => {
    for (const action of ORDER_ACTIONS) {
      const allowed = (s: OrderStatus) => PARTIES.some((p) => decide(ready(s), action, p, full).ok);
      if (action !== 'note') expect(allowed('cancelled'), action).toBe(false);
      if (action !== 'note' && action !== 'reopen') expect(allowed('closed'), action).toBe(false);
    }
  });

  it('property: a decision leads only to a status the rule names, from a status it lists', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ORDER_STATUSES),
        fc.constantFrom(...ORDER_ACTIONS),
        fc.constantFrom(...PARTIES),
        fc.record({ reason: fc.option(fc.string(), { nil: undefined }) }),
        (status, action: OrderAction, party, input) => {
          const d = decide(ready(status), action, party, { ...input, completionProof: 'code' });
          const rule = RULES[action];
          if (!d.ok) return;
          expect(rule.from).toContain(status);
          expect(rule.by).toContain(party);
          expect(d.to).toBe(rule.to ?? status);
        },
      ),
    );
  });

  it('pauses and resumes the SLA clock only while someone works on the order, keeping the status', () => {
    for (const s of [
      'accepted',
      'booked',
      'on_the_way',
      'on_site',
      'waiting_parts',
      'returned_to_factory',
      'reopened',
    ] as const) {
      for (const party of ['outlet', 'technician', 'dispatch', 'desk'] as const) {
        expect(decide(ready(s), 'pause_clock', party, full)).toEqual({ ok: true, to: s });
        expect(decide(ready(s), 'resume_clock', party, full)).toEqual({ ok: true, to: s });
      }
    }
    for (const s of ['registered', 'dispatched', 'resolved', 'return_visit', 'closed', 'cancelled'] as const)
      expect(decide(ready(s), 'pause_clock', 'desk', full)).toEqual({ ok: false, refusal: 'ILLEGAL_TRANSITION' });
    expect(decide(ready('on_site'), 'pause_clock', 'customer', full)).toEqual({
      ok: false,
      refusal: 'ILLEGAL_TRANSITION',
    });
    expect(decide(ready('booked'), 'resume_clock', 'system', full)).toEqual({
      ok: false,
      refusal: 'ILLEGAL_TRANSITION',
    });
  });

  it('offers the console only the actions the caller could take', () => {
    expect(actionsFrom('dispatched', ['outlet'])).toEqual(['accept', 'refuse', 'note']);
    expect(actionsFrom('booked', ['outlet'])).toEqual(expect.arrayContaining(['pause_clock', 'resume_clock']));
    expect(actionsFrom('closed', ['desk'])).toEqual(['note']);
    expect(actionsFrom('on_site', ['technician'])).toEqual(
      expect.arrayContaining(['complete', 'wait_parts', 'to_factory', 'revisit', 'quote']),
    );
  });
});
