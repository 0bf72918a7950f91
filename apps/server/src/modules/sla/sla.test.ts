import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOUR, MIN, type SlaFixture, START, slaFixture } from './sla.fixture.ts';

let x: SlaFixture;
beforeAll(async () => {
  x = await slaFixture();
});
afterAll(async () => x?.t.close());

const iso = (ms: number) => new Date(ms).toISOString();

describe('milestones at intake (AUX)', () => {
  it('records the promises of a repair from the register event, from when the call came in', async () => {
    x.t.clock.set(START);
    const o = await x.intake({ receivedAt: iso(Date.parse(START) - 3 * MIN) });
    const m = await x.milestones(o.id);
    expect(Object.keys(m)).toEqual(
      expect.arrayContaining(['record', 'to-outlet', 'outlet-receives', 'on-site', 'resolved', 'repair-on-site-24h']),
    );
    // Not an installation or a complaint: their promises do not apply.
    expect(m['installation-on-site-24h']).toBeUndefined();
    expect(m['complaint-24h']).toBeUndefined();
    // Recorded 3 minutes after the call came in: met, counted from the contact.
    expect(m.record).toMatchObject({
      status: 'met',
      startedAt: iso(Date.parse(START) - 3 * MIN),
      stoppedAt: START,
      responsible: 'desk',
      breached: false,
      name: { 'zh-CN': '来电信息录入', 'en-US': 'Call recorded' },
    });
    // Offered at intake: handed to the outlet at once.
    expect(m['to-outlet']).toMatchObject({ status: 'met', stoppedAt: START });
    expect(m['outlet-receives']).toMatchObject({ status: 'open', dueAt: iso(Date.parse(START) + 30 * MIN) });
    expect(m['on-site']).toMatchObject({
      status: 'open',
      clock: 'calendar',
      targetMinutes: 720,
      dueAt: iso(Date.parse(START) + 12 * HOUR),
      responsible: 'outlet',
    });
    expect(m['on-site'].warnAt).not.toBeNull();
    // The stored rows carry who answers for them: the outlet (and its region), the agent for the desk.
    const rows = await x.t.db.selectFrom('sla_milestones').selectAll().where('order_id', '=', o.id).execute();
    const byKey = Object.fromEntries(rows.map((r) => [r.milestone_key, r]));
    expect(byKey['on-site']).toMatchObject({ outlet_id: x.outletA.id, region_id: x.region.id, pack_id: 'aux' });
    expect(byKey.record).toMatchObject({ responsible_user_id: x.as.agent.userId });
  });

  it('a call typed in 10 minutes late misses the record promise', async () => {
    x.t.clock.set(START);
    const o = await x.intake({ receivedAt: iso(Date.parse(START) - 10 * MIN) });
    expect((await x.milestones(o.id)).record).toMatchObject({ status: 'missed', breached: true });
  });

  it('refuses a receivedAt in the future or more than 7 days back, writing nothing', async () => {
    x.t.clock.set(START);
    const before = await x.t.count('work_orders');
    for (const receivedAt of [iso(Date.parse(START) + MIN), iso(Date.parse(START) - 8 * 24 * HOUR)]) {
      const res = await x.t.post('/api/v1/work-orders', x.as.agent, {
        brandId: x.brand.id,
        type: 'repair',
        channel: 'phone',
        customerId: x.customer.id,
        categoryCode: 'air_conditioner',
        receivedAt,
      });
      expect([res.statusCode, res.data.code]).toEqual([422, 'WORK_ORDER_RECEIVED_AT_INVALID']);
    }
    expect(await x.t.count('work_orders')).toBe(before);
  });

  it('shows the milestones only to who sees the order (foreign → 404)', async () => {
    x.t.clock.set(START);
    const o = await x.intake();
    for (const caller of [x.as.agentOther, x.as.managerB, x.as.tech])
      expect((await x.t.get(`/api/v1/work-orders/${o.id}/milestones`, caller)).statusCode).toBe(404);
    expect((await x.t.get(`/api/v1/work-orders/${o.id}/milestones`, x.as.managerA)).statusCode).toBe(200);
  });
});

describe('the steps stop the clocks', () => {
  it('accept, book and check-in stop their milestones, met or missed', async () => {
    x.t.clock.set(START);
    const o = await x.intake();
    x.t.clock.advance(20 * MIN);
    await x.step(`/api/v1/work-orders/${o.id}/accept`, x.as.managerA);
    let m = await x.milestones(o.id);
    expect(m['outlet-receives']).toMatchObject({ status: 'met', elapsedMinutes: 20 });
    expect(m['contact-and-book']).toMatchObject({ status: 'open', dueAt: x.at(50 * MIN) });
    // Booked 40 minutes after accepting: the 30-minute promise is missed.
    x.t.clock.advance(40 * MIN);
    await x.step(`/api/v1/work-orders/${o.id}/book`, x.as.managerA, { start: x.at(2 * HOUR), end: x.at(4 * HOUR) });
    await x.step(`/api/v1/work-orders/${o.id}/assign`, x.as.managerA, { technicianId: x.tech.id });
    m = await x.milestones(o.id);
    expect(m['contact-and-book']).toMatchObject({ status: 'missed', breached: true, stoppedAt: x.at(60 * MIN) });
    x.t.clock.set(x.at(2 * HOUR + 30 * MIN));
    await x.step(`/api/v1/work-orders/${o.id}/check-in`, x.as.tech, {});
    m = await x.milestones(o.id);
    expect(m['on-site']).toMatchObject({ status: 'met', stoppedAt: x.at(2 * HOUR + 30 * MIN), breached: false });
    expect(m['repair-on-site-24h']).toMatchObject({ status: 'met' });
    expect(m.resolved).toMatchObject({ status: 'open' });
  });

  it('a later window the customer asked for moves the on-site due time and is customer-caused', async () => {
    x.t.clock.set(START);
    const o = await x.intake();
    await x.step(`/api/v1/work-orders/${o.id}/accept`, x.as.managerA);
    await x.step(`/api/v1/work-orders/${o.id}/book`, x.as.managerA, { start: x.at(2 * HOUR), end: x.at(4 * HOUR) });
    let m = await x.milestones(o.id);
    expect(m['on-site']).toMatchObject({ dueAt: x.at(12 * HOUR), customerCaused: false });
    // The customer can only do the next day, 14:00–16:00 Shanghai: past the 12-hour promise.
    await x.step(`/api/v1/work-orders/${o.id}/reschedule`, x.as.agent, {
      start: '2026-03-17T06:00:00.000Z',
      end: '2026-03-17T08:00:00.000Z',
      requestedBy: 'customer',
      reason: '用户明天下午才在家',
    });
    m = await x.milestones(o.id);
    expect(m['on-site']).toMatchObject({ status: 'open', dueAt: '2026-03-17T08:00:00.000Z', customerCaused: true });
    expect(m['on-site'].explain.appointmentMoves).toEqual(
      expect.arrayContaining([expect.objectContaining({ requestedBy: 'customer', movesDue: true })]),
    );
    // The resolution promise does not move with appointments.
    expect(m.resolved).toMatchObject({ dueAt: x.at(5 * 24 * HOUR), customerCaused: false });
  });

  it('a cancelled order cancels its open milestones; stopped ones keep their result', async () => {
    x.t.clock.set(START);
    const o = await x.intake();
    x.t.clock.advance(5 * MIN);
    await x.step(`/api/v1/work-orders/${o.id}/cancel`, x.as.agent, { reason: '用户已自行修好' });
    const m = await x.milestones(o.id);
    expect(m['to-outlet'].status).toBe('met');
    for (const key of ['outlet-receives', 'on-site', 'resolved', 'repair-on-site-24h'])
      expect(m[key], key).toMatchObject({ status: 'cancelled', stoppedAt: x.at(5 * MIN) });
  });
});

describe('pausing the clock', () => {
  it('pauses while waiting for the customer, across a redirect, and moves due by the paused span', async () => {
    x.t.clock.set(START);
    const o = await x.intake();
    const clock = (caller: typeof x.as.agent, body: object, headers: Record<string, string> = {}) =>
      x.t.post(`/api/v1/work-orders/${o.id}/clock`, caller, body, { headers });
    // Nobody works on it yet: nothing to pause.
    const early = await clock(x.as.dispatcher, { action: 'pause', pauseReason: 'waiting_customer' });
    expect([early.statusCode, early.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
    const accepted = await x.step(`/api/v1/work-orders/${o.id}/accept`, x.as.managerA);
    x.t.clock.advance(HOUR);
    // Resume when running: 409; pause without why: 422; a stale version: 412; the customer: 403.
    const notPaused = await clock(x.as.managerA, { action: 'resume' });
    expect([notPaused.statusCode, notPaused.data.code]).toEqual([409, 'SLA_CLOCK_NOT_PAUSED']);
    const noReason = await clock(x.as.managerA, { action: 'pause' });
    expect([noReason.statusCode, noReason.data.code]).toEqual([422, 'SLA_PAUSE_REASON_REQUIRED']);
    const stale = await clock(x.as.managerA, { action: 'pause', pauseReason: 'waiting_customer' }, { 'if-match': '1' });
    expect(stale.statusCode).toBe(412);
    expect((await clock(x.as.customer, { action: 'pause', pauseReason: 'waiting_customer' })).statusCode).toBe(403);
    expect((await clock(x.as.managerB, { action: 'pause', pauseReason: 'waiting_customer' })).statusCode).toBe(404);

    const paused = await clock(
      x.as.managerA,
      { action: 'pause', pauseReason: 'waiting_customer', reason: '用户出差' },
      { 'if-match': `"${accepted.version}"` },
    );
    expect(paused.statusCode, paused.body).toBe(200);
    expect(paused.data).toMatchObject({ status: 'accepted', version: accepted.version + 1 });
    const again = await clock(x.as.managerA, { action: 'pause', pauseReason: 'waiting_customer' });
    expect([again.statusCode, again.data.code]).toEqual([409, 'SLA_CLOCK_ALREADY_PAUSED']);
    let m = await x.milestones(o.id);
    expect(m['on-site']).toMatchObject({ status: 'paused', dueAt: null });
    // The record and hand-over promises do not pause for the customer (not in their pauseFor).
    expect(m['contact-and-book']).toMatchObject({ status: 'open' });

    // The dispatcher moves the order to outlet B; the pause stays.
    x.t.clock.advance(HOUR);
    await x.step(`/api/v1/work-orders/${o.id}/redirect`, x.as.dispatcher, {
      outletId: x.outletB.id,
      reason: '网点调整',
    });
    await x.step(`/api/v1/work-orders/${o.id}/accept`, x.as.managerB);
    m = await x.milestones(o.id);
    expect(m['on-site']).toMatchObject({ status: 'paused', dueAt: null });
    const row = await x.t.db
      .selectFrom('sla_milestones')
      .select('outlet_id')
      .where('order_id', '=', o.id)
      .where('milestone_key', '=', 'on-site')
      .executeTakeFirstOrThrow();
    expect(row.outlet_id).toBe(x.outletB.id);

    // Two hours paused in all: the 12-hour promise is due two hours later.
    x.t.clock.advance(HOUR);
    const resumed = await clock(x.as.managerB, { action: 'resume' });
    expect(resumed.statusCode, resumed.body).toBe(200);
    m = await x.milestones(o.id);
    expect(m['on-site']).toMatchObject({
      status: 'open',
      dueAt: x.at(14 * HOUR),
      pausedMinutes: 120,
      pauses: [{ from: x.at(HOUR), to: x.at(3 * HOUR), reason: 'waiting_customer' }],
    });
    expect(m.resolved.dueAt).toBe(x.at(5 * 24 * HOUR + 2 * HOUR));
    const timeline = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    const actions = timeline.data.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['pause_clock', 'resume_clock']));
    const pause = timeline.data.items.find((e: { action: string }) => e.action === 'pause_clock');
    expect(pause).toMatchObject({ reason: '用户出差', data: { pauseReason: 'waiting_customer' } });
  });
});

describe('recompute', () => {
  it('moves a working-time due after a calendar correction (Orlusa: on site in two working days)', async () => {
    const y = await slaFixture('orlusa');
    try {
      const o = await y.intake();
      const before = (await y.milestones(o.id))['on-site-2-working-days'];
      expect(before).toMatchObject({ clock: 'working', status: 'open' });
      // Tuesday becomes a day off for the brand: one working day later.
      await y.t.db
        .insertInto('calendar_days')
        .values({
          id: crypto.randomUUID(),
          brand_id: y.brand.id,
          division_prefix: null,
          day: '2026-03-17',
          working: false,
          name: '厂休',
          created_at: y.t.clock.now(),
        })
        .execute();
      // Nothing moves until the milestones are recomputed.
      expect((await y.milestones(o.id))['on-site-2-working-days'].dueAt).toBe(before.dueAt);
      const refused = await y.t.post('/api/v1/sla/recompute', y.as.managerA, { brandId: y.brand.id });
      expect(refused.statusCode).toBe(403);
      const res = await y.t.post('/api/v1/sla/recompute', y.as.supervisor, { brandId: y.brand.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.data.orders).toBeGreaterThanOrEqual(1);
      expect(res.data.milestones).toBeGreaterThanOrEqual(1);
      const after = (await y.milestones(o.id))['on-site-2-working-days'];
      expect(Date.parse(after.dueAt) - Date.parse(before.dueAt)).toBe(24 * HOUR);
      const audit = await y.t.db.selectFrom('audit_log').selectAll().where('action', '=', 'sla.recompute').execute();
      expect(audit).toHaveLength(1);
      // A foreign brand or order: 404, nothing recomputed.
      const foreign = await y.t.post('/api/v1/sla/recompute', y.as.supervisor, { brandId: y.other.id });
      expect(foreign.statusCode).toBe(404);
      const unknown = await y.t.post('/api/v1/sla/recompute', y.as.supervisor, {
        orderIds: [o.id, crypto.randomUUID()],
      });
      expect(unknown.statusCode).toBe(404);
      const one = await y.t.post('/api/v1/sla/recompute', y.as.supervisor, { orderIds: [o.id] });
      expect(one.data).toEqual({ orders: 1, milestones: 1 });
      expect(
        await y.t.db.selectFrom('audit_log').select('id').where('action', '=', 'sla.recompute').execute(),
      ).toHaveLength(2);
    } finally {
      await y.t.close();
    }
  });
});
