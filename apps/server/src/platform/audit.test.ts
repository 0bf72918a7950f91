import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../test/index.ts';
import { systemActor } from './access/principal.ts';
import { writeAudit } from './audit.ts';
import { emitEvent } from './outbox.ts';

let t: TestApp;
let admin: Caller;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('platform_admin');
});
afterAll(async () => t?.close());

const auditCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('audit log', () => {
  it('commits with the change: a command that throws after writeAudit leaves no audit row', async () => {
    const before = await auditCount();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await writeAudit(trx, t.clock, systemActor, { action: 'test.write', entity: 'test', entityId: 'x' });
        await emitEvent(trx, t.clock, { type: 'test.written', aggregateType: 'test', aggregateId: 'x' });
        throw new Error('boom after the audit row');
      }),
    ).rejects.toThrow('boom after the audit row');
    expect(await auditCount()).toBe(before);
    expect(await t.db.selectFrom('events').select('id').where('type', '=', 'test.written').execute()).toEqual([]);
  });

  it("keeps a write route's audit row only when the route's transaction commits", async () => {
    const ok = await t.post('/api/v1/brands', admin, { code: 'AUDIT_OK', name: '审计品牌' });
    expect(ok.statusCode).toBe(201);
    const row = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', ok.data.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      action: 'brand.create',
      actor_id: admin.userId,
      request_id: ok.headers['x-request-id'],
    });

    // Make the step after writeAudit (the outbox insert) fail inside createBrand's transaction.
    await sql`CREATE FUNCTION test_fail_event() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'event refused'; END $$`.execute(t.db);
    await sql`CREATE TRIGGER test_fail_event BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION test_fail_event()`.execute(
      t.db,
    );
    try {
      const before = await auditCount();
      const failed = await t.post('/api/v1/brands', admin, { code: 'AUDIT_FAIL', name: '失败品牌' });
      expect(failed.statusCode).toBe(500);
      expect(await auditCount()).toBe(before);
      expect(await t.db.selectFrom('brands').select('id').where('code', '=', 'AUDIT_FAIL').execute()).toEqual([]);
    } finally {
      await sql`DROP TRIGGER test_fail_event ON events`.execute(t.db);
      await sql`DROP FUNCTION test_fail_event()`.execute(t.db);
    }
  });

  it('is append-only: UPDATE and DELETE are refused', async () => {
    await writeAudit(t.db, t.clock, systemActor, { action: 'test.keep', entity: 'test', entityId: 'keep' });
    await expect(
      t.db.updateTable('audit_log').set({ action: 'test.changed' }).where('action', '=', 'test.keep').execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_log').where('action', '=', 'test.keep').execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    const kept = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', 'keep').execute();
    expect(kept).toEqual([{ action: 'test.keep' }]);
  });
});
