import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let baseline: { id: string; code: string };
let aux: { id: string; code: string };
let foreign: { id: string };
let agent: Caller;
let customerCaller: Caller;
let customer: { id: string; brandId: string };
let auxCustomer: { id: string; brandId: string };
let foreignProduct: { id: string };

beforeAll(async () => {
  t = await createTestApp({ now: '2027-03-01T02:00:00Z' });
  baseline = await t.factories.brand({ name: '基线品牌' });
  aux = await t.factories.brand({ name: '奥克斯' });
  foreign = await t.factories.brand({ name: '他人品牌' });
  await t.db.updateTable('brands').set({ policy_pack: 'cn-baseline' }).where('id', '=', baseline.id).execute();
  await t.db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', aux.id).execute();
  agent = await t.as('agent', { brandIds: [baseline.id, aux.id] });
  customer = await t.factories.customer(baseline.id);
  auxCustomer = await t.factories.customer(aux.id);
  customerCaller = await t.as('customer', { customerId: customer.id });
  foreignProduct = await t.factories.product(await t.factories.customer(foreign.id));
  await t.factories.part(baseline.id, { code: 'YSJ-01', name: '压缩机', isMainPart: true });
  await t.factories.part(baseline.id, { code: 'LW-02', name: '滤网', isMainPart: false });
  await t.factories.part(baseline.id, { code: 'YKQ-03', name: '遥控器', warrantyTermMonths: 24 });
  await t.factories.part(foreign.id, { code: 'ALIEN-1', isMainPart: true });
});
afterAll(async () => t?.close());

async function product(c: { id: string }, body: Record<string, unknown>) {
  const res = await t.post('/api/v1/products', agent, { customerId: c.id, categoryCode: 'air_conditioner', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.data as { id: string };
}

const warranty = (id: string, caller: Caller | null, query: Record<string, string> = {}) =>
  t.get(`/api/v1/products/${id}/warranty`, caller, { query });

describe('GET /products/:id/warranty', () => {
  it('judges the stored product on the fault date (today by default) under the pack in force on its purchase date', async () => {
    const p = await product(customer, {
      serial: 'WTY-BASE-1',
      modelCode: 'KFR-35GW',
      purchaseDate: '2026-02-10',
      hasInvoice: true,
      installationDate: '2026-02-12',
    });
    const res = await warranty(p.id, agent);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.selection).toEqual({
      packId: 'cn-baseline',
      version: 1,
      on: '2026-02-10',
      rule: 'in-force',
      source: 'brand',
    });
    expect(res.data.verdict.pack).toEqual({ id: 'cn-baseline', version: 1 });
    expect(res.data.facts).toMatchObject({
      brand: baseline.code,
      category: 'air-conditioner',
      model: 'KFR-35GW',
      serial: 'WTY-BASE-1',
      purchaseDate: '2026-02-10',
      invoice: true,
      installationDate: '2026-02-12',
      faultDate: '2027-03-01',
    });
    // The one-year whole-unit term ended on 2027-02-10.
    expect(res.data.verdict.start).toMatchObject({ date: '2026-02-10', basis: 'purchase' });
    expect(res.data.verdict.components.labor).toMatchObject({ covered: false, until: '2027-02-10' });
    const within = await warranty(p.id, agent, { faultDate: '2027-02-10' });
    expect(within.data.verdict.components.labor).toMatchObject({ covered: true, until: '2027-02-10' });
  });

  it('takes main-part flags from the catalog for part codes; pack part ids work as they are', async () => {
    const p = await product(customer, { serial: 'WTY-BASE-2', purchaseDate: '2026-02-10', hasInvoice: true });
    const main = await warranty(p.id, agent, { faultDate: '2028-05-01', parts: 'YSJ-01' });
    expect(main.statusCode, main.body).toBe(200);
    expect(main.data.verdict.parts).toMatchObject([{ part: 'YSJ-01', main: true, covered: true, until: '2029-02-10' }]);
    expect(main.data.verdict.parts[0].clause.path).toBe('warranty.categories.air-conditioner.mainParts.term');
    // The part is replaced free, the repair after the whole-unit year is charged.
    expect(main.data.verdict.components.labor.covered).toBe(false);
    const ordinary = await warranty(p.id, agent, { faultDate: '2028-05-01', parts: 'LW-02' });
    expect(ordinary.data.verdict.parts).toMatchObject([{ part: 'LW-02', main: false, covered: false }]);
    const packId = await warranty(p.id, agent, { faultDate: '2028-05-01', parts: 'compressor, YSJ-01' });
    expect(packId.data.verdict.parts.map((x: { main: boolean }) => x.main)).toEqual([true, true]);
    for (const parts of ['NOPE-9', 'ALIEN-1']) {
      const res = await warranty(p.id, agent, { faultDate: '2028-05-01', parts });
      expect([res.statusCode, res.data.code]).toEqual([422, 'WARRANTY_PART_UNKNOWN']);
    }
  });

  it('extended-warranty contracts cover what they list while they run', async () => {
    const p = await product(customer, {
      serial: 'WTY-BASE-3',
      purchaseDate: '2026-02-10',
      hasInvoice: true,
      extendedWarranties: [
        { contractNo: 'YB-LABOR-1', startsOn: '2027-02-11', endsOn: '2029-02-10', covers: { labor: true } },
      ],
    });
    const res = await warranty(p.id, agent, { faultDate: '2028-01-05' });
    const { labor, onSite } = res.data.verdict.components;
    expect(labor).toMatchObject({ covered: true, until: '2029-02-10' });
    expect(labor.clause).toMatchObject({ path: 'extendedWarranties', contract: 'YB-LABOR-1' });
    expect(onSite.covered).toBe(false);
  });

  it('AUX: six years, the 7-day return window, and entitlements counted from the stored counters', async () => {
    const p = await product(auxCustomer, { serial: 'WTY-AUX-1', purchaseDate: '2027-02-25', hasInvoice: true });
    await t.db
      .insertInto('entitlement_counters')
      .values({
        product_id: p.id,
        brand_id: aux.id,
        entitlement_code: 'aux-free-delivery',
        used: 1,
        limit: 1,
        updated_at: '2027-02-26T03:00:00Z',
      })
      .execute();
    const res = await warranty(p.id, agent);
    expect(res.data.verdict.pack).toEqual({ id: 'aux', version: 2 });
    expect(res.data.verdict.components.parts).toMatchObject({ covered: true, until: '2033-02-25' });
    expect(res.data.verdict.remedies.map((r: { kind: string }) => r.kind)).toEqual(['return', 'exchange', 'repair']);
    const byId = Object.fromEntries(
      res.data.verdict.entitlements.map((e: { id: string; available: boolean; used: number }) => [e.id, e]),
    );
    expect(byId['aux-free-delivery']).toMatchObject({ available: false, used: 1, remaining: 0 });
    expect(byId['aux-free-installation']).toMatchObject({ available: true, used: 0, remaining: 1 });
    const abroad = await warranty(p.id, agent, { country: 'JP', cause: 'quality', performanceFault: 'false' });
    expect(abroad.data.verdict.covered).toBe(false);
    expect(abroad.data.verdict.remedies.map((r: { kind: string }) => r.kind)).toEqual(['repair']);
  });

  it('bought before the first pack version took effect: the earliest version, said so', async () => {
    const p = await product(customer, { serial: 'WTY-OLD-1', purchaseDate: '2025-06-01', hasInvoice: true });
    const res = await warranty(p.id, agent, { faultDate: '2026-05-01' });
    expect(res.data.selection).toMatchObject({ version: 1, on: '2025-06-01', rule: 'earliest' });
    expect(res.data.verdict.components.parts.covered).toBe(true);
  });

  it('without an invoice the production date plus three months starts the warranty; with neither, nothing is covered', async () => {
    const p = await product(customer, {
      serial: 'WTY-NOINV',
      productionDate: '2026-01-20',
      purchaseDate: '2026-06-01',
    });
    const res = await warranty(p.id, agent, { faultDate: '2027-04-20' });
    expect(res.data.verdict.start).toMatchObject({ basis: 'production', date: '2026-04-20' });
    expect(res.data.verdict.components.labor.covered).toBe(true);
    const bare = await product(customer, { serial: 'WTY-BARE' });
    const none = await warranty(bare.id, agent);
    expect(none.statusCode).toBe(200);
    expect(none.data.verdict).toMatchObject({ start: null, covered: false });
  });

  it('a customer sees their own product’s verdict; foreign and unknown products answer 404', async () => {
    const p = await product(customer, { serial: 'WTY-OWN-1', purchaseDate: '2026-12-01', hasInvoice: true });
    expect((await warranty(p.id, customerCaller)).statusCode).toBe(200);
    for (const id of [foreignProduct.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await warranty(id, agent);
      expect([res.statusCode, res.data.code]).toEqual([404, 'NOT_FOUND']);
    }
    const other = await product(auxCustomer, { serial: 'WTY-AUX-2' });
    expect((await warranty(other.id, customerCaller)).statusCode).toBe(404);
  });

  it("uses the product's recorded warranty start, cited and explained as an override", async () => {
    const p = await product(customer, {
      serial: 'WTY-OVR-1',
      purchaseDate: '2025-12-01',
      hasInvoice: true,
      warrantyStartOverride: '2026-03-01',
    });
    // Counted from the invoice the year ended on 2026-12-01; from the override it runs to 2027-03-01.
    const res = await warranty(p.id, agent, { faultDate: '2027-02-20' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.facts.warrantyStartOverride).toBe('2026-03-01');
    expect(res.data.verdict.start).toMatchObject({
      date: '2026-03-01',
      basis: 'override',
      clause: { path: 'warrantyStartOverride', record: 'warrantyStartOverride' },
    });
    expect(res.data.verdict.start.explanation['zh-CN']).toContain('人工更正');
    expect(res.data.verdict.start.explanation['en-US']).toContain('override');
    expect(res.data.verdict.components.parts).toMatchObject({ covered: true, until: '2027-03-01' });
  });

  it("applies a catalog part's own term when it is longer than the pack's, citing the catalog", async () => {
    const p = await product(customer, { serial: 'WTY-TERM-1', purchaseDate: '2026-01-10', hasInvoice: true });
    const res = await warranty(p.id, agent, { faultDate: '2027-06-01', parts: 'YKQ-03,LW-02' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.facts.partTerms).toEqual([{ part: 'YKQ-03', months: 24 }]);
    const [remote, filter] = res.data.verdict.parts;
    expect(remote).toMatchObject({
      part: 'YKQ-03',
      covered: true,
      until: '2028-01-10',
      clause: { path: 'catalog.parts.YKQ-03', catalogPart: 'YKQ-03' },
    });
    expect(remote.explanation['en-US']).toContain('catalog term');
    expect(filter).toMatchObject({ part: 'LW-02', covered: false, until: '2027-01-10' });
  });

  it('bad queries answer 400 with a code', async () => {
    const p = await product(customer, { serial: 'WTY-Q-1', purchaseDate: '2026-02-10', hasInvoice: true });
    const cases: [Record<string, string>, string][] = [
      [{ faultDate: 'soon' }, 'VALIDATION_FAILED'],
      [{ country: 'china' }, 'VALIDATION_FAILED'],
      [{ cause: 'bad-luck' }, 'VALIDATION_FAILED'],
      [{ extra: '1' }, 'VALIDATION_FAILED'],
      [{ faultDate: '2027-02-30' }, 'WARRANTY_FACTS_INVALID'],
    ];
    for (const [query, code] of cases) {
      const res = await warranty(p.id, agent, query);
      expect([res.statusCode, res.data.code], JSON.stringify(query)).toEqual([400, code]);
    }
  });
});
