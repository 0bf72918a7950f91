import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { csv, upload, workbook } from './imports.fixtures.ts';

let t: TestApp;
let adminA: Caller;
let agentA: Caller;
let managerA: Caller;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let outletA: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  brandA = await f.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await f.brand();
  await t.db
    .updateTable('brand_categories')
    .set({ name: '空调' })
    .where('brand_id', '=', brandA.id)
    .where('code', '=', 'air_conditioner')
    .execute();
  outletA = await f.outlet(brandA.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
  managerA = await t.as('outlet_manager', { outletId: outletA.id });
});
afterAll(async () => t?.close());

const HEADERS = [
  '品牌编码',
  '客户姓名',
  '联系电话',
  '行政区划代码',
  '详细地址',
  '品类',
  '型号',
  '机身条码',
  '购买日期',
  '有无发票',
  '销售渠道',
  '门店名称',
  '送货日期',
  '安装日期',
  '安装网点编码',
  '外部订单号',
  '订单行号',
];

type Row = (string | number | null)[];
const row = (over: Partial<Record<(typeof HEADERS)[number], string | number | null>>): Row => {
  const base: Record<string, string | number | null> = {
    品牌编码: brandA.code,
    客户姓名: '王伟',
    联系电话: '13812340001',
    行政区划代码: '310115004',
    详细地址: '潍坊路100弄5号301室',
    品类: '空调',
    型号: 'KFR-35GW',
    机身条码: null,
    购买日期: '2026-03-01',
    有无发票: '是',
    销售渠道: '电商',
    门店名称: '京东自营旗舰店',
    送货日期: '2026-03-03',
    安装日期: null,
    安装网点编码: null,
    外部订单号: null,
    订单行号: null,
    ...over,
  };
  return HEADERS.map((h) => base[h] ?? null);
};

async function counts() {
  return {
    customers: await t.count('customers'),
    products: await t.count('installed_products'),
    audit: await t.count('audit_log'),
    events: await t.count('events'),
    lines: await t.count('sales_lines'),
  };
}

async function customersWith(phone: string) {
  return t.db
    .selectFrom('customer_phones')
    .select('customer_id')
    .where('brand_id', '=', brandA.id)
    .where('normalized', '=', phone)
    .execute();
}

describe('POST /imports/sales', () => {
  it('creates customers and products from CSV; the same file again changes nothing', async () => {
    const file = csv([
      HEADERS,
      row({ 机身条码: 'sn-csv-0001', 安装网点编码: outletA.code, 安装日期: '2026-03-04' }),
      // The same customer (same phone written differently) buys a washer: one customer, two products.
      row({ 联系电话: '+86 138-1234-0001', 品类: 'washer', 型号: 'XQG80', 机身条码: 'SN-CSV-0002', 有无发票: '否' }),
      row({ 客户姓名: '李娜', 联系电话: '010-87654321;13900000002', 外部订单号: 'JD1001', 订单行号: '1' }),
    ]);
    const before = await counts();
    const res = await upload(t, adminA, 'sales', file);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ kind: 'sales', total: 3, created: 3, updated: 0, unchanged: 0, errors: [] });
    const after = await counts();
    expect(after.customers - before.customers).toBe(2);
    expect(after.products - before.products).toBe(3);
    expect(after.lines - before.lines).toBe(3);

    const [owner] = await customersWith('13812340001');
    const products = await t.db
      .selectFrom('installed_products')
      .selectAll()
      .where('customer_id', '=', owner!.customer_id)
      .orderBy('serial')
      .execute();
    expect(products.map((p) => [p.serial, p.category_code, p.has_invoice, p.channel])).toEqual([
      ['SN-CSV-0001', 'air_conditioner', true, 'ecommerce'],
      ['SN-CSV-0002', 'washer', false, 'ecommerce'],
    ]);
    expect(products[0]).toMatchObject({
      installing_outlet_id: outletA.id,
      installation_date: '2026-03-04',
      store: '京东自营旗舰店',
      purchase_date: '2026-03-01',
    });
    const li = await customersWith('01087654321');
    expect(li).toHaveLength(1);
    const view = await t.get(`/api/v1/customers/${li[0]!.customer_id}`, adminA);
    expect(view.data).toMatchObject({ name: '李娜', addresses: [{ divisionCode: '310115004' }] });
    expect(view.data.phones).toHaveLength(2);

    // Again: nothing new, only the import's own audit row.
    const again = await upload(t, adminA, 'sales', file);
    expect(again.statusCode).toBe(200);
    expect(again.data).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    const third = await counts();
    expect({ ...third, audit: third.audit - 1 }).toEqual(after);
    const audit = await t.db.selectFrom('audit_log').select('action').orderBy('at', 'desc').limit(1).execute();
    expect(audit[0]!.action).toBe('import.sales');
  });

  it('updates a changed row (same serial) and adds a new phone and address to the customer', async () => {
    const file = csv([HEADERS, row({ 机身条码: 'SN-CSV-0001', 安装网点编码: outletA.code, 安装日期: '2026-03-06' })]);
    const before = await counts();
    const res = await upload(t, adminA, 'sales', file);
    expect(res.data).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const p = await t.db
      .selectFrom('installed_products')
      .selectAll()
      .where('serial', '=', 'SN-CSV-0001')
      .executeTakeFirst();
    expect(p!.installation_date).toBe('2026-03-06');
    const after = await counts();
    expect(after.products).toBe(before.products);
    expect(after.customers).toBe(before.customers);

    // A new sale for the same customer (the mobile with a 0086 prefix) adds the new landline and address.
    const more = await upload(
      t,
      adminA,
      'sales',
      csv([
        HEADERS,
        row({
          联系电话: '0086 13812340001;021-58881234',
          机身条码: 'SN-CSV-0003',
          详细地址: '张江镇科苑路88号',
          行政区划代码: '310115125',
        }),
      ]),
    );
    expect(more.data).toMatchObject({ created: 1 });
    const owners = await customersWith('02158881234');
    expect(owners).toHaveLength(1);
    const [mobile] = await customersWith('13812340001');
    expect(owners[0]!.customer_id).toBe(mobile!.customer_id);
    const view = await t.get(`/api/v1/customers/${mobile!.customer_id}`, adminA);
    expect(view.data.name).toBe('王伟');
    expect(view.data.addresses).toHaveLength(2);
  });

  it('updates a row without a serial by its external order line', async () => {
    const res = await upload(
      t,
      adminA,
      'sales',
      csv([
        HEADERS,
        row({ 客户姓名: '李娜', 联系电话: '13900000002', 外部订单号: 'JD1001', 订单行号: '1', 型号: 'KFR-50LW' }),
      ]),
    );
    expect(res.data).toMatchObject({ created: 0, updated: 1 });
    const [li] = await customersWith('13900000002');
    const ps = await t.db
      .selectFrom('installed_products')
      .selectAll()
      .where('customer_id', '=', li!.customer_id)
      .execute();
    expect(ps.map((p) => p.model_code)).toEqual(['KFR-50LW']);
  });

  it('imports an .xlsx with English headers, numbers and date cells', async () => {
    const english = [
      'brandCode',
      'customerName',
      'phones',
      'categoryCode',
      'serial',
      'purchaseDate',
      'hasInvoice',
      'channel',
    ];
    const buf = await workbook([
      english,
      [
        brandA.code,
        '赵敏',
        13700000003,
        'air_conditioner',
        'SN-XLSX-1',
        new Date(Date.UTC(2026, 1, 14)),
        'yes',
        'store',
      ],
    ]);
    const res = await upload(t, adminA, 'sales', buf, { filename: 'sales.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ created: 1 });
    const p = await t.db
      .selectFrom('installed_products')
      .selectAll()
      .where('serial', '=', 'SN-XLSX-1')
      .executeTakeFirst();
    expect(p).toMatchObject({ purchase_date: '2026-02-14', has_invoice: true, channel: 'store' });
    const again = await upload(t, adminA, 'sales', buf, { filename: 'sales.xlsx' });
    expect(again.data).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });

  it('reports bad rows by row and column and writes nothing', async () => {
    const before = await counts();
    const res = await upload(
      t,
      adminA,
      'sales',
      csv([
        HEADERS,
        row({ 机身条码: 'SN-OK-9' }),
        row({ 品牌编码: brandB.code, 机身条码: 'SN-FOREIGN' }),
        row({ 联系电话: '12345', 机身条码: 'SN-BADPHONE' }),
        row({ 品类: '电视', 机身条码: 'SN-BADCAT' }),
        row({ 机身条码: null }),
        row({ 机身条码: 'SN-OK-9' }),
        row({ 安装网点编码: 'NO-SUCH', 机身条码: 'SN-BADOUTLET', 购买日期: '2026-02-30' }),
        row({ 详细地址: null, 机身条码: 'SN-NOADDR', 销售渠道: '电话' }),
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('IMPORT_HAS_ERRORS');
    const got = (res.data.details as { row: number; column: string; code: string }[]).map((e) => [
      e.row,
      e.column,
      e.code,
    ]);
    expect(got).toEqual([
      [3, '品牌编码', 'IMPORT_UNKNOWN_BRAND'],
      [4, '联系电话', 'IMPORT_INVALID_PHONE'],
      [5, '品类', 'IMPORT_UNKNOWN_CATEGORY'],
      [6, '机身条码', 'IMPORT_SERIAL_OR_ORDER'],
      [7, '机身条码', 'IMPORT_DUPLICATE_VALUE'],
      [8, '购买日期', 'IMPORT_INVALID_DATE'],
      [8, '安装网点编码', 'IMPORT_UNKNOWN_OUTLET'],
      [9, '详细地址', 'IMPORT_ADDRESS_INCOMPLETE'],
      [9, '销售渠道', 'IMPORT_INVALID_OPTION'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a serial registered to another customer at write time, writing nothing', async () => {
    const before = await counts();
    const res = await upload(
      t,
      adminA,
      'sales',
      csv([
        HEADERS,
        row({ 机身条码: 'SN-NEW-77', 联系电话: '13600000077' }),
        row({ 机身条码: 'SN-CSV-0001', 联系电话: '13600000088' }),
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.data.details).toMatchObject([{ row: 3, code: 'SALES_PRODUCT_OTHER_CUSTOMER' }]);
    expect(await counts()).toEqual(before);
  });

  it('a dry run counts what would happen and writes nothing', async () => {
    const before = await counts();
    const res = await upload(
      t,
      adminA,
      'sales',
      csv([
        HEADERS,
        row({ 机身条码: 'SN-DRY-1', 联系电话: '13600009999' }),
        row({ 机身条码: 'SN-CSV-0002', 品类: 'washer', 型号: 'XQG80', 有无发票: '否' }),
      ]),
      { query: { dryRun: 'true' } },
    );
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ dryRun: true, created: 1, unchanged: 1, errors: [] });
    expect(await counts()).toEqual(before);
  });

  it('needs customers.write; the template has Chinese and English headers', async () => {
    const res = await upload(t, managerA, 'sales', csv([HEADERS, row({ 机身条码: 'SN-MGR' })]));
    expect(res.statusCode).toBe(403);
    const tpl = await t.get('/api/v1/imports/templates/sales', adminA, { query: { format: 'csv' } });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.body).toContain('*联系电话 (phones)');
    expect(tpl.body).toContain('外部订单号 (orderNo)');
    const xlsx = await t.get('/api/v1/imports/templates/sales', agentA);
    expect([200, 403]).toContain(xlsx.statusCode);
  });
});
