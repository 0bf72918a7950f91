import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, type VisitsFixture, visitsFixture } from './visits.fixture.ts';

let x: VisitsFixture;
beforeAll(async () => {
  x = await visitsFixture();
});
afterAll(async () => x?.t.close());

describe('completion', () => {
  it('sends a one-time code by SMS through the outbox only: never in the answer, timeline or audit', async () => {
    const o = await x.onSite();
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.manager)).statusCode).toBe(403);
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech);
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({ sentTo: '139****5678', expiresAt: '2026-03-15T02:30:00.000Z' });
    const code = await x.smsCode(o.id);
    expect(code).toMatch(/^\d{6}$/);
    const soon = await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech);
    expect([soon.statusCode, soon.data.code]).toEqual([409, 'VISIT_CODE_RECENT']);
    expect(await x.smsCode(o.id)).toBe(code);
    const row = await x.row(o.id);
    expect(row.completion_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.completion_code_hash).not.toContain(code);
    const sms = await x.t.db
      .selectFrom('events')
      .select('payload')
      .where('aggregate_id', '=', o.id)
      .where('type', '=', 'sms.requested')
      .executeTakeFirstOrThrow();
    expect(sms.payload).toMatchObject({ to: '13912345678', purpose: 'completion_code' });
    const tl = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    const audit = await x.t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', o.id).execute();
    const order = await x.t.get(`/api/v1/work-orders/${o.id}`, x.as.agent);
    for (const text of [JSON.stringify(tl.data), JSON.stringify(audit), JSON.stringify(order.data), res.body])
      expect(text).not.toContain(code);
  });

  it('needs every required checklist item ticked, naming the missing ones; nothing is written', async () => {
    const o = await x.onSite();
    await x.tick(o.id, { 'licence-shown': true, 'power-on-test': true });
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, {
      signature: 'data:image/png;base64,iVBORw0KGgo=',
    });
    expect([res.statusCode, res.data.code]).toEqual([422, 'VISIT_CHECKLIST_INCOMPLETE']);
    expect(res.data.details.missing.map((m: { id: string }) => m.id)).toEqual(['fee-standard-shown', 'clean-up']);
    expect(res.data.detail ?? res.data.title).toContain('出示收费标准');
    const row = await x.row(o.id);
    expect(row.status).toBe('on_site');
    const counts = await Promise.all([x.t.count('work_order_charges'), x.t.count('return_visit_tasks')]);
    await x.tick(o.id);
    const proof = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, {});
    expect(proof.statusCode).toBe(400);
    expect(await Promise.all([x.t.count('work_order_charges'), x.t.count('return_visit_tasks')])).toEqual(counts);
  });

  it('counts wrong codes: after five the code is void until a new one is sent', async () => {
    const o = await x.onSite();
    await x.tick(o.id);
    const notSent = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { code: '123456' });
    expect([notSent.statusCode, notSent.data.code]).toEqual([422, 'VISIT_CODE_NOT_SENT']);
    await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech);
    const code = await x.smsCode(o.id);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { code: wrong });
      expect(res.statusCode).toBe(422);
      if (i === 4) expect(res.data.code).toBe('VISIT_CODE_VOID');
      else {
        expect(res.data.code).toBe('VISIT_CODE_WRONG');
        expect(res.data.detail ?? res.data.title).toContain(`${4 - i}`);
      }
    }
    expect((await x.row(o.id)).completion_code_hash).toBeNull();
    const right = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { code });
    expect([right.statusCode, right.data.code]).toEqual([422, 'VISIT_CODE_VOID']);
    expect((await x.row(o.id)).status).toBe('on_site');
    const tl = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    const attempts = tl.data.items.filter((e: { data: { kind?: string } }) => e.data.kind === 'completion_code_wrong');
    expect(attempts.map((e: { data: { attempt: number } }) => e.data.attempt)).toEqual([1, 2, 3, 4, 5]);

    x.t.clock.advance(60_000);
    await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech);
    const fresh = await x.smsCode(o.id);
    const ok = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { code: fresh });
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ status: 'resolved', completionMethod: 'code', flags: [] });
    x.t.clock.advance(-60_000);
  });

  it('a code expires after the pack’s minutes', async () => {
    const o = await x.onSite();
    await x.tick(o.id);
    await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech);
    const code = await x.smsCode(o.id);
    x.t.clock.advance(30 * 60_000);
    try {
      const res = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { code });
      expect([res.statusCode, res.data.code]).toEqual([422, 'VISIT_CODE_EXPIRED']);
    } finally {
      x.t.clock.advance(-30 * 60_000);
    }
  });

  it('completes with the code: visit closed, receipt issued, return visit due after the pack’s hours', async () => {
    const o = await x.onSite();
    await x.tick(o.id);
    await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech);
    const stale = await x.t.post(
      `/api/v1/work-orders/${o.id}/complete`,
      x.as.tech,
      { code: await x.smsCode(o.id) },
      {
        headers: { 'if-match': '"1"' },
      },
    );
    expect([stale.statusCode, stale.data.code]).toEqual([412, 'WORK_ORDER_VERSION_STALE']);
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { code: await x.smsCode(o.id) });
    expect(res.data).toMatchObject({
      status: 'resolved',
      completionMethod: 'code',
      resolvedAt: '2026-03-15T02:00:00.000Z',
    });
    const visits = await x.t.get(`/api/v1/work-orders/${o.id}/visits`, x.as.agent);
    expect(visits.data.items[0]).toMatchObject({ outcome: 'resolved', signed: false });
    const charges = await x.t.get(`/api/v1/work-orders/${o.id}/charges`, x.as.agent);
    expect(charges.data.items).toEqual([
      expect.objectContaining({ kind: 'receipt', status: 'issued', lines: [], totalFen: 0, payableFen: 0 }),
    ]);
    const task = await x.t.db
      .selectFrom('return_visit_tasks')
      .selectAll()
      .where('order_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ status: 'open', due_at: new Date('2026-03-18T02:00:00Z') });
    expect((await x.row(o.id)).completion_code_hash).toBeNull();
  });

  it('completes with a signature: a PNG only, stored with the visit, flagged completed_without_code', async () => {
    const o = await x.onSite();
    await x.tick(o.id);
    const gif = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, {
      signature: `data:image/png;base64,${Buffer.from('GIF89a-not-a-png').toString('base64')}`,
    });
    expect([gif.statusCode, gif.data.code]).toEqual([422, 'VISIT_SIGNATURE_INVALID']);
    const jpeg = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, {
      signature: 'data:image/jpeg;base64,AAAA',
    });
    expect(jpeg.statusCode).toBe(400);
    const pngOf = (bytes: number) =>
      `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(bytes)]).toString('base64')}`;
    // Past the data-URL length the schema allows: 400; a PNG just over 200 KB that fits it: 422.
    expect(
      (await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { signature: pngOf(220_000) })).statusCode,
    ).toBe(400);
    const big = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { signature: pngOf(201 * 1024) });
    expect([big.statusCode, big.data.code]).toEqual([422, 'VISIT_SIGNATURE_INVALID']);
    expect((await x.row(o.id)).status).toBe('on_site');

    const res = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, {
      signature: PNG,
    });
    expect(res.data).toMatchObject({
      status: 'resolved',
      completionMethod: 'signature',
      flags: ['completed_without_code'],
    });
    const visit = await x.t.db
      .selectFrom('work_order_visits')
      .select(['signature', 'outcome'])
      .where('order_id', '=', o.id)
      .executeTakeFirstOrThrow();
    expect(visit.signature).toMatch(/^data:image\/png;base64,iVBOR/);
    const again = await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { code: '123456' });
    expect([again.statusCode, again.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
  });

  it('cannot text a code to a landline: the customer signs instead', async () => {
    const o = await x.onSite();
    await x.t.db.updateTable('work_orders').set({ contact_phone: '02155551234' }).where('id', '=', o.id).execute();
    const events = await x.t.count('events');
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech);
    expect([res.statusCode, res.data.code]).toEqual([422, 'VISIT_NO_PHONE']);
    expect(await x.t.count('events')).toBe(events);
    expect((await x.row(o.id)).completion_code_hash).toBeNull();
  });

  it('only the assigned technician completes; others get 403 or 404', async () => {
    const o = await x.onSite();
    await x.tick(o.id);
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.manager, { code: '123456' })).statusCode).toBe(
      403,
    );
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.agent, { code: '123456' })).statusCode).toBe(
      403,
    );
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech2, { code: '123456' })).statusCode).toBe(
      404,
    );
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech2)).statusCode).toBe(404);
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.customer, { code: '123456' })).statusCode).toBe(
      403,
    );
  });
});

describe('completion under concurrency', () => {
  it('two completions at once: one resolves, the other is refused; one receipt, one return-visit task', async () => {
    const o = await x.onSite();
    await x.tick(o.id);
    await x.t.post(`/api/v1/work-orders/${o.id}/completion-code`, x.as.tech);
    const code = await x.smsCode(o.id);
    const [a, b] = await Promise.all([
      x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { code }),
      x.t.post(`/api/v1/work-orders/${o.id}/complete`, x.as.tech, { signature: PNG }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const receipts = await x.t.db.selectFrom('work_order_charges').select('id').where('order_id', '=', o.id).execute();
    const tasks = await x.t.db.selectFrom('return_visit_tasks').select('id').where('order_id', '=', o.id).execute();
    expect([receipts.length, tasks.length]).toEqual([1, 1]);
    const events = await x.t.db
      .selectFrom('work_order_events')
      .select('action')
      .where('order_id', '=', o.id)
      .where('action', '=', 'complete')
      .execute();
    expect(events).toHaveLength(1);
  });
});
