import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { newId } from '../../platform/ids.ts';
import { issueReceipt, quoteGate, SERVICE_FREE } from '../visits/commands/charges.ts';
import { breachOf, DEFAULT_SPEC } from './assessments.fixture.ts';

let t: TestApp;
let brand: { id: string };
let outlet: { id: string };
let customer: { id: string; brandId: string };
let otherCustomer: { id: string; brandId: string };
let as: Record<'manager' | 'inspector' | 'admin' | 'agent' | 'outlet' | 'adminOther' | 'platform', Caller>;

const URL = '/api/v1/remedy-proposals';
/** Yuan per role, as a pack's `remedies.approvalLimits` says. */
const LIMITS = { service_manager: 100, brand_admin: 1000 };
const SPEC = {
  ...DEFAULT_SPEC,
  remedies: [
    { id: 'late-visit-free', kind: 'waive_charges' as const, amountFen: 0 },
    { id: 'small', kind: 'compensation' as const, amountFen: 5_000 },
    { id: 'large', kind: 'compensation' as const, amountFen: 20_000 },
  ],
};

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-16T02:00:00Z' });
  const f = t.factories;
  brand = await f.brand();
  const other = await f.brand();
  outlet = await f.outlet(brand.id);
  customer = await f.customer(brand.id);
  otherCustomer = await f.customer(other.id);
  as = {
    manager: await t.as('service_manager', { brandIds: [brand.id] }),
    inspector: await t.as('quality_inspector', { brandIds: [brand.id] }),
    admin: await t.as('brand_admin', { brandIds: [brand.id] }),
    agent: await t.as('agent', { brandIds: [brand.id] }),
    outlet: await t.as('outlet_manager', { outletId: outlet.id }),
    adminOther: await t.as('brand_admin', { brandIds: [other.id] }),
    platform: await t.as('platform_admin'),
  };
  // The brand runs the baseline pack; give it the remedies section a brand pack carries.
  const current = t.ctx.packs.current.bind(t.ctx.packs);
  vi.spyOn(t.ctx.packs, 'current').mockImplementation(() => {
    const p = current();
    return {
      ...p,
      packs: p.packs.map((pack) =>
        pack.id === 'cn-baseline' ? { ...pack, remedies: { approvalLimits: LIMITS, items: [] } } : pack,
      ),
    };
  });
});
afterAll(async () => t?.close());

async function breach() {
  const order = await t.factories.order(customer, { status: 'accepted', outletId: outlet.id });
  const r = await breachOf(t.db, t.clock, order, { outletId: outlet.id }, SPEC);
  const rows = await t.db.selectFrom('remedy_proposals').selectAll().where('id', 'in', r.remedyIds).execute();
  const by = (id: string) => rows.find((x) => x.remedy_id === id)!.id;
  return { order, free: by('late-visit-free'), small: by('small'), large: by('large') };
}

/** A quote awaiting the customer's decision, 150 yuan of which `payable` is theirs to pay. */
async function quoteOf(orderId: string, payable: number) {
  await t.db
    .insertInto('work_order_charges')
    .values({
      id: newId(),
      order_id: orderId,
      brand_id: brand.id,
      kind: 'quote',
      status: 'proposed',
      items: '[]',
      total_fen: 15_000,
      covered_fen: 15_000 - payable,
      payable_fen: payable,
      created_at: t.clock.now(),
    })
    .execute();
}

const statusOf = async (id: string) =>
  (await t.db.selectFrom('remedy_proposals').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const eventsOf = (id: string) => t.db.selectFrom('events').select('type').where('aggregate_id', '=', id).execute();

describe('remedy proposals', () => {
  it('are listed for the brand, not for outlets or other brands', async () => {
    const b = await breach();
    const list = await t.get(URL, as.agent, { query: { orderId: b.order.id } });
    expect(list.data.items.map((r: { id: string }) => r.id).sort()).toEqual([b.free, b.small, b.large].sort());
    expect(list.data.items[0]).toMatchObject({
      status: 'proposed',
      milestoneKey: 'on-site',
      milestoneName: { 'zh-CN': '上门服务', 'en-US': 'On site' },
      order: { id: b.order.id },
    });
    expect((await t.get(URL, as.outlet)).data.items).toEqual([]);
    expect((await t.get(URL, as.adminOther)).data.items).toEqual([]);
    expect((await t.get(URL, as.agent, { query: { status: 'approved', orderId: b.order.id } })).data.items).toEqual([]);
  });

  it('are approved within the role’s limit; above it or unlisted is refused and nothing changes', async () => {
    const b = await breach();
    const ok = await t.post(`${URL}/${b.small}/approve`, as.manager, { note: '同意补偿' });
    expect(ok.statusCode).toBe(200);
    expect(ok.data).toMatchObject({ status: 'approved', decidedBy: as.manager.userId, decisionNote: '同意补偿' });
    expect((await eventsOf(b.small)).map((e) => e.type)).toContain('remedy.approved');

    const over = await t.post(`${URL}/${b.large}/approve`, as.manager, {});
    expect(over.statusCode).toBe(403);
    expect(over.data.code).toBe('REMEDY_OVER_LIMIT');
    expect(over.data.detail).toContain('100');
    expect(over.data.detail).toContain('200');
    const unlisted = await t.post(`${URL}/${b.large}/approve`, as.inspector, {});
    expect(unlisted.statusCode).toBe(403);
    expect(unlisted.data.code).toBe('REMEDY_OVER_LIMIT');
    expect(await statusOf(b.large)).toBe('proposed');
    expect((await eventsOf(b.large)).map((e) => e.type)).toEqual(['remedy.proposed']);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', b.large).execute();
    expect(audit.map((a) => a.action)).toEqual(['remedy.propose']);

    // A larger limit, and the platform administrator without one.
    expect((await t.post(`${URL}/${b.large}/approve`, as.admin, {})).data.status).toBe('approved');
    const c = await breach();
    expect((await t.post(`${URL}/${c.large}/approve`, as.platform, {})).data.status).toBe('approved');
    // Decided once only; outlets and agents may not decide.
    expect((await t.post(`${URL}/${b.small}/approve`, as.admin, {})).data.code).toBe('REMEDY_NOT_PROPOSED');
    expect((await t.post(`${URL}/${c.small}/approve`, as.outlet, {})).statusCode).toBe(403);
    expect((await t.post(`${URL}/${c.small}/approve`, as.agent, {})).statusCode).toBe(403);
  });

  it('are rejected with a note', async () => {
    const b = await breach();
    expect((await t.post(`${URL}/${b.small}/reject`, as.inspector, {})).statusCode).toBe(400);
    expect((await t.post(`${URL}/${b.small}/reject`, as.inspector, { note: '' })).statusCode).toBe(400);
    const res = await t.post(`${URL}/${b.small}/reject`, as.inspector, { note: '客户已接受改约' });
    expect(res.data).toMatchObject({ status: 'rejected', decisionNote: '客户已接受改约' });
    expect((await eventsOf(b.small)).map((e) => e.type)).toContain('remedy.rejected');
    expect((await t.post(`${URL}/${b.small}/approve`, as.admin, {})).data.code).toBe('REMEDY_NOT_PROPOSED');
  });

  it('waive the order’s charges when a waive_charges remedy is approved', async () => {
    const b = await breach();
    const flags = async () =>
      (await t.db.selectFrom('work_orders').select('flags').where('id', '=', b.order.id).executeTakeFirstOrThrow())
        .flags;
    expect(await flags()).not.toContain('service_free');
    await t.post(`${URL}/${b.small}/approve`, as.manager, {});
    expect(await flags()).not.toContain('service_free');
    expect((await t.post(`${URL}/${b.free}/approve`, as.manager, {})).data.status).toBe('approved');
    expect(await flags()).toEqual(['service_free']);
    const order = await t.get(`/api/v1/work-orders/${b.order.id}`, as.agent);
    expect(order.data.flags).toContain('service_free');

    // At completion the quote needs no acceptance and the receipt shows nothing payable.
    await quoteOf(b.order.id, 12_000);
    const receipt = await t.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('work_orders')
        .selectAll()
        .where('id', '=', b.order.id)
        .executeTakeFirstOrThrow();
      const q = await quoteGate(trx, row.id, row.flags.includes(SERVICE_FREE));
      return issueReceipt(trx, t.clock, row, q, null);
    });
    expect(receipt).toMatchObject({ kind: 'receipt', total_fen: 15_000, covered_fen: 15_000, payable_fen: 0 });
  });

  it('count a quote made after the breach when waiving the charges', async () => {
    const b = await breach();
    const proposed = await t.db
      .selectFrom('remedy_proposals')
      .select('amount_fen')
      .where('id', '=', b.free)
      .executeTakeFirstOrThrow();
    expect(proposed.amount_fen).toBe(0);
    await quoteOf(b.order.id, 12_000);
    const over = await t.post(`${URL}/${b.free}/approve`, as.manager, {});
    expect(over.data.code).toBe('REMEDY_OVER_LIMIT');
    expect(await statusOf(b.free)).toBe('proposed');
    const ok = await t.post(`${URL}/${b.free}/approve`, as.admin, {});
    expect(ok.data).toMatchObject({ status: 'approved', amountFen: 12_000 });
  });

  it('take the limits from the brand’s own pack (the shipped Midea pack: service managers up to 200 yuan)', async () => {
    const midea = await t.factories.brand();
    await t.db.updateTable('brands').set({ policy_pack: 'midea' }).where('id', '=', midea.id).execute();
    const c = await t.factories.customer(midea.id);
    const manager = await t.as('service_manager', { brandIds: [midea.id] });
    const spec = {
      ...SPEC,
      remedies: [
        { id: 'at-limit', kind: 'compensation' as const, amountFen: 20_000 },
        { id: 'above', kind: 'compensation' as const, amountFen: 25_000 },
      ],
    };
    const r = await breachOf(
      t.db,
      t.clock,
      await t.factories.order(c, { status: 'accepted' }),
      { responsible: 'dispatch' },
      spec,
    );
    const [atLimit, above] = r.remedyIds as [string, string];
    expect((await t.post(`${URL}/${atLimit}/approve`, manager, {})).data.status).toBe('approved');
    const refused = await t.post(`${URL}/${above}/approve`, manager, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.data.code).toBe('REMEDY_OVER_LIMIT');
  });

  it('answer 404 for another brand’s proposal', async () => {
    const order = await t.factories.order(otherCustomer, { status: 'accepted' });
    const r = await breachOf(t.db, t.clock, order, { responsible: 'dispatch' }, SPEC);
    const id = r.remedyIds[0]!;
    expect((await t.post(`${URL}/${id}/approve`, as.admin, {})).statusCode).toBe(404);
    expect((await t.post(`${URL}/${id}/reject`, as.manager, { note: '越权' })).statusCode).toBe(404);
    expect(await statusOf(id)).toBe('proposed');
  });
});
