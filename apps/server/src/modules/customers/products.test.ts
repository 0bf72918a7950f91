import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let brandA: { id: string };
let brandB: { id: string };
let outletA: { id: string };
let outletA2: { id: string };
let outletB: { id: string };
let agentA: Caller;
let customerA: { id: string; brandId: string };

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await t.factories.brand();
  outletA = await t.factories.outlet(brandA.id);
  outletA2 = await t.factories.outlet(brandA.id);
  outletB = await t.factories.outlet(brandB.id);
  agentA = await t.as('agent', { brandIds: [brandA.id] });
  customerA = await t.factories.customer(brandA.id, { name: '孙丽' });
});
afterAll(async () => t?.close());

describe('installed products', () => {
  it('registers a product for a visible customer, serial in upper case, audited', async () => {
    const res = await t.post('/api/v1/products', agentA, {
      customerId: customerA.id,
      categoryCode: 'air_conditioner',
      modelCode: 'KFR-35GW/BpR3',
      serial: 'aux-35gw-000123',
      productionDate: '2025-03-01',
      purchaseDate: '2025-05-20',
      hasInvoice: true,
      invoicePhotoUrl: 'https://files.example.com/invoice/1.jpg',
      channel: 'ecommerce',
      store: '京东自营旗舰店',
      deliveryDate: '2025-05-22',
      installationDate: '2025-05-23',
      installingOutletId: outletA.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      brandId: brandA.id,
      customerId: customerA.id,
      serial: 'AUX-35GW-000123',
      installingOutletId: outletA.id,
      hasInvoice: true,
      status: 'active',
      extendedWarranties: [],
      entitlements: [],
    });
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_id', '=', res.data.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['product.create']);
    const events = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', res.data.id).execute();
    expect(events.map((e) => e.type)).toEqual(['product.registered']);
  });

  it('refuses a serial the brand already has (409), and bad references (422), writing nothing', async () => {
    await t.factories.product(customerA, { serial: 'DUP-0001' });
    const customerB = await t.factories.customer(brandB.id);
    const before = await t.count('installed_products');
    const base = { customerId: customerA.id, categoryCode: 'air_conditioner' };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, serial: 'dup-0001' }, 409, 'PRODUCT_SERIAL_TAKEN'],
      [{ ...base, categoryCode: 'television' }, 422, 'PRODUCT_CATEGORY_UNKNOWN'],
      [{ ...base, installingOutletId: outletB.id }, 422, 'PRODUCT_OUTLET_UNKNOWN'],
      [{ ...base, customerId: customerB.id }, 422, 'PRODUCT_CUSTOMER_UNKNOWN'],
      [{ ...base, serial: 'bad serial!' }, 400, 'VALIDATION_FAILED'],
      [{ ...base, purchaseDate: 'yesterday' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.post('/api/v1/products', agentA, body);
      expect([res.statusCode, res.data.code]).toEqual([status, code]);
    }
    expect(await t.count('installed_products')).toBe(before);
    // The same serial in another brand is another machine.
    const other = await t.post('/api/v1/products', await t.as('agent', { brandIds: [brandB.id] }), {
      customerId: customerB.id,
      categoryCode: 'air_conditioner',
      serial: 'DUP-0001',
    });
    expect(other.statusCode).toBe(201);
  });

  it('edits a product and retires it, audited with before and after', async () => {
    const p = await t.factories.product(customerA, { serial: 'EDIT-0001' });
    const res = await t.patch(`/api/v1/products/${p.id}`, agentA, {
      categoryCode: 'washer',
      serial: 'EDIT-0002',
      installingOutletId: outletA2.id,
      status: 'retired',
    });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ categoryCode: 'washer', serial: 'EDIT-0002', status: 'retired' });
    const taken = await t.patch(`/api/v1/products/${p.id}`, agentA, { serial: 'dup-0001' });
    expect([taken.statusCode, taken.data.code]).toEqual([409, 'PRODUCT_SERIAL_TAKEN']);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', p.id)
      .where('action', '=', 'product.retire')
      .executeTakeFirstOrThrow();
    expect((audit.before as { serial: string }).serial).toBe('EDIT-0001');
    expect((audit.after as { serial: string }).serial).toBe('EDIT-0002');
  });

  it('keeps extended-warranty contracts: numbers unique per brand, replaced by a PATCH that names them', async () => {
    const contract = {
      contractNo: 'YB-2025-0001',
      startsOn: '2026-06-05',
      endsOn: '2029-06-04',
      covers: { parts: true },
    };
    const res = await t.post('/api/v1/products', agentA, {
      customerId: customerA.id,
      categoryCode: 'air_conditioner',
      extendedWarranties: [contract],
    });
    expect(res.statusCode).toBe(201);
    expect(res.data.extendedWarranties).toEqual([
      { contractNo: 'YB-2025-0001', startsOn: '2026-06-05', endsOn: '2029-06-04', covers: { parts: true } },
    ]);
    const before = await t.count('installed_products');
    const taken = await t.post('/api/v1/products', agentA, {
      customerId: customerA.id,
      categoryCode: 'air_conditioner',
      extendedWarranties: [contract],
    });
    expect([taken.statusCode, taken.data.code]).toEqual([409, 'PRODUCT_CONTRACT_TAKEN']);
    const backwards = await t.post('/api/v1/products', agentA, {
      customerId: customerA.id,
      categoryCode: 'air_conditioner',
      extendedWarranties: [{ ...contract, contractNo: 'YB-2', endsOn: '2026-01-01' }],
    });
    expect([backwards.statusCode, backwards.data.code]).toEqual([422, 'PRODUCT_CONTRACT_DATES']);
    expect(await t.count('installed_products')).toBe(before);
    // The product's own contract number is not "taken" when the PATCH repeats it.
    const patched = await t.patch(`/api/v1/products/${res.data.id}`, agentA, {
      extendedWarranties: [
        contract,
        { ...contract, contractNo: 'YB-2025-0002', startsOn: '2029-06-05', endsOn: '2030-06-04' },
      ],
    });
    expect(patched.data.extendedWarranties.map((c: { contractNo: string }) => c.contractNo)).toEqual([
      'YB-2025-0001',
      'YB-2025-0002',
    ]);
    const kept = await t.patch(`/api/v1/products/${res.data.id}`, agentA, { store: '苏宁' });
    expect(kept.data.extendedWarranties).toHaveLength(2);
  });

  it('lists by customer and finds by serial', async () => {
    const c = await t.factories.customer(brandA.id);
    const p = await t.factories.product(c, { serial: 'LIST-0001' });
    const byCustomer = await t.get('/api/v1/products', agentA, { query: { customerId: c.id } });
    expect(byCustomer.data.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
    const bySerial = await t.get('/api/v1/products', agentA, { query: { q: 'list-0001' } });
    expect(bySerial.data.items.map((i: { id: string }) => i.id)).toEqual([p.id]);
  });
});

describe('scope', () => {
  let mine: { id: string };
  let theirs: { id: string };
  let myProduct: { id: string };
  let theirProduct: { id: string; serial: string | null };
  let manager: Caller;
  beforeAll(async () => {
    mine = await t.factories.customer(brandA.id, { name: '郑爽' });
    theirs = await t.factories.customer(brandA.id, { name: '郑凯' });
    myProduct = await t.factories.product({ id: mine.id, brandId: brandA.id }, { installingOutletId: outletA.id });
    theirProduct = await t.factories.product(
      { id: theirs.id, brandId: brandA.id },
      { installingOutletId: outletA2.id },
    );
    manager = await t.as('outlet_manager', { outletId: outletA.id });
  });

  it('shows an outlet manager only customers owning a product their outlet installed, read-only', async () => {
    // customerA's product from the first test was installed by outlet A too.
    const list = await t.get('/api/v1/customers', manager, { query: { pageSize: '200' } });
    expect(list.data.items.map((i: { id: string }) => i.id).sort()).toEqual([customerA.id, mine.id].sort());
    expect((await t.get(`/api/v1/customers/${theirs.id}`, manager)).statusCode).toBe(404);
    expect((await t.get(`/api/v1/products/${theirProduct.id}`, manager)).statusCode).toBe(404);
    const products = await t.get('/api/v1/products', manager, { query: { pageSize: '200' } });
    const productIds = products.data.items.map((i: { id: string }) => i.id);
    expect(productIds).toContain(myProduct.id);
    expect(productIds).not.toContain(theirProduct.id);
    expect(products.data.items.every((i: { installingOutletId: string }) => i.installingOutletId === outletA.id)).toBe(
      true,
    );
    expect((await t.get(`/api/v1/customers/${mine.id}`, manager)).data.phones[0].number).toMatch(/^\d{11}$/);
    expect((await t.patch(`/api/v1/customers/${mine.id}`, manager, { name: '改名' })).statusCode).toBe(403);
    const lookup = await t.get('/api/v1/customers/lookup', manager, { query: { serial: theirProduct.serial! } });
    expect(lookup.data.customers).toEqual([]);
  });

  it('shows a customer only their own record and products', async () => {
    const me = await t.as('customer', { customerId: mine.id });
    const list = await t.get('/api/v1/customers', me);
    expect(list.data.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    expect((await t.get(`/api/v1/customers/${mine.id}`, me)).statusCode).toBe(200);
    expect((await t.get(`/api/v1/customers/${theirs.id}`, me)).statusCode).toBe(404);
    const products = await t.get('/api/v1/products', me);
    expect(
      products.data.items.map((i: { id: string; installingOutletId: string | null }) => [i.id, i.installingOutletId]),
    ).toEqual([[myProduct.id, null]]);
    expect((await t.get(`/api/v1/products/${theirProduct.id}`, me)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/customers/${mine.id}`, me, { name: '改名' })).statusCode).toBe(403);
  });

  it("answers 404 to another brand's agent on every customer and product route", async () => {
    const agentB = await t.as('agent', { brandIds: [brandB.id] });
    expect((await t.get(`/api/v1/customers/${mine.id}`, agentB)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/customers/${mine.id}`, agentB, { name: '改名' })).statusCode).toBe(404);
    expect((await t.get(`/api/v1/products/${myProduct.id}`, agentB)).statusCode).toBe(404);
    expect((await t.patch(`/api/v1/products/${myProduct.id}`, agentB, { store: '改名' })).statusCode).toBe(404);
    const list = await t.get('/api/v1/customers', agentB, { query: { q: '郑爽' } });
    expect(list.data.items).toEqual([]);
  });
});
