import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/index.ts';
import { systemActor } from './access/principal.ts';
import { writeAudit } from './audit.ts';
import { drainOutbox, type EventConsumer, emitEvent, type StoredEvent } from './outbox.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

function recorder(name: string, failTimes = 0): EventConsumer & { seen: StoredEvent[] } {
  let failures = 0;
  const seen: StoredEvent[] = [];
  return {
    name,
    seen,
    accepts: (type) => type.startsWith('test.'),
    async handle(_db, ev) {
      if (failures < failTimes) {
        failures++;
        throw new Error('consumer down');
      }
      seen.push(ev);
    },
  };
}

describe('outbox', () => {
  it('delivers committed events once, in order, and skips rolled-back ones', async () => {
    await t.db.transaction().execute(async (trx) => {
      await emitEvent(trx, t.clock, { type: 'test.a', aggregateType: 'x', aggregateId: '1' });
      await emitEvent(trx, t.clock, { type: 'test.b', aggregateType: 'x', aggregateId: '1' });
    });
    await t.db
      .transaction()
      .execute(async (trx) => {
        await emitEvent(trx, t.clock, { type: 'test.lost', aggregateType: 'x', aggregateId: '2' });
        throw new Error('rollback');
      })
      .catch(() => {});
    const c = recorder('r1');
    const r = await drainOutbox(t.db, t.clock, [c]);
    expect(r.dispatched).toBe(2);
    expect(c.seen.map((e) => e.type)).toEqual(['test.a', 'test.b']);
    expect((await drainOutbox(t.db, t.clock, [c])).claimed).toBe(0);
    expect(c.seen).toHaveLength(2);
  });

  it('retries a failing consumer with backoff without redelivering to the ones that succeeded', async () => {
    await emitEvent(t.db, t.clock, { type: 'test.retry', aggregateType: 'x', aggregateId: '3' });
    const ok = recorder('ok');
    const flaky = recorder('flaky', 1);
    const first = await drainOutbox(t.db, t.clock, [ok, flaky]);
    expect(first.failed).toBe(1);
    expect(ok.seen).toHaveLength(1);
    // Not due yet: backoff.
    expect((await drainOutbox(t.db, t.clock, [ok, flaky])).claimed).toBe(0);
    t.clock.advance(10_000);
    const second = await drainOutbox(t.db, t.clock, [ok, flaky]);
    expect(second.dispatched).toBe(1);
    expect(ok.seen).toHaveLength(1);
    expect(flaky.seen).toHaveLength(1);
  });

  it('lets a second worker take over events claimed by a crashed one', async () => {
    await emitEvent(t.db, t.clock, { type: 'test.crash', aggregateType: 'x', aggregateId: '4' });
    // Simulate a worker that claimed the event and died.
    await t.db
      .updateTable('events')
      .set({ claimed_until: new Date(t.clock.now().getTime() + 60_000) })
      .where('type', '=', 'test.crash')
      .execute();
    const c = recorder('taker');
    expect((await drainOutbox(t.db, t.clock, [c])).claimed).toBe(0);
    t.clock.advance(61_000);
    await drainOutbox(t.db, t.clock, [c]);
    expect(c.seen.map((e) => e.type)).toContain('test.crash');
  });

  it('writes audit rows and events of a failed transaction not at all', async () => {
    const before = await t.db.selectFrom('audit_log').select('id').execute();
    await t.db
      .transaction()
      .execute(async (trx) => {
        await writeAudit(trx, t.clock, systemActor, { action: 'test.fail', entity: 'x', entityId: '5' });
        throw new Error('boom');
      })
      .catch(() => {});
    const after = await t.db.selectFrom('audit_log').select('id').execute();
    expect(after.length).toBe(before.length);
  });
});
