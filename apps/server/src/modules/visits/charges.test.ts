import { evaluateWarranty, type Verdict } from '@aftercare/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, type VisitsFixture, visitsFixture } from './visits.fixture.ts';

let x: VisitsFixture;
let part: { code: string };
let inWarranty: Verdict;
beforeAll(async () => {
  x = await visitsFixture();
  part = await x.t.factories.part(x.brand.id, { code: 'P-COMP', name: '压缩机', priceFen: 45000 });
  await x.t.factories.part(x.brand.id, { code: 'P-OLD', status: 'inactive' });
  // A real verdict of the baseline: an air conditioner bought 2025-06-01 with invoice, fault today.
  const pack = x.t.ctx.packs.current().select('cn-baseline', '2026-03-15')!;
  inWarranty = evaluateWarranty(pack, {
    category: 'air-conditioner',
    purchaseDate: '2025-06-01',
    invoice: true,
    faultDate: '2026-03-15',
  });
});
afterAll(async () => x?.t.close());

const JOB = {
  items: [
    { code: 'labor-minor', quantity: 1 },
    { code: 'on-site', quantity: 1 },
  ],
  parts: [{ partCode: 'P-COMP', quantity: 1 }],
};

/** An on-site order with the checklist ticked and, optionally, a verdict stored at intake. */
async function ready(verdict: Verdict | null = null) {
  const o = await x.onSite();
  if (verdict)
    await x.t.db
      .updateTable('work_orders')
      .set({ verdict: JSON.stringify(verdict) })
      .where('id', '=', o.id)
      .execute();
  await x.tick(o.id);
  return o;
}

const sign = (id: string) => x.t.post(`/api/v1/work-orders/${id}/complete`, x.as.tech, { signature: PNG });

describe('quote', () => {
  it('itemizes from the fee standard and the catalog: out of warranty, everything is payable', async () => {
    const o = await ready();
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, JOB);
    expect(res.statusCode).toBe(200);
    const c = res.data.charge;
    expect(c).toMatchObject({ kind: 'quote', status: 'proposed', feePack: { id: 'cn-baseline', version: 1 } });
    // Shanghai (31…), urban: labor 50 yuan, the regional call-out 40 yuan, the part at its catalog price.
    expect(
      c.lines.map((l: { code: string; unitFen: number; payableFen: number }) => [l.code, l.unitFen, l.payableFen]),
    ).toEqual([
      ['labor-minor', 5000, 5000],
      ['on-site', 4000, 4000],
      [part.code, 45000, 45000],
    ]);
    expect(c.lines[1].clause).toEqual({ path: 'fees.items.2.regions.1', ref: '示例价格（上海）' });
    expect(c).toMatchObject({ totalFen: 54000, coveredFen: 0, payableFen: 54000 });
    const tl = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    expect(tl.data.items.at(-1)).toMatchObject({ action: 'quote', data: { payableFen: 54000 } });
  });

  it('zeroes what the verdict covers: in warranty, labor, call-out and parts are free', async () => {
    const o = await ready(inWarranty);
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, JOB);
    expect(res.data.charge).toMatchObject({ totalFen: 54000, coveredFen: 54000, payableFen: 0 });
    expect(res.data.charge.lines[0].coveredBy.path).toMatch(/^warranty\./);
  });

  it('covers only the components the verdict covers', async () => {
    const v: Verdict = {
      ...inWarranty,
      components: {
        ...inWarranty.components,
        labor: { ...inWarranty.components.labor, covered: false },
        onSite: { ...inWarranty.components.onSite, covered: false },
      },
    };
    const o = await ready(v);
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, JOB);
    expect(res.data.charge.lines.map((l: { payableFen: number }) => l.payableFen)).toEqual([5000, 4000, 0]);
    expect(res.data.charge.payableFen).toBe(9000);
  });

  it('refuses unknown items and parts, empty quotes, wrong steps and parties; nothing is written', async () => {
    const o = await ready();
    const before = await x.t.count('work_order_charges');
    const cases: [object, number, string][] = [
      [{ items: [{ code: 'massage', quantity: 1 }] }, 422, 'VISIT_QUOTE_ITEM_UNKNOWN'],
      [{ parts: [{ partCode: 'NOPE', quantity: 1 }] }, 422, 'VISIT_PART_UNKNOWN'],
      [{ parts: [{ partCode: 'P-OLD', quantity: 1 }] }, 422, 'VISIT_PART_UNKNOWN'],
      [{}, 400, 'VALIDATION_FAILED'],
      [{ items: [{ code: 'labor-minor', quantity: 0 }] }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, body);
      expect([res.statusCode, res.data.code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.customer, JOB)).statusCode).toBe(403);
    expect((await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.manager2, JOB)).statusCode).toBe(404);
    const booked = await x.order('booked');
    const early = await x.t.post(`/api/v1/work-orders/${booked.id}/quote`, x.as.tech, JOB);
    expect([early.statusCode, early.data.code]).toEqual([409, 'WORK_ORDER_ILLEGAL_TRANSITION']);
    expect(await x.t.count('work_order_charges')).toBe(before);
    expect((await x.row(o.id)).version).toBe(2);
  });

  it('the outlet may quote while waiting for parts; a new quote supersedes the one awaiting a decision', async () => {
    const o = await ready();
    await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, JOB);
    await x.t.post(`/api/v1/work-orders/${o.id}/wait-parts`, x.as.tech, { reason: '压缩机缺货' });
    const res = await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.manager, {
      items: [{ code: 'labor-major', quantity: 1 }],
    });
    expect(res.statusCode).toBe(200);
    const list = await x.t.get(`/api/v1/work-orders/${o.id}/charges`, x.as.manager);
    expect(list.data.items.map((c: { status: string; totalFen: number }) => [c.status, c.totalFen])).toEqual([
      ['superseded', 54000],
      ['proposed', 15000],
    ]);
  });
});

describe('the brand’s own pack', () => {
  it('prices with Midea’s fee standard and checks Midea’s checklist when the brand runs under it', async () => {
    await x.t.db.updateTable('brands').set({ policy_pack: 'midea' }).where('id', '=', x.brand.id).execute();
    try {
      const o = await x.onSite();
      const res = await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, {
        items: [
          { code: 'labor-minor', quantity: 1 },
          { code: 'ac-cleaning', quantity: 1 },
        ],
      });
      // The fee standard comes from the Midea pack version in force (its version is raised with each change).
      expect(res.data.charge.feePack).toMatchObject({ id: 'midea', version: expect.any(Number) });
      expect(res.data.charge.feePack.version).toBeGreaterThanOrEqual(2);
      expect(res.data.charge.lines.map((l: { unitFen: number }) => l.unitFen)).toEqual([6000, 8000]);
      const visits = await x.t.get(`/api/v1/work-orders/${o.id}/visits`, x.as.tech);
      expect(visits.data.items[0].checklist).toHaveLength(8);
      // The baseline's four ticks are not Midea's standard: shoe covers and the rest are missing.
      await x.tick(o.id);
      const done = await sign(o.id);
      expect([done.statusCode, done.data.code]).toEqual([422, 'VISIT_CHECKLIST_INCOMPLETE']);
      expect(done.data.details.missing.map((m: { id: string }) => m.id)).toContain('shoe-covers');

      // A washer order cannot be charged the air-conditioner cleaning item.
      const washer = await x.t.factories.order(x.customer, {
        status: 'booked',
        outletId: x.outlet.id,
        technicianId: x.tech.id,
        categoryCode: 'washer',
      });
      await x.t.post(`/api/v1/work-orders/${washer.id}/check-in`, x.as.tech, {});
      const wrong = await x.t.post(`/api/v1/work-orders/${washer.id}/quote`, x.as.tech, {
        items: [{ code: 'ac-cleaning', quantity: 1 }],
      });
      expect([wrong.statusCode, wrong.data.code]).toEqual([422, 'VISIT_QUOTE_ITEM_CATEGORY']);
    } finally {
      await x.t.db.updateTable('brands').set({ policy_pack: null }).where('id', '=', x.brand.id).execute();
    }
  });
});

describe('acceptance gate and receipt', () => {
  it('cannot complete until a payable quote is accepted; declining keeps it blocked', async () => {
    const o = await ready();
    await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, JOB);
    const blocked = await sign(o.id);
    expect([blocked.statusCode, blocked.data.code]).toEqual([422, 'VISIT_QUOTE_NOT_ACCEPTED']);
    const declined = await x.t.post(`/api/v1/work-orders/${o.id}/quote/decision`, x.as.tech, { accept: false });
    expect(declined.data.charge).toMatchObject({ status: 'declined' });
    expect(declined.data.charge.decidedBy).toBe('customer:on-technician-screen');
    expect((await sign(o.id)).data.code).toBe('VISIT_QUOTE_NOT_ACCEPTED');
    const none = await x.t.post(`/api/v1/work-orders/${o.id}/quote/decision`, x.as.tech, { accept: true });
    expect([none.statusCode, none.data.code]).toEqual([409, 'VISIT_QUOTE_NONE']);
    expect((await x.row(o.id)).status).toBe('on_site');
    expect(
      await x.t.db
        .selectFrom('work_order_charges')
        .select('id')
        .where('order_id', '=', o.id)
        .where('kind', '=', 'receipt')
        .execute(),
    ).toEqual([]);

    // A smaller job, accepted on the technician's screen: completion issues the receipt from it.
    await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, { items: [{ code: 'labor-minor', quantity: 1 }] });
    expect(
      (await x.t.post(`/api/v1/work-orders/${o.id}/quote/decision`, x.as.manager, { accept: true })).statusCode,
    ).toBe(403);
    const ok = await x.t.post(`/api/v1/work-orders/${o.id}/quote/decision`, x.as.tech, { accept: true });
    expect(ok.data.charge.status).toBe('accepted');
    const done = await sign(o.id);
    expect(done.data.status).toBe('resolved');
    const charges = await x.t.get(`/api/v1/work-orders/${o.id}/charges`, x.as.agent);
    const receipt = charges.data.items.at(-1);
    expect(receipt).toMatchObject({ kind: 'receipt', status: 'issued', totalFen: 5000, payableFen: 5000 });
    expect(receipt.lines).toEqual([expect.objectContaining({ code: 'labor-minor', quantity: 1, amountFen: 5000 })]);
  });

  it('a fully covered quote needs no decision; the receipt shows the covered lines at zero', async () => {
    const o = await ready(inWarranty);
    await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, JOB);
    const done = await sign(o.id);
    expect(done.data.status).toBe('resolved');
    const charges = await x.t.get(`/api/v1/work-orders/${o.id}/charges`, x.as.tech);
    expect(charges.data.items.at(-1)).toMatchObject({
      kind: 'receipt',
      totalFen: 54000,
      coveredFen: 54000,
      payableFen: 0,
    });
    expect(charges.data.items.at(-1).lines).toHaveLength(3);
  });
});

describe('customer H5', () => {
  it('the customer decides the quote by the link token; only that order, never another', async () => {
    const o = await ready();
    const other = await ready();
    const token = await x.tokenFor(o.id);
    const otherToken = await x.tokenFor(other.id);
    await x.t.post(`/api/v1/work-orders/${o.id}/quote`, x.as.tech, JOB);
    const mine = await x.t.get(`/api/v1/h5/orders/${token}/charges`, null);
    expect(mine.data.items).toEqual([expect.objectContaining({ status: 'proposed', payableFen: 54000 })]);
    const theirs = await x.t.get(`/api/v1/h5/orders/${otherToken}/charges`, null);
    expect(theirs.data.items).toEqual([]);
    const wrongToken = await x.t.post(`/api/v1/h5/orders/${'x'.repeat(32)}/quote/decision`, null, { accept: true });
    expect([wrongToken.statusCode, wrongToken.data.code]).toEqual([404, 'WORK_ORDER_TOKEN_INVALID']);
    const nothing = await x.t.post(`/api/v1/h5/orders/${otherToken}/quote/decision`, null, { accept: true });
    expect([nothing.statusCode, nothing.data.code]).toEqual([409, 'VISIT_QUOTE_NONE']);

    const res = await x.t.post(`/api/v1/h5/orders/${token}/quote/decision`, null, { accept: true });
    expect(res.statusCode).toBe(200);
    expect(res.data.charge).toMatchObject({ status: 'accepted', decidedBy: 'customer:h5' });
    const tl = await x.t.get(`/api/v1/work-orders/${o.id}/timeline`, x.as.agent);
    expect(tl.data.items.at(-1)).toMatchObject({
      action: 'quote_decision',
      actor: { role: 'customer' },
      data: { accept: true },
    });
    expect((await sign(o.id)).data.status).toBe('resolved');
    // The signed-in customer reads their own order's charges; another outlet does not.
    expect((await x.t.get(`/api/v1/work-orders/${o.id}/charges`, x.as.customer)).data.items).toHaveLength(2);
    expect((await x.t.get(`/api/v1/work-orders/${o.id}/charges`, x.as.manager2)).statusCode).toBe(404);
    expect((await x.t.get(`/api/v1/work-orders/${o.id}/charges`, x.as.agentB)).statusCode).toBe(404);
  });
});
