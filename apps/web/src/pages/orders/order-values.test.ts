import { clockBody, orderIntake } from '@aftercare/contracts';
import { describe, expect, test } from 'vitest';
import {
  ageOf,
  availableSteps,
  closesOnCall,
  dataSummary,
  hasRoute,
  idempotencyFor,
  ifMatch,
  intakeBodyOf,
  isOverdue,
  lookupOrder,
  NO_PRODUCT,
  normalizeFaultCodes,
  orderQueryString,
  outcomeBodyOf,
  routeSetOf,
  splitList,
  stepBodyOf,
  windowsOf,
} from './order-values.ts';

const brandId = '00000000-0000-4000-8000-0000000000b1';
const customerId = '00000000-0000-4000-8000-000000000001';
const productId = '00000000-0000-4000-8000-0000000000a1';
const at = (iso: string) => ({ toISOString: () => new Date(iso).toISOString() });

describe('intake body from the desk form', () => {
  test('an existing customer with a product: ids, upper-cased codes, windows, trimmed text', () => {
    const body = intakeBodyOf(
      {
        brandId,
        productId,
        categoryCode: 'ac_split',
        type: 'repair',
        channel: 'phone',
        faultDescription: '  不制冷  ',
        faultCodes: [' e1 ', 'E1', 'f3', ''],
        address: { divisionCode: '110105001', detail: ' 建国路 1 号 ' },
        windows: [[at('2026-12-07T01:00:00Z'), at('2026-12-07T03:00:00Z')], null],
        priority: 'urgent',
      },
      customerId,
    );
    expect(body).toEqual({
      brandId,
      type: 'repair',
      channel: 'phone',
      customerId,
      productId,
      faultDescription: '不制冷',
      faultCodes: ['E1', 'F3'],
      address: { divisionCode: '110105001', detail: '建国路 1 号' },
      preferredWindows: [{ start: '2026-12-07T01:00:00.000Z', end: '2026-12-07T03:00:00.000Z' }],
      priority: 'urgent',
    });
    // What the form sends is what the server's contract accepts.
    expect(orderIntake.safeParse(body).success).toBe(true);
  });

  test('a new customer by category; a half-filled address is left to the server', () => {
    const body = intakeBodyOf(
      {
        brandId,
        productId: NO_PRODUCT,
        categoryCode: 'ac_split',
        type: 'installation',
        channel: 'wechat',
        address: { divisionCode: '110105', detail: '' },
        newCustomer: { name: ' 王伟 ', phone: '138 0013 8000', divisionCode: '110105', addressDetail: '建国路 1 号' },
      },
      null,
    );
    expect(body.customerId).toBeUndefined();
    expect(body.productId).toBeUndefined();
    expect(body.categoryCode).toBe('ac_split');
    expect(body.address).toBeUndefined();
    expect(body.newCustomer).toEqual({
      name: '王伟',
      phone: '138 0013 8000',
      divisionCode: '110105',
      addressDetail: '建国路 1 号',
    });
    expect(orderIntake.safeParse(body).success).toBe(true);
  });

  test('resolved on the call only for call-only types, with the note when given', () => {
    const base = { brandId, productId, resolvedOnCall: true, disposition: 'guided_resolved' as const };
    const guided = intakeBodyOf({ ...base, type: 'guidance', dispositionNote: ' 重启后正常 ' }, customerId);
    expect(guided.resolvedOnCall).toEqual({ disposition: 'guided_resolved', note: '重启后正常' });
    expect(orderIntake.safeParse(guided).success).toBe(true);
    // A repair never closes on the call, whatever the switch says.
    expect(intakeBodyOf({ ...base, type: 'repair' }, customerId).resolvedOnCall).toBeUndefined();
    expect(
      intakeBodyOf({ ...base, type: 'complaint', resolvedOnCall: false }, customerId).resolvedOnCall,
    ).toBeUndefined();
    expect(closesOnCall('consultation')).toBe(true);
    expect(closesOnCall('installation')).toBe(false);
  });

  test('a duplicate choice rides along', () => {
    expect(intakeBodyOf({ brandId, productId }, customerId, 'link').onDuplicate).toBe('link');
    expect(intakeBodyOf({ brandId, productId }, customerId).onDuplicate).toBeUndefined();
  });

  test('fault codes and windows are normalized and capped', () => {
    expect(normalizeFaultCodes(['a1', ' A1', 'b2 '])).toEqual(['A1', 'B2']);
    const w = (h: number) => [at(`2026-12-07T0${h}:00:00Z`), at(`2026-12-07T0${h + 1}:00:00Z`)] as [never, never];
    expect(windowsOf([w(1), undefined, w(3), w(5), w(7)])).toHaveLength(3);
  });
});

describe('idempotency key per form', () => {
  let n = 0;
  const make = () => `key-${++n}`;
  test('the same body keeps its key (double click), another body gets a new one', () => {
    const first = idempotencyFor(null, { a: 1 }, make);
    expect(idempotencyFor(first, { a: 1 }, make)).toBe(first);
    const changed = idempotencyFor(first, { a: 2 }, make);
    expect(changed.key).not.toBe(first.key);
    expect(idempotencyFor(null, { a: 1 }, make).key).not.toBe(first.key);
  });
  test('If-Match quotes the version', () => {
    expect(ifMatch(3)).toBe('"3"');
  });
});

describe('list and routes', () => {
  test('statuses repeat in the query string; blanks are left out', () => {
    expect(orderQueryString({ status: ['registered', 'dispatched'], q: '', page: 1, open: undefined })).toBe(
      'status=registered&status=dispatched&page=1',
    );
    expect(splitList('a,b,')).toEqual(['a', 'b']);
    expect(splitList(undefined)).toEqual([]);
  });

  test('OpenAPI paths become route keys; steps show only when listed and routed', () => {
    const routes = routeSetOf({
      paths: {
        '/api/v1/work-orders/{id}/cancel': { post: {} },
        '/api/v1/work-orders/{id}/notes': { post: {} },
        '/api/v1/dispatch/board': { get: {} },
      },
    });
    expect(routes?.has('POST /work-orders/:id/cancel')).toBe(true);
    expect(routes?.has('GET /dispatch/board')).toBe(true);
    expect(availableSteps(['cancel', 'redirect', 'note', 'complete'], routes)).toEqual(['cancel', 'note']);
    // Still loading: nothing offered yet. No readable document: every known step (the server decides).
    expect(availableSteps(['cancel', 'note'], undefined)).toEqual([]);
    expect(routeSetOf(null)).toBeNull();
    expect(availableSteps(['cancel', 'redirect', 'complete'], null)).toEqual(['cancel', 'redirect']);
    expect(hasRoute(null, 'GET /dispatch/board')).toBe(true);
    expect(hasRoute(undefined, 'GET /dispatch/board')).toBe(false);
    expect(hasRoute(routes, 'GET /return-visits')).toBe(false);
  });

  test('a step body takes only its own fields', () => {
    expect(stepBodyOf('cancel', { reason: ' 用户取消 ', outletId: 'x' })).toEqual({ reason: '用户取消' });
    expect(stepBodyOf('redirect', { reason: '就近', outletId: 'o1' })).toEqual({ outletId: 'o1', reason: '就近' });
    expect(stepBodyOf('note', { text: ' 已联系 ' })).toEqual({ text: '已联系' });
    expect(
      stepBodyOf('reschedule', {
        window: [at('2026-12-08T01:00:00Z'), at('2026-12-08T02:00:00Z')],
        reason: '用户改时间',
      }),
    ).toEqual({
      start: '2026-12-08T01:00:00.000Z',
      end: '2026-12-08T02:00:00.000Z',
      requestedBy: 'customer',
      reason: '用户改时间',
    });
  });

  test('the SLA clock steps post to /clock with their action, a pause with why', () => {
    const routes = new Set(['POST /work-orders/:id/clock']);
    expect(availableSteps(['pause_clock', 'resume_clock', 'note'], routes)).toEqual(['pause_clock', 'resume_clock']);
    expect(stepBodyOf('pause_clock', { pauseReason: 'waiting_parts', reason: ' 压缩机缺货 ' })).toEqual({
      action: 'pause',
      pauseReason: 'waiting_parts',
      reason: '压缩机缺货',
    });
    expect(stepBodyOf('pause_clock', {})).toEqual({ action: 'pause', pauseReason: 'waiting_customer' });
    expect(stepBodyOf('resume_clock', { reason: '  ' })).toEqual({ action: 'resume' });
    // What the console sends is what the server's contract accepts.
    expect(clockBody.safeParse(stepBodyOf('pause_clock', { pauseReason: 'waiting_customer' })).success).toBe(true);
  });
});

describe('lookup, time and summaries', () => {
  test('a number is a phone first, letters mean a serial', () => {
    expect(lookupOrder('138 0013 8000')).toEqual(['phone', 'serial']);
    expect(lookupOrder('010-8888 9999')).toEqual(['phone', 'serial']);
    expect(lookupOrder('AUX2023A0001')).toEqual(['serial']);
    expect(lookupOrder('  ')).toEqual([]);
  });

  test('age in hours and minutes, never negative; overdue against now', () => {
    const now = Date.parse('2026-12-06T12:00:00Z');
    expect(ageOf('2026-12-06T09:35:00Z', now)).toEqual({ h: 2, m: 25, minutes: 145 });
    expect(ageOf('2026-12-06T12:05:00Z', now).minutes).toBe(0);
    expect(isOverdue('2026-12-06T11:59:00Z', now)).toBe(true);
    expect(isOverdue('2026-12-06T12:01:00Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });

  test('event data as one short line', () => {
    expect(dataSummary({ channel: 'phone', faultCodes: ['E1', 'F3'], empty: [], none: null, deep: { a: 1 } })).toBe(
      'channel: phone; faultCodes: E1, F3; deep: {…}',
    );
    expect(dataSummary({ text: 'x'.repeat(300) }, 20)).toHaveLength(20);
    // Ids stay out (the names travel beside them); instants go through the given formatter.
    expect(
      dataSummary(
        {
          outletId: '01a24d21-5425-7000-8001-1889f34f9410',
          outletName: '江北康达',
          expiresAt: '2026-12-06T21:24:41.078Z',
        },
        160,
        (iso) => `<${iso.slice(11, 16)}>`,
      ),
    ).toBe('outletName: 江北康达; expiresAt: <21:24>');
  });

  test('return-visit outcome: a reason only when unsatisfied', () => {
    expect(outcomeBodyOf({ outcome: 'unsatisfied', reason: ' 仍漏水 ', notes: '' })).toEqual({
      outcome: 'unsatisfied',
      reason: '仍漏水',
    });
    expect(outcomeBodyOf({ outcome: 'unreachable', reason: 'x', notes: ' 关机 ' })).toEqual({
      outcome: 'unreachable',
      notes: '关机',
    });
  });
});
