import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/template.ts';
import { loadConfig } from '../../config/env.ts';
import { ManualClock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/database.ts';
import { PackStore } from '../policies/index.ts';
import { seedDemoData } from './index.ts';
import type { DemoOrder } from './orders-demo.ts';

// The demo's work orders, seeded the way the server seeds (with the packs): every SLA state appears.
const NOW = '2026-03-16T06:00:00Z';

describe('demo work orders', () => {
  let handle: Awaited<ReturnType<typeof openTestDatabase>>;
  let db: Database;
  let orders: DemoOrder[];
  const clock = new ManualClock(NOW);
  let heroId: string;
  let heroTech: string;

  beforeAll(async () => {
    handle = await openTestDatabase();
    db = handle.db;
    const config = loadConfig({ AFTERCARE_DEMO: 'true', LOG_LEVEL: 'silent' });
    const counts = await seedDemoData({ db, clock, packs: new PackStore(db, clock), config });
    expect(counts?.orders).toBe(8);
    const rows = await db.selectFrom('work_orders').select(['id', 'number', 'outlet_id', 'created_at']).execute();
    const users = await db
      .selectFrom('users')
      .select(['username', 'outlet_id', 'technician_id'])
      .where('username', 'in', ['outlet.manager', 'technician'])
      .execute();
    heroId = users.find((u) => u.username === 'outlet.manager')!.outlet_id!;
    heroTech = users.find((u) => u.username === 'technician')!.technician_id!;
    orders = rows.map((r) => ({ scenario: '', id: r.id, number: r.number, brandCode: '', outletId: r.outlet_id }));
  }, 240_000);
  afterAll(async () => {
    await handle?.drop();
  });

  const milestones = (orderId: string) =>
    db
      .selectFrom('sla_milestones')
      .select(['milestone_key', 'status', 'due_at', 'customer_caused', 'outlet_id'])
      .where('order_id', '=', orderId)
      .execute();

  it('creates eight orders in the past, seven at the hero outlet, none for the technician login', async () => {
    expect(orders).toHaveLength(8);
    const now = new Date(NOW).getTime();
    for (const o of orders) {
      const row = await db.selectFrom('work_orders').selectAll().where('id', '=', o.id).executeTakeFirstOrThrow();
      expect(row.created_at.getTime()).toBeLessThan(now - 4 * 3_600_000);
      expect(row.technician_id).not.toBe(heroTech);
    }
    expect(orders.filter((o) => o.outletId === heroId)).toHaveLength(7);
    expect(orders.filter((o) => o.outletId && o.outletId !== heroId)).toHaveLength(1);
    const all = await db.selectFrom('work_orders').select('status').execute();
    expect(all.map((o) => o.status).sort()).toEqual(
      ['accepted', 'booked', 'booked', 'booked', 'booked', 'on_site', 'waiting_parts', 'waiting_parts'].sort(),
    );
    // Every event was written through the steps, on the order's own past clock.
    const events = await db.selectFrom('work_order_events').select(['action', 'at']).execute();
    expect(events.every((e) => e.at.getTime() < now)).toBe(true);
    const actions = new Set(events.map((e) => e.action));
    for (const a of ['register', 'offer', 'accept', 'book', 'reschedule', 'check_in', 'wait_parts', 'pause_clock'])
      expect(actions.has(a), a).toBe(true);
  });

  it('leaves milestones in every state: met, missed, breached, due soon, paused and customer-caused', async () => {
    const now = new Date(NOW).getTime();
    const rows = (
      await Promise.all(orders.map(async (o) => (await milestones(o.id)).map((m) => ({ ...m, orderId: o.id }))))
    ).flat();
    expect(rows.length).toBeGreaterThan(20);
    const statuses = new Set(rows.map((m) => m.status));
    for (const s of ['met', 'missed', 'open', 'paused']) expect(statuses).toContain(s);
    const breached = rows.filter((m) => m.status === 'open' && m.due_at && m.due_at.getTime() <= now);
    const dueSoon = rows.filter(
      (m) => m.status === 'open' && m.due_at && m.due_at.getTime() > now && m.due_at.getTime() <= now + 4 * 3_600_000,
    );
    expect(breached.length).toBeGreaterThanOrEqual(2);
    expect(dueSoon.length).toBeGreaterThanOrEqual(1);
    expect(rows.some((m) => m.customer_caused)).toBe(true);
    // At the hero outlet: something breached, something due soon and something paused on its board.
    expect(breached.some((m) => m.outlet_id === heroId)).toBe(true);
    expect(dueSoon.some((m) => m.outlet_id === heroId)).toBe(true);
    expect(rows.some((m) => m.status === 'paused' && m.outlet_id === heroId)).toBe(true);
    // And somewhere else too.
    expect(breached.some((m) => m.outlet_id && m.outlet_id !== heroId)).toBe(true);
    // Paused for the customer (AUX, pause_clock) and for parts (Midea, waiting for parts), clocks still stopped.
    const paused = await db
      .selectFrom('sla_milestones')
      .select(['milestone_key', 'pauses', 'due_at'])
      .where('status', '=', 'paused')
      .execute();
    const reasons = paused.flatMap((m) => (m.pauses as { reason: string; to: string | null }[]).filter((p) => !p.to));
    expect(new Set(reasons.map((r) => r.reason))).toEqual(new Set(['waiting_customer', 'waiting_parts']));
    expect(paused.every((m) => m.due_at === null)).toBe(true);
  });
});
