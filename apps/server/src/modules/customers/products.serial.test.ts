// Production date read from the serial by the brand pack's rules (aux.yaml: AX + yymm + 9 digits),
// on every way a product is written: the product API, the sales import and the sales feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { csv, upload } from '../imports/imports.fixtures.ts';

let t: TestApp;
let aux: { id: string; code: string };
let plain: { id: string; code: string };
let admin: Caller;
let customer: { id: string };
let plainCustomer: { id: string };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-01T02:00:00Z' });
  aux = await t.factories.brand({ categories: ['air_conditioner', 'heat_pump_water_heater'] });
  plain = await t.factories.brand({ categories: ['air_conditioner'] });
  await t.db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', aux.id).execute();
  admin = await t.as('brand_admin', { brandIds: [aux.id, plain.id] });
  customer = await t.factories.customer(aux.id);
  plainCustomer = await t.factories.customer(plain.id);
});
afterAll(async () => t?.close());

async function create(body: Record<string, unknown>, owner = customer) {
  const res = await t.post('/api/v1/products', admin, {
    customerId: owner.id,
    categoryCode: 'air_conditioner',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.data as { id: string; productionDate: string | null; productionDateSource: string | null };
}

const patch = async (id: string, body: Record<string, unknown>) => {
  const res = await t.request('PATCH', `/api/v1/products/${id}`, admin, { body });
  expect(res.statusCode, res.body).toBe(200);
  return res.data;
};

describe('production date from the serial', () => {
  it('is read when none is given, shown with its source and rule, and stored', async () => {
    const p = await create({ serial: 'ax2503123000045', purchaseDate: '2025-05-20' });
    expect(p).toMatchObject({
      productionDate: '2025-03-01',
      productionDateSource: 'serial',
      productionDateRule: 'aux-ax-yymm',
    });
    const row = await t.db
      .selectFrom('installed_products')
      .select(['production_date', 'production_date_source', 'production_date_rule'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      production_date: '2025-03-01',
      production_date_source: 'serial',
      production_date_rule: 'aux-ax-yymm',
    });
    expect((await t.get(`/api/v1/products/${p.id}`, admin)).data.productionDateSource).toBe('serial');
  });

  it('a date given wins and is marked given; no serial, no rule or no match leaves it empty', async () => {
    expect(await create({ serial: 'AX2503123000046', productionDate: '2025-02-14' })).toMatchObject({
      productionDate: '2025-02-14',
      productionDateSource: 'given',
      productionDateRule: null,
    });
    for (const body of [{}, { serial: 'KFR-0001' }, { serial: 'AX2513123000047' }])
      expect(await create(body)).toMatchObject({ productionDate: null, productionDateSource: null });
    // A brand whose pack (the baseline) has no serial rules.
    expect(await create({ serial: 'AX2503123000048' }, plainCustomer)).toMatchObject({ productionDate: null });
  });

  it('a date the serial gives after the purchase date is refused as implausible', async () => {
    expect(await create({ serial: 'AX2506123000049', purchaseDate: '2025-05-20' })).toMatchObject({
      productionDate: null,
    });
  });

  it('is read again when the serial changes, cleared when the new serial gives none; a given date stays', async () => {
    const p = await create({ serial: 'AX2503123000050' });
    expect(await patch(p.id, { serial: 'AX2401123000050' })).toMatchObject({
      productionDate: '2024-01-01',
      productionDateSource: 'serial',
    });
    expect(await patch(p.id, { store: '苏宁' })).toMatchObject({ productionDate: '2024-01-01' });
    expect(await patch(p.id, { serial: 'OTHER-50' })).toMatchObject({
      productionDate: null,
      productionDateSource: null,
      productionDateRule: null,
    });
    const given = await create({ serial: 'AX2503123000051', productionDate: '2025-02-01' });
    expect(await patch(given.id, { serial: 'AX2401123000051' })).toMatchObject({
      productionDate: '2025-02-01',
      productionDateSource: 'given',
    });
    // Clearing the given date lets the serial speak.
    expect(await patch(given.id, { productionDate: null })).toMatchObject({
      productionDate: '2024-01-01',
      productionDateSource: 'serial',
    });
  });

  it('without an invoice the warranty counts from the decoded date plus the grace period', async () => {
    const p = await create({ serial: 'AX2503123000052', purchaseDate: '2025-05-20', hasInvoice: false });
    const res = await t.get(`/api/v1/products/${p.id}/warranty`, admin, { query: { faultDate: '2026-05-01' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data.facts.productionDate).toBe('2025-03-01');
    expect(res.data.verdict.start).toMatchObject({ basis: 'production', date: '2025-06-01' });
    expect(res.data.verdict.covered).toBe(true);
  });

  it('the sales import and the sales feed read it for the products they create', async () => {
    const file = csv([
      ['品牌编码', '客户姓名', '联系电话', '品类', '机身条码', '购买日期', '有无发票'],
      [aux.code, '王伟', '13812349001', 'air_conditioner', 'AX2502123000060', '2025-04-01', '否'],
      [aux.code, '李娜', '13812349002', 'air_conditioner', 'NOPE-61', '2025-04-01', '否'],
    ]);
    const res = await upload(t, admin, 'sales', file);
    expect(res.statusCode, res.body).toBe(200);
    const stored = await t.db
      .selectFrom('installed_products')
      .select(['serial', 'production_date', 'production_date_source', 'production_date_rule'])
      .where('serial', 'in', ['AX2502123000060', 'NOPE-61'])
      .orderBy('serial')
      .execute();
    expect(stored).toEqual([
      {
        serial: 'AX2502123000060',
        production_date: '2025-02-01',
        production_date_source: 'serial',
        production_date_rule: 'aux-ax-yymm',
      },
      { serial: 'NOPE-61', production_date: null, production_date_source: null, production_date_rule: null },
    ]);

    const feed = await t.post('/api/v1/sales', admin, {
      lines: [
        {
          externalId: 'JD-9001',
          brandCode: aux.code,
          customerName: '张敏',
          phones: ['13812349003'],
          categoryCode: 'air_conditioner',
          serial: 'AX2412123000062',
          purchaseDate: '2025-03-01',
        },
      ],
    });
    expect(feed.statusCode, feed.body).toBe(200);
    const view = await t.get(`/api/v1/products/${feed.data.lines[0].productId}`, admin);
    expect(view.data).toMatchObject({ productionDate: '2024-12-01', productionDateSource: 'serial' });
  });
});
