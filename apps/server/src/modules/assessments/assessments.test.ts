import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { newId } from '../../platform/ids.ts';
import { recordBreach } from './assessments.breach.ts';
import { confirmLapsedSlips } from './assessments.commands.ts';
import { breachOf, DEFAULT_SPEC, missedMilestone } from './assessments.fixture.ts';

let t: TestApp;
let brand: { id: string };
let outletA: { id: string };
let outletB: { id: string };
let customer: { id: string; brandId: string };
let as: Record<'managerA' | 'managerB' | 'reviewer' | 'agent' | 'tech' | 'adminOther', Caller>;
let deskUser: { id: string };

const NOW = '2026-03-16T02:00:00Z';
const URL = '/api/v1/assessment-slips';

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const f = t.factories;
  brand = await f.brand();
  const other = await f.brand();
  outletA = await f.outlet(brand.id);
  outletB = await f.outlet(brand.id);
  const tech = await f.technician(outletA.id);
  customer = await f.customer(brand.id);
  deskUser = await f.user('agent', { brandIds: [brand.id] });
  as = {
    managerA: await t.as('outlet_manager', { outletId: outletA.id }),
    managerB: await t.as('outlet_manager', { outletId: outletB.id }),
    reviewer: await t.as('service_manager', { brandIds: [brand.id] }),
    agent: await t.as('agent', { brandIds: [brand.id] }),
    tech: await t.as('technician', { outletId: outletA.id, technicianId: tech.id }),
    adminOther: await t.as('brand_admin', { brandIds: [other.id] }),
  };
});
afterAll(async () => t?.close());

const orderOf = (outletId: string | null = outletA.id) => t.factories.order(customer, { status: 'accepted', outletId });

async function eventsOf(type: string, aggregateId: string) {
  return t.db
    .selectFrom('events')
    .selectAll()
    .where('type', '=', type)
    .where('aggregate_id', '=', aggregateId)
    .execute();
}

describe('recordBreach', () => {
  it('issues one slip against the outlet and proposes the remedies, once', async () => {
    const order = await orderOf();
    await t.db
      .insertInto('work_order_charges')
      .values({
        id: newId(),
        order_id: order.id,
        brand_id: brand.id,
        kind: 'quote',
        status: 'proposed',
        items: '[]',
        total_fen: 15_000,
        covered_fen: 3_000,
        payable_fen: 12_000,
        created_at: t.clock.now(),
      })
      .execute();
    const m = await missedMilestone(t.db, t.clock, order, { outletId: outletA.id, lateMinutes: 135 });
    const first = await t.db.transaction().execute((trx) => recordBreach(trx, t.clock, m, DEFAULT_SPEC));
    expect(first.slipId).not.toBeNull();
    expect(first.remedyIds).toHaveLength(2);
    const slip = await t.db
      .selectFrom('assessment_slips')
      .selectAll()
      .where('id', '=', first.slipId!)
      .executeTakeFirstOrThrow();
    expect(slip).toMatchObject({
      party: 'outlet',
      outlet_id: outletA.id,
      user_id: null,
      order_id: order.id,
      milestone_id: m.id,
      amount_fen: 20_000,
      status: 'open',
    });
    expect(slip.number).toMatch(/^KH20260316-\d{6}$/);
    expect(slip.reason).toContain('上门超时2小时15分');
    expect(slip.appeal_due_at.toISOString()).toBe('2026-03-19T02:00:00.000Z');
    const remedies = await t.db.selectFrom('remedy_proposals').selectAll().where('milestone_id', '=', m.id).execute();
    expect(remedies.map((r) => [r.remedy_id, r.kind, r.amount_fen, r.status]).sort()).toEqual([
      ['late-visit-compensation', 'compensation', 5_000, 'proposed'],
      ['late-visit-free', 'waive_charges', 12_000, 'proposed'],
    ]);
    expect(await eventsOf('assessment.slip_issued', slip.id)).toHaveLength(1);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('entity_id', '=', slip.id).execute();
    expect(audit.map((a) => [a.action, a.actor_type])).toEqual([['assessment_slip.issue', 'system']]);

    // The second sweep of the same breach (a retry after a crash) changes nothing.
    const again = await t.db.transaction().execute((trx) => recordBreach(trx, t.clock, m, DEFAULT_SPEC));
    expect(again).toEqual({ slipId: null, remedyIds: [] });
    expect(
      await t.db.selectFrom('assessment_slips').select('id').where('milestone_id', '=', m.id).execute(),
    ).toHaveLength(1);
    expect(
      await t.db.selectFrom('remedy_proposals').select('id').where('milestone_id', '=', m.id).execute(),
    ).toHaveLength(2);
    expect(await eventsOf('assessment.slip_issued', slip.id)).toHaveLength(1);
    // No timeline event on the order (that would re-enter the milestone sync).
    const events = await t.db
      .selectFrom('work_order_events')
      .select('action')
      .where('order_id', '=', order.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['register']);
  });

  it('answers the agent of record for desk and dispatch milestones, and nobody without one or without a slip amount', async () => {
    const desk = await breachOf(t.db, t.clock, await orderOf(), {
      responsible: 'desk',
      responsibleUserId: deskUser.id,
    });
    const row = await t.db
      .selectFrom('assessment_slips')
      .selectAll()
      .where('id', '=', desk.slipId!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ party: 'agent', user_id: deskUser.id, outlet_id: null });

    const nobody = await breachOf(t.db, t.clock, await orderOf(), { responsible: 'desk' });
    expect(nobody.slipId).toBeNull();
    expect(nobody.remedyIds).toHaveLength(2);
    const dispatch = await breachOf(t.db, t.clock, await orderOf(null), {
      responsible: 'dispatch',
      responsibleUserId: deskUser.id,
    });
    const dispatchSlip = await t.db
      .selectFrom('assessment_slips')
      .selectAll()
      .where('id', '=', dispatch.slipId!)
      .executeTakeFirstOrThrow();
    expect(dispatchSlip).toMatchObject({ party: 'agent', user_id: deskUser.id, milestone_key: expect.any(String) });
    const dispatchNobody = await breachOf(t.db, t.clock, await orderOf(null), { responsible: 'dispatch' });
    expect(dispatchNobody.slipId).toBeNull();
    const noOutlet = await breachOf(t.db, t.clock, await orderOf(null), { responsible: 'outlet' });
    expect(noOutlet.slipId).toBeNull();
    const noAmount = await breachOf(
      t.db,
      t.clock,
      await orderOf(),
      { outletId: outletA.id },
      {
        ...DEFAULT_SPEC,
        slipAmountFen: null,
        remedies: [],
      },
    );
    expect(noAmount).toMatchObject({ slipId: null, remedyIds: [] });
  });
});

describe('appeal and review', () => {
  it('lets the outlet appeal with evidence, once, and the reviewer accept or reject', async () => {
    const a = await breachOf(t.db, t.clock, await orderOf(), { outletId: outletA.id });
    const evidence = [{ url: 'https://files.example.com/gps.png', name: '定位截图' }];
    const res = await t.post(`${URL}/${a.slipId}/appeal`, as.managerA, { text: '客户改约，已电话确认', evidence });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({
      status: 'appealed',
      appealText: '客户改约，已电话确认',
      appealEvidence: evidence,
    });
    expect(res.data.appealedAt).toBe(new Date(NOW).toISOString());
    const twice = await t.post(`${URL}/${a.slipId}/appeal`, as.managerA, { text: '再次申诉' });
    expect(twice.statusCode).toBe(409);
    expect(twice.data.code).toBe('SLIP_NOT_OPEN');
    expect(await eventsOf('assessment.slip_appealed', a.slipId!)).toHaveLength(1);

    // Bad input: no text, too much evidence, an unknown field.
    const b = await breachOf(t.db, t.clock, await orderOf(), { outletId: outletA.id });
    for (const body of [
      { evidence: [] },
      { text: 'x', evidence: Array.from({ length: 11 }, () => evidence[0]) },
      { text: 'x', extra: 1 },
      { text: 'x', evidence: [{ url: 'ftp://x' }] },
    ])
      expect((await t.post(`${URL}/${b.slipId}/appeal`, as.managerA, body)).statusCode).toBe(400);

    // The outlet cannot review; a reviewer cannot review an open slip.
    expect((await t.post(`${URL}/${a.slipId}/review`, as.managerA, { decision: 'accept_appeal' })).statusCode).toBe(
      403,
    );
    const open = await t.post(`${URL}/${b.slipId}/review`, as.reviewer, { decision: 'accept_appeal' });
    expect(open.data.code).toBe('SLIP_NOT_APPEALED');

    const accepted = await t.post(`${URL}/${a.slipId}/review`, as.reviewer, {
      decision: 'accept_appeal',
      note: '属实',
    });
    expect(accepted.data).toMatchObject({ status: 'withdrawn', reviewNote: '属实', reviewedBy: as.reviewer.userId });
    expect(await eventsOf('assessment.slip_withdrawn', a.slipId!)).toHaveLength(1);

    await t.post(`${URL}/${b.slipId}/appeal`, as.managerA, { text: '路况原因' });
    const noNote = await t.post(`${URL}/${b.slipId}/review`, as.reviewer, { decision: 'reject_appeal' });
    expect(noNote.statusCode).toBe(400);
    const rejected = await t.post(`${URL}/${b.slipId}/review`, as.reviewer, {
      decision: 'reject_appeal',
      note: '无有效证据',
    });
    expect(rejected.data).toMatchObject({ status: 'confirmed', reviewNote: '无有效证据' });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', b.slipId!).execute();
    expect(audit.map((x) => x.action).sort()).toEqual([
      'assessment_slip.appeal',
      'assessment_slip.issue',
      'assessment_slip.review',
    ]);
  });

  it('refuses an appeal after the window, changing nothing', async () => {
    const a = await breachOf(t.db, t.clock, await orderOf(), { outletId: outletA.id });
    // The window moved back rather than the clock forward (which would end the sessions).
    await t.db
      .updateTable('assessment_slips')
      .set({ appeal_due_at: new Date('2026-03-16T01:59:00Z') })
      .where('id', '=', a.slipId!)
      .execute();
    const detail = await t.get(`${URL}/${a.slipId}`, as.managerA);
    expect(detail.data).toMatchObject({ status: 'open', appealable: false });
    const late = await t.post(`${URL}/${a.slipId}/appeal`, as.managerA, { text: '迟到的申诉' });
    expect(late.statusCode).toBe(409);
    expect(late.data.code).toBe('SLIP_APPEAL_CLOSED');
    const row = await t.db
      .selectFrom('assessment_slips')
      .selectAll()
      .where('id', '=', a.slipId!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'open', appeal_text: null, appealed_at: null });
  });

  it('lets a reviewer confirm an open slip without an appeal', async () => {
    const a = await breachOf(t.db, t.clock, await orderOf(), { outletId: outletA.id });
    const res = await t.post(`${URL}/${a.slipId}/confirm`, as.reviewer, {});
    expect(res.data).toMatchObject({ status: 'confirmed', appealable: false });
    expect((await t.post(`${URL}/${a.slipId}/confirm`, as.reviewer, {})).data.code).toBe('SLIP_NOT_OPEN');
    expect((await t.post(`${URL}/${a.slipId}/appeal`, as.managerA, { text: '晚了' })).data.code).toBe('SLIP_NOT_OPEN');
  });
});

describe('the appeal-window sweep', () => {
  it('confirms open slips whose window passed, each once, with two workers', async () => {
    const lapsed = [
      await breachOf(t.db, t.clock, await orderOf(), { outletId: outletA.id }),
      await breachOf(t.db, t.clock, await orderOf(), { outletId: outletB.id }),
    ];
    t.clock.advance(3 * 86_400_000 + 60_000);
    const fresh = await breachOf(t.db, t.clock, await orderOf(), { outletId: outletA.id });
    const counts = await Promise.all([confirmLapsedSlips(t.db, t.clock, 100), confirmLapsedSlips(t.db, t.clock, 100)]);
    const rows = await t.db
      .selectFrom('assessment_slips')
      .select(['id', 'status', 'review_note'])
      .where('id', 'in', [...lapsed.map((l) => l.slipId!), fresh.slipId!])
      .execute();
    for (const l of lapsed) {
      expect(rows.find((r) => r.id === l.slipId)).toMatchObject({
        status: 'confirmed',
        review_note: 'appeal_window_lapsed',
      });
      expect(await eventsOf('assessment.slip_confirmed', l.slipId!)).toHaveLength(1);
    }
    expect(rows.find((r) => r.id === fresh.slipId)?.status).toBe('open');
    // Every lapsed slip of the file (earlier tests leave open ones too) was taken by exactly one worker.
    expect(counts[0]! + counts[1]!).toBeGreaterThanOrEqual(2);
    expect(await confirmLapsedSlips(t.db, t.clock, 100)).toBe(0);
    t.clock.set(NOW);
  });
});

describe('scope', () => {
  it('shows an outlet only its own slips; another outlet’s answer 404', async () => {
    const a = await breachOf(t.db, t.clock, await orderOf(), { outletId: outletA.id });
    const b = await breachOf(t.db, t.clock, await orderOf(outletB.id), { outletId: outletB.id });
    expect((await t.get(`${URL}/${b.slipId}`, as.managerA)).statusCode).toBe(404);
    const appeal = await t.post(`${URL}/${b.slipId}/appeal`, as.managerA, { text: '越权' });
    expect(appeal.statusCode).toBe(404);
    expect((await t.get(`${URL}/${b.slipId}`, as.adminOther)).statusCode).toBe(404);
    const list = await t.get(URL, as.managerA, { query: { pageSize: '200' } });
    const ids = list.data.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(a.slipId);
    expect(ids).not.toContain(b.slipId);
    expect(list.data.items.every((s: { outlet: { id: string } | null }) => s.outlet?.id === outletA.id)).toBe(true);
    // The brand's agents and reviewers see both; the other brand none; technicians have no sla.read.
    const all = await t.get(URL, as.agent, { query: { pageSize: '200' } });
    expect(all.data.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining([a.slipId, b.slipId]));
    expect((await t.get(URL, as.adminOther)).data.items).toEqual([]);
    expect((await t.get(URL, as.tech)).statusCode).toBe(403);
    expect((await t.post(`${URL}/${a.slipId}/appeal`, as.agent, { text: '代申诉' })).statusCode).toBe(403);
  });

  it('filters the list by outlet, status and issue day', async () => {
    const b = await breachOf(t.db, t.clock, await orderOf(outletB.id), { outletId: outletB.id });
    const q = (query: Record<string, string>) =>
      t
        .get(URL, as.reviewer, { query: { pageSize: '200', ...query } })
        .then((r) => r.data.items.map((s: { id: string }) => s.id));
    expect(await q({ outletId: outletB.id, status: 'open' })).toContain(b.slipId);
    expect(await q({ outletId: outletA.id })).not.toContain(b.slipId);
    expect(await q({ status: 'withdrawn' })).not.toContain(b.slipId);
    expect(await q({ from: '2026-03-16', to: '2026-03-16' })).toContain(b.slipId);
    expect(await q({ from: '2026-03-17' })).not.toContain(b.slipId);
    expect(await q({ to: '2026-03-15' })).not.toContain(b.slipId);
    expect((await t.get(URL, as.reviewer, { query: { status: 'lost' } })).statusCode).toBe(400);
  });
});

describe('summary for settlement', () => {
  it('sums the confirmed slips of the month per outlet and agent', async () => {
    const before = await t.get(`${URL}/summary`, as.reviewer, { query: { brandId: brand.id, period: '2026-03' } });
    const sumOf = (data: { items: { outlet: { id: string } | null; amountFen: number }[] }, id: string) =>
      data.items.find((i) => i.outlet?.id === id)?.amountFen ?? 0;
    const x = await breachOf(t.db, t.clock, await orderOf(outletB.id), { outletId: outletB.id });
    await t.post(`${URL}/${x.slipId}/confirm`, as.reviewer, {});
    const open = await breachOf(t.db, t.clock, await orderOf(outletB.id), { outletId: outletB.id });
    expect(open.slipId).not.toBeNull();
    const after = await t.get(`${URL}/summary`, as.reviewer, { query: { brandId: brand.id, period: '2026-03' } });
    expect(after.statusCode).toBe(200);
    expect(sumOf(after.data, outletB.id) - sumOf(before.data, outletB.id)).toBe(20_000);
    expect(after.data.totalFen).toBe(
      after.data.items.reduce((a: number, i: { amountFen: number }) => a + i.amountFen, 0),
    );
    const april = await t.get(`${URL}/summary`, as.reviewer, { query: { brandId: brand.id, period: '2026-04' } });
    expect(april.data).toMatchObject({ items: [], totalFen: 0 });
    // The outlet sees only its own line; another brand's caller gets 404; the period must be a month.
    const own = await t.get(`${URL}/summary`, as.managerB, { query: { brandId: brand.id, period: '2026-03' } });
    expect(own.data.items.every((i: { outlet: { id: string } | null }) => i.outlet?.id === outletB.id)).toBe(true);
    const foreign = await t.get(`${URL}/summary`, as.adminOther, { query: { brandId: brand.id, period: '2026-03' } });
    expect(foreign.statusCode).toBe(404);
    const bad = await t.get(`${URL}/summary`, as.reviewer, { query: { brandId: brand.id, period: '2026-13' } });
    expect(bad.statusCode).toBe(400);
  });
});
