import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VisitsFixture, visitsFixture } from './visits.fixture.ts';

let x: VisitsFixture;
beforeAll(async () => {
  x = await visitsFixture();
});
afterAll(async () => x?.t.close());

const W = { start: '2026-03-16T01:00:00Z', end: '2026-03-16T04:00:00Z' };
const W2 = { start: '2026-03-17T06:00:00Z', end: '2026-03-17T08:00:00Z' };

describe('appointments', () => {
  it('books a future window from accepted; the outlet is recorded as the requester', async () => {
    const o = await x.order('accepted');
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/book`, x.as.manager, W);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ status: 'booked', version: 2 });
    const list = await x.t.get(`/api/v1/work-orders/${o.id}/appointments`, x.as.tech);
    expect(list.data.items).toEqual([
      expect.objectContaining({ start: '2026-03-16T01:00:00.000Z', status: 'active', requestedBy: 'outlet' }),
    ]);
    const tl = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    expect(tl.data.items.at(-1)).toMatchObject({ action: 'book', toStatus: 'booked', data: { requestedBy: 'outlet' } });
  });

  it('refuses windows in the past, too short, too long or too far ahead, writing nothing', async () => {
    const o = await x.order('accepted');
    const before = await x.t.count('work_order_appointments');
    const cases: [object, number, string][] = [
      [{ start: '2026-03-15T01:00:00Z', end: '2026-03-15T03:00:00Z' }, 422, 'VISIT_WINDOW_PAST'],
      [{ start: '2026-03-16T01:00:00Z', end: '2026-03-17T01:00:01Z' }, 422, 'VISIT_WINDOW_LENGTH'],
      [{ start: '2026-03-16T01:00:00Z', end: '2026-03-16T01:10:00Z' }, 422, 'VISIT_WINDOW_LENGTH'],
      [{ start: '2026-07-16T01:00:00Z', end: '2026-07-16T03:00:00Z' }, 422, 'VISIT_WINDOW_TOO_FAR'],
      [{ start: '2026-03-16T04:00:00Z', end: '2026-03-16T01:00:00Z' }, 400, 'VALIDATION_FAILED'],
      [{ ...W, extra: 1 }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await x.t.post(`/api/v1/work-orders/${o.id}/book`, x.as.manager, body);
      expect([res.statusCode, res.data.code], JSON.stringify(body)).toEqual([status, code]);
    }
    // A full day is allowed.
    const day = await x.t.post(`/api/v1/work-orders/${o.id}/book`, x.as.agent, {
      start: '2026-03-16T00:00:00Z',
      end: '2026-03-17T00:00:00Z',
    });
    expect(day.statusCode).toBe(200);
    expect(await x.t.count('work_order_appointments')).toBe(before + 1);
  });

  it('guards the step: wrong status 409, a technician 403, another outlet 404', async () => {
    const o = await x.order('registered');
    const wrong = await x.t.post(`/api/v1/work-orders/${o.id}/book`, x.as.agent, W);
    expect([wrong.statusCode, wrong.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
    const a = await x.order('accepted');
    expect((await x.t.post(`/api/v1/work-orders/${a.id}/book`, x.as.tech, W)).statusCode).toBe(403);
    expect((await x.t.post(`/api/v1/work-orders/${a.id}/book`, x.as.manager2, W)).statusCode).toBe(404);
    expect((await x.t.post(`/api/v1/work-orders/${a.id}/book`, x.as.agentB, W)).statusCode).toBe(404);
    expect(
      await x.t.db.selectFrom('work_order_appointments').where('order_id', '=', a.id).select('id').execute(),
    ).toEqual([]);
  });

  it('reschedules with who asked and why; the previous window is kept as superseded', async () => {
    const o = await x.order('accepted');
    await x.t.post(`/api/v1/work-orders/${o.id}/book`, x.as.manager, W);
    const noReason = await x.t.post(`/api/v1/work-orders/${o.id}/reschedule`, x.as.agent, {
      ...W2,
      requestedBy: 'customer',
    });
    expect(noReason.statusCode).toBe(400);
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/reschedule`, x.as.agent, {
      ...W2,
      requestedBy: 'customer',
      reason: '用户临时出差',
    });
    expect(res.statusCode).toBe(200);
    expect(res.data.status).toBe('booked');
    // The customer may reschedule their own order, only as the customer.
    const asOutlet = await x.t.post(`/api/v1/work-orders/${o.id}/reschedule`, x.as.customer, {
      ...W,
      requestedBy: 'outlet',
      reason: '改到明天',
    });
    expect([asOutlet.statusCode, asOutlet.data.code]).toEqual([422, 'VISIT_REQUESTER_MISMATCH']);
    const own = await x.t.post(`/api/v1/work-orders/${o.id}/reschedule`, x.as.customer, {
      ...W,
      requestedBy: 'customer',
      reason: '改回原来的时间',
    });
    expect(own.statusCode).toBe(200);
    const list = await x.t.get(`/api/v1/work-orders/${o.id}/appointments`, x.as.agent);
    expect(
      list.data.items.map((a: { status: string; requestedBy: string; reason: string | null }) => [
        a.status,
        a.requestedBy,
        a.reason,
      ]),
    ).toEqual([
      ['superseded', 'outlet', null],
      ['superseded', 'customer', '用户临时出差'],
      ['active', 'customer', '改回原来的时间'],
    ]);
    const tl = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    const moves = tl.data.items.filter((e: { action: string }) => e.action === 'reschedule');
    expect(moves[0]).toMatchObject({
      reason: '用户临时出差',
      data: { requestedBy: 'customer' },
      actor: { role: 'agent' },
    });
    expect(moves).toHaveLength(2);
  });
});

describe('visits', () => {
  it('departs only with an active appointment, as the assigned technician', async () => {
    const bare = await x.order('booked');
    const none = await x.t.post(`/api/v1/work-orders/${bare.id}/depart`, x.as.tech);
    expect([none.statusCode, none.data.code]).toEqual([409, 'WORK_ORDER_APPOINTMENT_REQUIRED']);
    const o = await x.order('accepted');
    await x.t.post(`/api/v1/work-orders/${o.id}/book`, x.as.manager, W);
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/depart`, x.as.manager)).statusCode).toBe(403);
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/depart`, x.as.tech2)).statusCode).toBe(404);
    const ok = await x.t.post(`/api/v1/work-orders/${o.id}/depart`, x.as.tech);
    expect(ok.data.status).toBe('on_the_way');
  });

  it('checks in with a technician only; stores the place and flags a check-in far from the reference', async () => {
    const nobody = await x.order('booked', { technicianId: null });
    const visitsBefore = await x.t.count('work_order_visits');
    const refused = await x.t.post(`/api/v1/work-orders/${nobody.id}/check-in`, x.as.manager, {});
    expect(refused.statusCode).toBe(403);
    expect(await x.t.count('work_order_visits')).toBe(visitsBefore);

    const plain = await x.order('booked');
    const a = await x.t.post(`/api/v1/work-orders/${plain.id}/check-in`, x.as.tech, { lat: 31.2, lng: 121.5 });
    expect(a.data).toMatchObject({ status: 'on_site', flags: [] });
    let visits = await x.t.get(`/api/v1/work-orders/${plain.id}/visits`, x.as.tech);
    // The outlet has no recorded position: the place is kept, no distance is judged.
    expect(visits.data.items[0]).toMatchObject({
      position: { lat: 31.2, lng: 121.5 },
      distanceM: null,
      checkedOutAt: null,
    });

    await x.t.db.updateTable('outlets').set({ lat: 31.2, lng: 121.5 }).where('id', '=', x.outlet.id).execute();
    const near = await x.order('on_the_way');
    const n = await x.t.post(`/api/v1/work-orders/${near.id}/check-in`, x.as.tech, { lat: 31.205, lng: 121.5 });
    expect(n.data.flags).toEqual([]);
    const far = await x.order('booked');
    const f = await x.t.post(`/api/v1/work-orders/${far.id}/check-in`, x.as.tech, { lat: 31.22, lng: 121.5 });
    expect(f.data.flags).toEqual(['check_in_far']);
    visits = await x.t.get(`/api/v1/work-orders/${far.id}/visits`, x.as.agent);
    expect(visits.data.items[0].distanceM).toBe(2224);
    await x.t.db.updateTable('outlets').set({ lat: null, lng: null }).where('id', '=', x.outlet.id).execute();

    const half = await x.t.post(`/api/v1/work-orders/${plain.id}/check-in`, x.as.tech, { lat: 31.2 });
    expect(half.statusCode).toBe(400);
    const again = await x.t.post(`/api/v1/work-orders/${plain.id}/check-in`, x.as.tech, {});
    expect([again.statusCode, again.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
  });

  it('saves the visit record: checklist against the pack, fault code of the brand, photos', async () => {
    const o = await x.onSite();
    const url = `/api/v1/work-orders/${o.id}/visit`;
    const put = (body: object, who = x.as.tech) => x.t.request('PUT', url, who, { body });
    const unknown = await put({ checklist: { 'licence-shown': true, 'free-lunch': true } });
    expect([unknown.statusCode, unknown.data.code]).toEqual([422, 'VISIT_CHECKLIST_ITEM_UNKNOWN']);
    const badCode = await put({ faultCode: 'ZZ9' });
    expect([badCode.statusCode, badCode.data.code]).toEqual([422, 'VISIT_FAULT_CODE_UNKNOWN']);
    const photo = { url: 'https://files.example.com/a.jpg', takenAt: '2026-03-15T02:10:00Z', lat: 31.2, lng: 121.5 };
    expect((await put({ photos: Array.from({ length: 13 }, () => photo) })).statusCode).toBe(400);
    expect((await put({ photos: [{ url: 'javascript:alert(1)' }] })).statusCode).toBe(400);
    expect((await put({ checklist: { 'licence-shown': true } }, x.as.manager)).statusCode).toBe(403);
    expect((await put({ checklist: { 'licence-shown': true } }, x.as.tech2)).statusCode).toBe(404);
    const stored = await x.t.db.selectFrom('work_order_visits').selectAll().where('order_id', '=', o.id).execute();
    expect(stored[0]).toMatchObject({ checklist: {}, fault_code: null, photos: [] });

    const ok = await put({
      checklist: { 'licence-shown': true, 'power-on-test': false },
      diagnosis: '感温包松脱',
      faultCode: 'e1',
      cause: '安装时未固定',
      partsUsed: '扎带 2 根',
      photos: [photo],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ faultCode: 'E1', diagnosis: '感温包松脱', photos: [photo], signed: false });
    await put({ checklist: { 'clean-up': true } });
    const visits = await x.t.get(`/api/v1/work-orders/${o.id}/visits`, x.as.tech);
    expect(visits.data.items[0].checklist.map((c: { id: string; done: boolean }) => [c.id, c.done])).toEqual([
      ['licence-shown', true],
      ['fee-standard-shown', false],
      ['power-on-test', false],
      ['clean-up', true],
    ]);
    expect(visits.data.items[0].diagnosis).toBe('感温包松脱');
    // The customer sees who came by name, not the technician's internal id.
    const own = await x.t.get(`/api/v1/work-orders/${o.id}/visits`, x.as.customer);
    expect(own.data.items[0].technician).toEqual({ id: null, name: '李师傅' });
    expect(visits.data.items[0].technician).toEqual({ id: x.tech.id, name: '李师傅' });

    const booked = await x.order('booked');
    const closed = await x.t.request('PUT', `/api/v1/work-orders/${booked.id}/visit`, x.as.tech, {
      body: { diagnosis: 'x' },
    });
    expect([closed.statusCode, closed.data.code]).toEqual([409, 'VISIT_NOT_OPEN']);
  });

  it('waiting for parts, to the factory or another visit: reason required, the visit closes with the outcome', async () => {
    const o = await x.onSite();
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/wait-parts`, x.as.tech, {})).statusCode).toBe(400);
    const wait = await x.t.post(`/api/v1/work-orders/${o.id}/wait-parts`, x.as.tech, { reason: '压缩机缺货' });
    expect(wait.data.status).toBe('waiting_parts');
    const factory = await x.t.post(`/api/v1/work-orders/${o.id}/to-factory`, x.as.manager, { reason: '需返厂检测' });
    expect(factory.data.status).toBe('returned_to_factory');
    let visits = await x.t.get(`/api/v1/work-orders/${o.id}/visits`, x.as.agent);
    expect(visits.data.items[0]).toMatchObject({ outcome: 'waiting_parts', checkedOutAt: '2026-03-15T02:00:00.000Z' });

    const r = await x.onSite();
    const revisit = await x.t.post(`/api/v1/work-orders/${r.id}/revisit`, x.as.tech, { reason: '需要两人搬运' });
    expect(revisit.data.status).toBe('accepted');
    visits = await x.t.get(`/api/v1/work-orders/${r.id}/visits`, x.as.agent);
    expect(visits.data.items[0].outcome).toBe('revisit');
    const rebook = await x.t.post(`/api/v1/work-orders/${r.id}/book`, x.as.manager, W);
    expect(rebook.data.status).toBe('booked');
    const illegal = await x.t.post(`/api/v1/work-orders/${r.id}/wait-parts`, x.as.tech, { reason: 'x' });
    expect(illegal.statusCode).toBe(409);
  });
});
