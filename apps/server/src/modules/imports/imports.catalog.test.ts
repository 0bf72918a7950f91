import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { csv, upload } from './imports.fixtures.ts';
import { yuanToFen } from './imports.values.ts';

let t: TestApp;
let adminA: Caller;
let managerA: Caller;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };

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
  const outlet = await f.outlet(brandA.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  managerA = await t.as('outlet_manager', { outletId: outlet.id });
});
afterAll(async () => t?.close());

const MODEL_HEADERS = ['品牌编码', '型号编码', '型号名称', '品类', '规格', '上市日期', '状态'];
const PART_HEADERS = ['品牌编码', '配件编码', '配件名称', '品类', '主要部件', '价格(元)', '保修期(月)', '适用型号'];

describe('yuan to fen', () => {
  it('converts up to two decimals exactly and refuses the rest', () => {
    expect(yuanToFen('128.5')).toBe(12850);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('¥1,288.50')).toBe(128850);
    expect(yuanToFen('￥3元')).toBe(300);
    expect(yuanToFen('0')).toBe(0);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('1.005')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('1.')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
  });
});

describe('POST /imports/models and /imports/parts', () => {
  it('imports models with Chinese headers, category by name and specs', async () => {
    const res = await upload(
      t,
      adminA,
      'models',
      csv([
        MODEL_HEADERS,
        [brandA.code, 'KFR-35GW/BpR3', '变频挂机 1.5匹', '空调', '容量:1.5匹;功率：1200W', '2025/3/1', null],
        [brandA.code, 'KFR-26GW/BpR3', '变频挂机 1匹', 'air_conditioner', null, null, '停用'],
        [brandA.code, 'XQG80', '滚筒洗衣机', 'washer', null, null, '正常'],
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ kind: 'models', created: 3, errors: [] });
    const saved = await t.db
      .selectFrom('product_models')
      .selectAll()
      .where('brand_id', '=', brandA.id)
      .orderBy('code')
      .execute();
    expect(saved.map((m) => [m.code, m.category_code, m.status])).toEqual([
      ['KFR-26GW/BpR3', 'air_conditioner', 'inactive'],
      ['KFR-35GW/BpR3', 'air_conditioner', 'active'],
      ['XQG80', 'washer', 'active'],
    ]);
    const one = await t.get(`/api/v1/models/${saved[1]!.id}`, adminA);
    expect(one.data).toMatchObject({ specs: { 容量: '1.5匹', 功率: '1200W' }, launchedOn: '2025-03-01' });
    const found = await t.get('/api/v1/models', managerA, { query: { q: '挂机' } });
    expect(found.data.total).toBe(2);
  });

  it('imports parts with prices in yuan converted to fen exactly, the main-part flag and fitting models', async () => {
    const res = await upload(
      t,
      adminA,
      'parts',
      csv([
        PART_HEADERS,
        [brandA.code, 'COMP-35', '变频压缩机', '空调', '是', '1288.50', '72', 'KFR-35GW/BpR3;KFR-26GW/BpR3'],
        [brandA.code, 'RC-1', '遥控器', 'air_conditioner', '否', '¥19.9', null, null],
        [brandA.code, 'BELT-1', '皮带', 'washer', null, '0.07', null, null],
      ]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ kind: 'parts', created: 3 });
    const list = await t.get('/api/v1/parts', managerA, { query: { brandId: brandA.id } });
    const byCode = Object.fromEntries(list.data.items.map((p: { code: string }) => [p.code, p]));
    expect(byCode['COMP-35']).toMatchObject({ priceFen: 128850, isMainPart: true, warrantyTermMonths: 72 });
    expect(byCode['COMP-35'].modelIds).toHaveLength(2);
    expect(byCode['RC-1']).toMatchObject({ priceFen: 1990, isMainPart: false, modelIds: [] });
    expect(byCode['BELT-1']).toMatchObject({ priceFen: 7, isMainPart: false, categoryCode: 'washer' });
  });

  it('refuses the whole file on a price with three decimals, an unknown category, model or brand', async () => {
    const before = await t.count('parts');
    const res = await upload(
      t,
      adminA,
      'parts',
      csv([
        PART_HEADERS,
        [brandA.code, 'P-OK', '风扇电机', '空调', '否', '88', null, null],
        [brandA.code, 'P-3DEC', '电容', '空调', '否', '12.345', null, null],
        [brandA.code, 'P-CAT', '显像管', 'television', '否', '10', null, null],
        [brandA.code, 'P-MOD', '主板', '空调', '是', '300', null, 'NO-SUCH'],
        [brandB.code, 'P-FOREIGN', '越权', 'air_conditioner', '否', '1', null, null],
        [brandA.code, 'P-NEG', '负价', '空调', '否', '-3', null, null],
        [brandA.code, 'P-FLAG', '标志', '空调', '也许', '3', null, null],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('IMPORT_HAS_ERRORS');
    expect(
      res.data.details.map((d: { row: number; column: string; code: string }) => [d.row, d.column, d.code]),
    ).toEqual([
      [3, '价格(元)', 'IMPORT_INVALID_PRICE'],
      [4, '品类', 'IMPORT_UNKNOWN_CATEGORY'],
      [5, '适用型号', 'IMPORT_UNKNOWN_MODEL'],
      [6, '品牌编码', 'IMPORT_UNKNOWN_BRAND'],
      [7, '价格(元)', 'IMPORT_INVALID_PRICE'],
      [8, '主要部件', 'IMPORT_INVALID_OPTION'],
    ]);
    expect(await t.count('parts')).toBe(before);
  });

  it('reports existing codes, and an upsert updates prices by code within the brand', async () => {
    const again = await upload(
      t,
      adminA,
      'parts',
      csv([PART_HEADERS, [brandA.code, 'RC-1', '遥控器', '空调', null, '25', null, null]]),
    );
    expect(again.statusCode).toBe(422);
    expect(again.data.details).toEqual([expect.objectContaining({ row: 2, code: 'IMPORT_CODE_EXISTS' })]);
    const upsert = await upload(
      t,
      adminA,
      'parts',
      csv([
        ['品牌编码', '配件编码', '配件名称', '品类', '价格(元)'],
        [brandA.code, 'RC-1', '遥控器', '空调', '25'],
      ]),
      { query: { mode: 'upsert' } },
    );
    expect(upsert.data).toMatchObject({ created: 0, updated: 1 });
    const row = await t.db
      .selectFrom('parts')
      .select(['price_fen', 'is_main_part'])
      .where('brand_id', '=', brandA.id)
      .where('code', '=', 'RC-1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ price_fen: 2500, is_main_part: false });
  });

  it('needs catalog.write: an outlet manager may not import models or parts', async () => {
    const res = await upload(
      t,
      managerA,
      'models',
      csv([MODEL_HEADERS, [brandA.code, 'X', 'x', '空调', null, null, null]]),
    );
    expect(res.statusCode).toBe(403);
    expect((await t.get('/api/v1/imports/templates/parts', managerA)).statusCode).toBe(403);
  });

  it('has a parts template whose headers import as-is, with the price in yuan', async () => {
    const res = await t.get('/api/v1/imports/templates/parts', adminA);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(1).values as string[]).slice(1)).toContain('*价格(元) (priceYuan)');
    ws.addRow([brandA.code, 'TPL-1', '模板配件', '空调', '是', 99.5, 24, 'XQG80', '正常']);
    const imported = await upload(t, adminA, 'parts', Buffer.from(await wb.xlsx.writeBuffer()), {
      filename: 'parts.xlsx',
    });
    // XQG80 is a washer model; parts may still list it (fitting is by brand).
    expect(imported.statusCode, JSON.stringify(imported.data)).toBe(200);
    const row = await t.db
      .selectFrom('parts')
      .select(['price_fen', 'is_main_part', 'warranty_term_months'])
      .where('code', '=', 'TPL-1')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ price_fen: 9950, is_main_part: true, warranty_term_months: 24 });
    const models = await t.get('/api/v1/imports/templates/models', adminA, { query: { format: 'csv' } });
    const csvImport = await upload(t, adminA, 'models', `${models.body}${brandA.code},TPL-M,模板型号,空调,,,,\r\n`);
    expect(csvImport.statusCode, JSON.stringify(csvImport.data)).toBe(200);
  });
});
