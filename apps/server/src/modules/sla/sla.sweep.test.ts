import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox, type StoredEvent } from '../../platform/outbox.ts';
import { type SlaFixture, START, slaFixture } from './sla.fixture.ts';
import { notify, slaNotificationConsumer } from './sla.notifications.ts';
import { storedPacks } from './sla.packs.ts';
import { breachBatch, breachSpecOf, sweepBreaches, sweepWarnings, warnBatch } from './sla.sweep.ts';

let x: SlaFixture;
beforeAll(async () => {
  x = await slaFixture();
});
afterAll(async () => x?.t.close());

const milestone = (orderId: string, key: string) =>
  x.t.db
    .selectFrom('sla_milestones')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('milestone_key', '=', key)
    .executeTakeFirstOrThrow();
const eventsOf = (type: string, aggregateId: string) =>
  x.t.db.selectFrom('events').selectAll().where('type', '=', type).where('aggregate_id', '=', aggregateId).execute();

describe('warning sweep', () => {
  it('warns once even with two sweeps at the same time, and notifies the outlet and its supervisors', async () => {
    x.t.clock.set(START);
    const o = await x.intake();
    const m = await milestone(o.id, 'outlet-receives');
    expect(m.warn_at).not.toBeNull();
    // Before the warning time: nothing.
    expect(await sweepWarnings(x.t.db, x.t.clock, 100)).toBe(0);
    x.t.clock.set(m.warn_at!);
    const [a, b] = await Promise.all([sweepWarnings(x.t.db, x.t.clock, 100), sweepWarnings(x.t.db, x.t.clock, 100)]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(await sweepWarnings(x.t.db, x.t.clock, 100)).toBe(0);
    const warned = await milestone(o.id, 'outlet-receives');
    expect(warned.warned_at).toEqual(m.warn_at);
    const events = await eventsOf('sla.warning', m.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      number: o.number,
      milestoneKey: 'outlet-receives',
      name: { 'zh-CN': '网点接收信息' },
      dueAt: m.due_at!.toISOString(),
      responsible: 'outlet',
      outletId: x.outletA.id,
    });

    // The consumer writes one row per recipient: outlet A's people, the brand's manager and dispatcher.
    await drainOutbox(x.t.db, x.t.clock, [slaNotificationConsumer(x.t.clock)]);
    const rows = await x.t.db.selectFrom('notifications').selectAll().where('event_id', '=', events[0]!.id).execute();
    const users = rows.map((r) => r.user_id).sort();
    expect(users).toEqual(
      [x.as.managerA.userId, x.as.tech.userId, x.as.supervisor.userId, x.as.dispatcher.userId].sort(),
    );
    // A redelivered event adds nothing.
    expect(await notify(x.t.db, x.t.clock, events[0] as unknown as StoredEvent)).toBe(0);
    expect(
      await x.t.db.selectFrom('notifications').select('id').where('event_id', '=', events[0]!.id).execute(),
    ).toHaveLength(4);

    // Each user reads and marks only their own.
    const mine = await x.t.get('/api/v1/notifications', x.as.managerA, { query: { unread: 'true' } });
    expect(mine.statusCode).toBe(200);
    expect(mine.data.unread).toBe(1);
    expect(mine.data.items).toEqual([
      expect.objectContaining({ kind: 'sla.warning', orderId: o.id, milestoneId: m.id, readAt: null }),
    ]);
    const id = mine.data.items[0].id;
    expect((await x.t.post(`/api/v1/notifications/${id}/read`, x.as.managerB)).statusCode).toBe(404);
    expect((await x.t.get('/api/v1/notifications', x.as.managerB)).data.items).toEqual([]);
    const read = await x.t.post(`/api/v1/notifications/${id}/read`, x.as.managerA);
    expect(read.statusCode).toBe(200);
    expect(read.data.readAt).toBe(x.t.clock.now().toISOString());
    const after = await x.t.get('/api/v1/notifications', x.as.managerA, { query: { unread: 'true' } });
    expect(after.data).toMatchObject({ items: [], unread: 0 });
  });

  it('a desk milestone notifies the agent who registered the order', async () => {
    x.t.clock.set(START);
    const o = await x.intake({ type: 'complaint' });
    const m = await milestone(o.id, 'complaint-24h');
    expect(m).toMatchObject({ responsible: 'desk', responsible_user_id: x.as.agent.userId });
    x.t.clock.set(m.warn_at!);
    await sweepWarnings(x.t.db, x.t.clock, 100);
    await drainOutbox(x.t.db, x.t.clock, [slaNotificationConsumer(x.t.clock)]);
    const [ev] = await eventsOf('sla.warning', m.id);
    const users = (await x.t.db.selectFrom('notifications').select('user_id').where('event_id', '=', ev!.id).execute())
      .map((r) => r.user_id)
      .sort();
    // The agent and the brand's manager; no outlet, and the dispatchers only for outlet or dispatch promises.
    expect(users).toEqual([x.as.agent.userId, x.as.supervisor.userId].sort());
  });

  it('a rolled-back transaction leaves the milestone unclaimed and nothing emitted', async () => {
    x.t.clock.set(START);
    const o = await x.intake();
    const m = await milestone(o.id, 'outlet-receives');
    x.t.clock.set(m.warn_at!);
    await expect(
      x.t.db.transaction().execute(async (trx) => {
        const claimed = await warnBatch(trx, x.t.clock, 100);
        expect(claimed.map((r) => r.id)).toContain(m.id);
        await breachBatch(trx, x.t.clock, 100);
        throw new Error('crash after the claim');
      }),
    ).rejects.toThrow('crash after the claim');
    expect((await milestone(o.id, 'outlet-receives')).warned_at).toBeNull();
    expect(await eventsOf('sla.warning', m.id)).toEqual([]);
    // The next sweep takes it.
    expect(await sweepWarnings(x.t.db, x.t.clock, 100)).toBeGreaterThanOrEqual(1);
    expect(await eventsOf('sla.warning', m.id)).toHaveLength(1);
  });
});

describe('breach sweep', () => {
  it('creates exactly one slip per breached milestone, with the pack amount, even when run twice at once', async () => {
    x.t.clock.set(START);
    const o = await x.intake();
    const m = await milestone(o.id, 'outlet-receives');
    x.t.clock.set(new Date(m.due_at!.getTime() - 1));
    await sweepBreaches(x.t.db, x.t.clock, 100);
    expect((await milestone(o.id, 'outlet-receives')).breach_handled_at).toBeNull();
    x.t.clock.set(m.due_at!);
    await Promise.all([sweepBreaches(x.t.db, x.t.clock, 100), sweepBreaches(x.t.db, x.t.clock, 100)]);
    await sweepBreaches(x.t.db, x.t.clock, 100);
    expect((await milestone(o.id, 'outlet-receives')).breach_handled_at).toEqual(m.due_at);
    const slips = await x.t.db.selectFrom('assessment_slips').selectAll().where('milestone_id', '=', m.id).execute();
    expect(slips).toHaveLength(1);
    expect(slips[0]).toMatchObject({ party: 'outlet', outlet_id: x.outletA.id, amount_fen: 5000, status: 'open' });
    const breached = await eventsOf('sla.breached', m.id);
    expect(breached).toHaveLength(1);
    expect(breached[0]!.payload).toMatchObject({ slipId: slips[0]!.id, milestoneKey: 'outlet-receives' });
    // The outlet hears of the breach too.
    await drainOutbox(x.t.db, x.t.clock, [slaNotificationConsumer(x.t.clock)]);
    const told = await x.t.db
      .selectFrom('notifications')
      .select('user_id')
      .where('event_id', '=', breached[0]!.id)
      .where('kind', '=', 'sla.breached')
      .execute();
    expect(told.map((r) => r.user_id)).toContain(x.as.managerA.userId);
    // A later recompute (the outlet accepts late) keeps the claim: no second slip.
    const late = await x.t.post(`/api/v1/work-orders/${o.id}/accept`, x.as.managerA);
    expect(late.statusCode).toBe(409); // the offer expired with the promise
    const row = await milestone(o.id, 'outlet-receives');
    expect(row.breach_handled_at).toEqual(m.due_at);
  });

  it('takes the slip, remedies and appeal days from the milestone definition in its pack', async () => {
    const packs = await storedPacks(x.t.db);
    const gome = packs.filter((p) => p.id === 'gome').sort((a, b) => b.version - a.version)[0];
    const spec = breachSpecOf(gome, { milestone_key: 'repair-promised-time', explain: {} });
    expect(spec).toEqual({
      milestoneName: { 'zh-CN': '承诺时限内解决', 'en-US': 'Repaired within the promised time' },
      slipAmountFen: 10_000,
      appealDays: 3,
      remedies: [{ id: 'gome-overrun-repair', kind: 'compensation', amountFen: 10_000 }],
    });
    // A milestone the pack no longer has: no slip, the stored name.
    expect(
      breachSpecOf(gome, { milestone_key: 'gone', explain: { name: { 'zh-CN': '旧承诺', 'en-US': 'Old promise' } } }),
    ).toEqual({
      milestoneName: { 'zh-CN': '旧承诺', 'en-US': 'Old promise' },
      slipAmountFen: null,
      appealDays: 3,
      remedies: [],
    });
  });
});
