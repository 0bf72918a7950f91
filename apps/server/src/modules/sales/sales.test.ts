import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let adminA: Caller;
let adminB: Caller;
let managerA: Caller;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let outletA: { id: string; code: string };
let keyA: string;

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  brandA = await f.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await f.brand();
  outletA = await f.outlet(brandA.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  adminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  managerA = await t.as('outlet_manager', { outletId: outletA.id });
  const created = await t.post('/api/v1/api-keys', adminA, { name: 'jd-feed' });
  expect(created.statusCode).toBe(201);
  keyA = created.data.key;
});
afterAll(async () => t?.close());

const line = (over: Record<string, unknown> = {}) => ({
  externalId: 'JD-1-1',
  brandCode: brandA.code,
  customerName: '周杰',
  phones: ['13512340001'],
  divisionCode: '310115004',
  address: '潍坊路1号',
  categoryCode: 'air_conditioner',
  modelCode: 'KFR-35GW',
  serial: 'FEED-SN-1',
  purchaseDate: '2026-03-01',
  hasInvoice: true,
  channel: 'ecommerce',
  store: '京东',
  orderNo: 'JD1',
  lineNo: '1',
  ...over,
});

/** POST /sales with the API key, as a retailer's system calls it. */
const send = (lines: unknown[], key = keyA) =>
  t.request('POST', '/api/v1/sales', null, { headers: { 'x-api-key': key }, body: { lines } });

async function counts() {
  return {
    customers: await t.count('customers'),
    products: await t.count('installed_products'),
    lines: await t.count('sales_lines'),
    audit: await t.count('audit_log'),
    events: await t.count('events'),
  };
}

describe('POST /sales', () => {
  it('creates customers and products with an API key; the same batch again is unchanged', async () => {
    const batch = [
      line(),
      // Same person, the phone written with +86 and dashes; no serial: identified by its externalId.
      line({ externalId: 'JD-1-2', phones: ['+86 135-1234-0001'], serial: null, categoryCode: 'washer', lineNo: '2' }),
      line({
        externalId: 'JD-2-1',
        customerName: '吴莉',
        phones: ['0571-87654321'],
        serial: 'FEED-SN-2',
        orderNo: 'JD2',
      }),
    ];
    const before = await counts();
    const res = await send(batch);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ total: 3, created: 3, updated: 0, unchanged: 0 });
    expect(res.data.lines.map((l: { status: string }) => l.status)).toEqual(['created', 'created', 'created']);
    expect(res.data.lines[0].customerId).toBe(res.data.lines[1].customerId);
    const after = await counts();
    expect(after.customers - before.customers).toBe(2);
    expect(after.products - before.products).toBe(3);
    expect(after.lines - before.lines).toBe(3);
    const batchAudit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'sales.receive').execute();
    expect(batchAudit).toHaveLength(1);
    expect(batchAudit[0]).toMatchObject({ brand_id: brandA.id, entity: 'sales_batch' });
    const events = await t.db.selectFrom('events').select('type').where('type', '=', 'sales.received').execute();
    expect(events).toHaveLength(1);

    const again = await send(batch);
    expect(again.statusCode).toBe(200);
    expect(again.data).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.data.lines.map((l: { productId: string }) => l.productId)).toEqual(
      res.data.lines.map((l: { productId: string }) => l.productId),
    );
    const third = await counts();
    // Only the batch's own audit row; no event when nothing changed.
    expect(third).toEqual({ ...after, audit: after.audit + 1 });
  });

  it('updates a changed line by its externalId, also without a serial', async () => {
    const res = await send([
      line({
        externalId: 'JD-1-2',
        phones: ['13512340001'],
        serial: null,
        categoryCode: 'washer',
        lineNo: '2',
        installationDate: '2026-03-05',
        outletCode: outletA.code,
      }),
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const p = await t.db
      .selectFrom('installed_products')
      .selectAll()
      .where('id', '=', res.data.lines[0].productId)
      .executeTakeFirst();
    expect(p).toMatchObject({
      installation_date: '2026-03-05',
      installing_outlet_id: outletA.id,
      category_code: 'washer',
      serial: null,
    });
    // A new externalId for a serial already registered to the same customer just links to it.
    const relinked = await send([line({ externalId: 'TMALL-9', phones: ['8613512340001'] })]);
    expect(relinked.data).toMatchObject({ created: 0, unchanged: 1 });
  });

  it('lets a corrected line (same externalId) rename its customer and bring a new phone', async () => {
    const before = await counts();
    const res = await send([
      line({
        externalId: 'JD-2-1',
        customerName: '吴丽',
        phones: ['13700001111'],
        serial: 'FEED-SN-2',
        orderNo: 'JD2',
      }),
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ updated: 1 });
    const view = await t.get(`/api/v1/customers/${res.data.lines[0].customerId}`, adminA);
    expect(view.data.name).toBe('吴丽');
    expect(view.data.phones.map((p: { number: string }) => p.number).sort()).toEqual(['057187654321', '13700001111']);
    const after = await counts();
    expect(after.customers).toBe(before.customers);
    expect(after.products).toBe(before.products);
  });

  it('refuses the whole batch on any bad line, with line numbers and externalIds, writing nothing', async () => {
    const before = await counts();
    const res = await send([
      line({ externalId: 'OK-1', serial: 'FEED-OK-1', orderNo: 'T1' }),
      line({ externalId: 'BAD-BRAND', brandCode: brandB.code, serial: 'FEED-X-1', orderNo: 'T2' }),
      line({ externalId: 'BAD-PHONE', phones: ['12345'], serial: 'FEED-X-2', orderNo: 'T3' }),
      line({ externalId: 'OK-1', serial: 'FEED-X-3', orderNo: 'T4' }),
      line({ externalId: 'NO-KEY', serial: null, orderNo: null, lineNo: null }),
      // The same unit twice in one batch.
      line({ externalId: 'TWICE', serial: 'FEED-OK-1', orderNo: 'T6' }),
    ]);
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('SALES_HAS_ERRORS');
    expect(
      res.data.details.map((d: { line: number; externalId: string; field: string; code: string }) => [
        d.line,
        d.externalId,
        d.field,
        d.code,
      ]),
    ).toEqual([
      [2, 'BAD-BRAND', 'brandCode', 'IMPORT_UNKNOWN_BRAND'],
      [3, 'BAD-PHONE', 'phones', 'IMPORT_INVALID_PHONE'],
      [4, 'OK-1', 'externalId', 'SALES_DUPLICATE_EXTERNAL_ID'],
      [5, 'NO-KEY', 'serial', 'IMPORT_SERIAL_OR_ORDER'],
      [6, 'TWICE', 'serial', 'IMPORT_DUPLICATE_VALUE'],
    ]);
    // A serial registered to someone else is found while writing: still nothing written.
    const owned = await send([
      line({ externalId: 'OK-2', serial: 'FEED-OK-2', orderNo: 'T7' }),
      line({ externalId: 'THEIRS', serial: 'FEED-SN-2', phones: ['13999990000'], orderNo: 'T8' }),
    ]);
    expect(owned.statusCode).toBe(422);
    expect(owned.data.details).toMatchObject([{ line: 2, externalId: 'THEIRS', code: 'SALES_PRODUCT_OTHER_CUSTOMER' }]);
    expect(await counts()).toEqual(before);
  });

  it('checks the shape (400), the batch size, authentication and customers.write; brands are kept apart', async () => {
    expect((await send([{ ...line(), surprise: 1 }])).statusCode).toBe(400);
    expect((await send([])).statusCode).toBe(400);
    expect((await send(Array.from({ length: 1001 }, (_, i) => line({ externalId: `E${i}` })))).statusCode).toBe(400);
    expect((await send([line()], 'ak_not-a-key')).statusCode).toBe(401);
    expect((await t.post('/api/v1/sales', managerA, { lines: [line()] })).statusCode).toBe(403);
    const before = await counts();
    const foreign = await t.post('/api/v1/sales', adminB, { lines: [line({ externalId: 'B-1', serial: 'FEED-B-1' })] });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.data.details[0]).toMatchObject({ line: 1, field: 'brandCode', code: 'IMPORT_UNKNOWN_BRAND' });
    expect(await counts()).toEqual(before);
    // The same externalId under another brand is another line.
    const own = await t.post('/api/v1/sales', adminB, {
      lines: [line({ externalId: 'JD-1-1', brandCode: brandB.code, serial: 'FEED-SN-1' })],
    });
    expect(own.statusCode).toBe(200);
    expect(own.data).toMatchObject({ created: 1 });
  });
});
