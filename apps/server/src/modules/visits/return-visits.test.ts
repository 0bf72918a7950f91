import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type VisitsFixture, visitsFixture } from './visits.fixture.ts';

let x: VisitsFixture;
beforeAll(async () => {
  x = await visitsFixture();
});
afterAll(async () => x?.t.close());

async function taskOf(orderId: string) {
  const list = await x.t.get('/api/v1/return-visits', x.as.agent, { query: { pageSize: '200' } });
  return list.data.items.find((t: { order: { id: string } }) => t.order.id === orderId);
}

describe('return-visit tasks', () => {
  it('are listed for agents and inspectors of the brand, due after the pack’s hours, with filters', async () => {
    const o = await x.resolved();
    const task = await taskOf(o.id);
    expect(task).toMatchObject({
      status: 'open',
      dueAt: '2026-03-18T02:00:00.000Z',
      overdue: false,
      attempts: 0,
      order: { id: o.id, status: 'resolved' },
    });
    const inspector = await x.t.get('/api/v1/return-visits', x.as.inspector, { query: { status: 'open' } });
    expect(inspector.data.items.map((t: { id: string }) => t.id)).toContain(task.id);
    const other = await x.t.get('/api/v1/return-visits', x.as.agentB);
    expect(other.data.items).toEqual([]);
    expect((await x.t.get('/api/v1/return-visits', x.as.manager)).statusCode).toBe(403);
    expect((await x.t.get('/api/v1/return-visits', x.as.tech)).statusCode).toBe(403);
    const byBrand = await x.t.get('/api/v1/return-visits', x.as.agent, { query: { brandId: x.brandB.id } });
    expect(byBrand.data.items).toEqual([]);

    expect((await x.t.get('/api/v1/return-visits', x.as.agent, { query: { overdue: 'true' } })).data.items).toEqual([]);
    // Past its due time (moved back rather than the clock forward, which would end the sessions).
    await x.t.db
      .updateTable('return_visit_tasks')
      .set({ due_at: new Date('2026-03-15T01:00:00Z') })
      .where('id', '=', task.id)
      .execute();
    const overdue = await x.t.get('/api/v1/return-visits', x.as.agent, { query: { overdue: 'true' } });
    expect(overdue.data.items.map((t: { id: string; overdue: boolean }) => [t.id, t.overdue])).toEqual([
      [task.id, true],
    ]);
    const bad = await x.t.get('/api/v1/return-visits', x.as.agent, { query: { status: 'lost' } });
    expect(bad.statusCode).toBe(400);
  });

  it('start moves the order to return_visit and claims the task; a foreign task is 404', async () => {
    const o = await x.resolved();
    const task = await taskOf(o.id);
    expect((await x.t.post(`/api/v1/return-visits/${task.id}/start`, x.as.agentB)).statusCode).toBe(404);
    expect((await x.t.post(`/api/v1/return-visits/${task.id}/start`, x.as.dispatcher)).statusCode).toBe(403);
    const res = await x.t.post(`/api/v1/return-visits/${task.id}/start`, x.as.agent);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ order: { status: 'return_visit' }, claimedBy: x.as.agent.userId });
    const again = await x.t.post(`/api/v1/return-visits/${task.id}/start`, x.as.agent);
    expect([again.statusCode, again.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
    expect((await x.t.post(`/api/v1/return-visits/${crypto.randomUUID()}/start`, x.as.agent)).statusCode).toBe(404);
  });

  it('unreachable keeps the task open and counts the tries; satisfied closes the order', async () => {
    const o = await x.resolved();
    const task = await taskOf(o.id);
    const first = await x.t.post(`/api/v1/return-visits/${task.id}/outcome`, x.as.agent, {
      outcome: 'unreachable',
      notes: '10:00 无人接听',
    });
    expect(first.data).toMatchObject({ status: 'open', attempts: 1, notes: '10:00 无人接听' });
    const second = await x.t.post(`/api/v1/return-visits/${task.id}/outcome`, x.as.agent, {
      outcome: 'unreachable',
      notes: '15:00 关机',
    });
    expect(second.data).toMatchObject({ status: 'open', attempts: 2, notes: '10:00 无人接听\n15:00 关机' });
    expect((await x.row(o.id)).status).toBe('resolved');

    const ok = await x.t.post(`/api/v1/return-visits/${task.id}/outcome`, x.as.agent, {
      outcome: 'satisfied',
      notes: '用户满意',
    });
    expect(ok.data).toMatchObject({ status: 'done', outcome: 'satisfied', order: { status: 'closed' } });
    const closed = await x.row(o.id);
    expect(closed.closed_at).not.toBeNull();
    const after = await x.t.post(`/api/v1/return-visits/${task.id}/outcome`, x.as.agent, { outcome: 'satisfied' });
    expect([after.statusCode, after.data.code]).toEqual([409, 'RETURN_VISIT_NOT_OPEN']);
  });

  it('unsatisfied needs a reason, reopens the order and notifies the owning outlet', async () => {
    const o = await x.resolved();
    const task = await taskOf(o.id);
    await x.t.post(`/api/v1/return-visits/${task.id}/start`, x.as.agent);
    const noReason = await x.t.post(`/api/v1/return-visits/${task.id}/outcome`, x.as.agent, { outcome: 'unsatisfied' });
    expect(noReason.statusCode).toBe(400);
    expect((await taskOf(o.id)).status).toBe('open');
    const res = await x.t.post(`/api/v1/return-visits/${task.id}/outcome`, x.as.agent, {
      outcome: 'unsatisfied',
      reason: '空调仍不制冷',
    });
    expect(res.data).toMatchObject({ status: 'done', outcome: 'unsatisfied', order: { status: 'reopened' } });
    const order = await x.t.get(`/api/v1/work-orders/${o.id}`, x.as.agent);
    expect(order.data).toMatchObject({ status: 'reopened', reopenCount: 1 });
    const tl = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    expect(tl.data.items.at(-1)).toMatchObject({ action: 'reopen', reason: '空调仍不制冷' });
    const note = await x.t.db
      .selectFrom('events')
      .select(['outlet_id', 'payload'])
      .where('aggregate_id', '=', o.id)
      .where('type', '=', 'return_visit.unsatisfied')
      .executeTakeFirstOrThrow();
    expect(note).toMatchObject({ outlet_id: x.outlet.id, payload: { notify: 'outlet', reason: '空调仍不制冷' } });
    // The reopened order is booked again by its outlet.
    const rebook = await x.t.post(`/api/v1/work-orders/${o.id}/book`, x.as.manager, {
      start: '2026-03-16T01:00:00Z',
      end: '2026-03-16T03:00:00Z',
    });
    expect(rebook.data.status).toBe('booked');
  });

  it('a dispatcher reopens a resolved order with a reason; its open task is cancelled', async () => {
    const o = await x.resolved();
    expect(
      (await x.t.post(`/api/v1/work-orders/${o.id}/reopen`, x.as.manager, { reason: '用户投诉' })).statusCode,
    ).toBe(403);
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/reopen`, x.as.tech, { reason: '用户投诉' })).statusCode).toBe(
      403,
    );
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/reopen`, x.as.dispatcher, {})).statusCode).toBe(400);
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/reopen`, x.as.dispatcher, { reason: '用户投诉未修好' });
    expect(res.data).toMatchObject({ status: 'reopened', reopenCount: 1 });
    const task = await x.t.db
      .selectFrom('return_visit_tasks')
      .selectAll()
      .where('order_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(task.status).toBe('cancelled');
    const fresh = await x.order('accepted');
    const early = await x.t.post(`/api/v1/work-orders/${fresh.id}/reopen`, x.as.dispatcher, { reason: 'x' });
    expect([early.statusCode, early.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
  });
});

describe('customer confirmation on H5', () => {
  it('is recorded once on the timeline, only when resolved, only for the token’s order', async () => {
    const open = await x.onSite();
    const openToken = await x.tokenFor(open.id);
    const early = await x.t.post(`/api/v1/h5/orders/${openToken}/confirm`, null);
    expect([early.statusCode, early.data.code]).toEqual([409, 'VISIT_NOT_RESOLVED']);
    const o = await x.resolved();
    const token = await x.tokenFor(o.id);
    const res = await x.t.post(`/api/v1/h5/orders/${token}/confirm`, null);
    expect(res.data).toEqual({ confirmedAt: '2026-03-15T02:00:00.000Z' });
    const again = await x.t.post(`/api/v1/h5/orders/${token}/confirm`, null);
    expect([again.statusCode, again.data.code]).toEqual([409, 'VISIT_ALREADY_CONFIRMED']);
    const tl = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    expect(tl.data.items.at(-1)).toMatchObject({
      action: 'note',
      actor: { role: 'customer' },
      data: { kind: 'customer_confirmed' },
    });
    const otherTl = await x.t.get(`/api/v1/work-orders/${open.id}/timeline`, x.as.agent);
    expect(otherTl.data.items.some((e: { data: { kind?: string } }) => e.data.kind === 'customer_confirmed')).toBe(
      false,
    );
    const wrong = await x.t.post(`/api/v1/h5/orders/${'y'.repeat(40)}/confirm`, null);
    expect(wrong.statusCode).toBe(404);
  });
});
