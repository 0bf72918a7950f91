import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { toCsv } from '../../platform/export.ts';
import { countRows, csv, upload, workbook } from './imports.fixtures.ts';

let t: TestApp;
let adminA: Caller;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let outletA: { id: string; code: string };
let outletB: { id: string; code: string };

const OUTLET_HEADERS = [
  '网点编码',
  '网点名称',
  '级别',
  '行政区划代码',
  '地址',
  '电话',
  '品牌编码',
  '大区编码',
  '覆盖区划',
  '授权',
];

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  brandA = await f.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await f.brand();
  await f.region(brandA.id, { code: 'EAST' });
  await f.region(brandB.id, { code: 'EAST' });
  outletA = await f.outlet(brandA.id);
  outletB = await f.outlet(brandB.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

let seq = 0;
const code = (p: string) => `${p}${++seq}`;

function outletRow(over: Partial<Record<(typeof OUTLET_HEADERS)[number], string | null>> = {}) {
  const row: Record<string, string | null> = {
    网点编码: code('IMP-'),
    网点名称: '浦东导入网点',
    级别: '特约维修点',
    行政区划代码: '310115004',
    地址: '上海市浦东新区潍坊路1号',
    电话: '13812341234',
    品牌编码: brandA.code,
    大区编码: 'EAST',
    覆盖区划: '310115;310115125',
    授权: 'air_conditioner:repair;air_conditioner:安装',
    ...over,
  };
  return OUTLET_HEADERS.map((h) => row[h] ?? null);
}

describe('POST /imports/outlets', () => {
  it('imports a good CSV with Chinese headers in one go, with audit rows', async () => {
    const rows = [outletRow(), outletRow({ 级别: '服务中心', 授权: null })];
    const auditBefore = await countRows(t, 'audit_log');
    const res = await upload(t, adminA, 'outlets', csv([OUTLET_HEADERS, ...rows]));
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({
      kind: 'outlets',
      dryRun: false,
      total: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      errors: [],
    });

    const saved = await t.db
      .selectFrom('outlets')
      .selectAll()
      .where('code', '=', rows[0]![0]!)
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ name: '浦东导入网点', tier: 'authorized', division_code: '310115004' });
    const links = await t.db.selectFrom('brand_outlets').selectAll().where('outlet_id', '=', saved.id).execute();
    expect(links).toEqual([expect.objectContaining({ brand_id: brandA.id, region_id: expect.any(String) })]);
    const auths = await t.db
      .selectFrom('outlet_authorizations')
      .select(['category_code', 'service_type'])
      .where('outlet_id', '=', saved.id)
      .orderBy('service_type')
      .execute();
    expect(auths).toEqual([
      { category_code: 'air_conditioner', service_type: 'installation' },
      { category_code: 'air_conditioner', service_type: 'repair' },
    ]);
    const audit = await t.db.selectFrom('audit_log').select(['action', 'brand_id']).orderBy('at').execute();
    expect(audit.length - auditBefore).toBe(3);
    expect(audit.filter((a) => a.action === 'import.outlets')).toEqual([
      { action: 'import.outlets', brand_id: brandA.id },
    ]);
  });

  it('imports a good .xlsx file, taking cached formula values and number cells', async () => {
    const c = code('XL-');
    const buf = await workbook(
      [['code', 'name', 'tier', 'divisionCode', 'address', 'phone', 'brandCodes', 'lng', 'lat']],
      (ws) => {
        ws.addRow([c, null, 'specialist', 310115, '上海市浦东新区', 13900001111, brandA.code, 121.5, 31.2]);
        ws.getCell('B2').value = {
          formula: 'HYPERLINK("http://evil.example","x")',
          result: '公式网点',
        } as ExcelJS.CellFormulaValue;
      },
    );
    const res = await upload(t, adminA, 'outlets', buf, { filename: '网点.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.data.created).toBe(1);
    const saved = await t.db.selectFrom('outlets').selectAll().where('code', '=', c).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({
      name: '公式网点',
      division_code: '310115',
      phone: '13900001111',
      lng: 121.5,
      lat: 31.2,
    });
  });

  it('writes nothing when one row is bad and reports its row and column', async () => {
    const good = outletRow();
    const bad = outletRow({ 级别: '旗舰店' });
    const [outlets, audit, events] = [
      await countRows(t, 'outlets'),
      await countRows(t, 'audit_log'),
      await countRows(t, 'events'),
    ];
    const res = await upload(
      t,
      adminA,
      'outlets',
      csv([OUTLET_HEADERS, good, good.map((v, i) => (i === 0 ? code('IMP-') : v)), bad]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.data).toMatchObject({ code: 'IMPORT_HAS_ERRORS', detail: '导入文件有 1 处错误，未导入任何数据' });
    expect(res.data.details).toEqual([
      { row: 4, column: '级别', code: 'IMPORT_INVALID_OPTION', message: expect.stringContaining('「旗舰店」无效') },
    ]);
    expect([await countRows(t, 'outlets'), await countRows(t, 'audit_log'), await countRows(t, 'events')]).toEqual([
      outlets,
      audit,
      events,
    ]);
  });

  it('rolls back every row when a command refuses a row, and reports that row', async () => {
    const first = outletRow();
    // The same code twice is caught before writing; a parent in a cycle is only caught by the command.
    const parentLater = outletRow({ 网点编码: code('CYC-') });
    const before = await countRows(t, 'outlets');
    const headers = [...OUTLET_HEADERS, '经度'];
    // Longitude without latitude passes the schema but the outlet command refuses it.
    const res = await upload(t, adminA, 'outlets', csv([headers, [...first, null], [...parentLater, '121.5']]), {
      headers: { 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('IMPORT_HAS_ERRORS');
    expect(res.data.details).toEqual([
      {
        row: 3,
        column: null,
        code: 'OUTLET_COORDINATES_INCOMPLETE',
        message: expect.stringMatching(/^Could not be written: /),
      },
    ]);
    expect(await countRows(t, 'outlets')).toBe(before);
  });

  it('answers in English with English headers', async () => {
    const res = await upload(
      t,
      adminA,
      'outlets',
      csv([
        ['code', 'name', 'tier', 'divisionCode', 'address', 'brandCodes'],
        ['EN-1', '', 'authorized', '310115', 'addr', brandA.code],
      ]),
      { headers: { 'accept-language': 'en-US' } },
    );
    expect(res.statusCode).toBe(422);
    expect(res.data.detail).toBe('The file has 1 error(s); nothing was imported');
    expect(res.data.details).toEqual([
      { row: 2, column: 'name', code: 'IMPORT_REQUIRED', message: 'This value is required' },
    ]);
  });

  it('dry run checks and counts but writes nothing', async () => {
    const before = [await countRows(t, 'outlets'), await countRows(t, 'audit_log'), await countRows(t, 'events')];
    const res = await upload(t, adminA, 'outlets', csv([OUTLET_HEADERS, outletRow(), outletRow()]), {
      query: { dryRun: 'true' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ dryRun: true, total: 2, created: 2, updated: 0, unchanged: 0, errors: [] });
    expect([await countRows(t, 'outlets'), await countRows(t, 'audit_log'), await countRows(t, 'events')]).toEqual(
      before,
    );
  });

  it('dry run of a bad file answers 200 with the row errors, writing nothing', async () => {
    const before = await countRows(t, 'outlets');
    const res = await upload(
      t,
      adminA,
      'outlets',
      csv([OUTLET_HEADERS, outletRow(), outletRow({ 行政区划代码: '999999' })]),
      {
        query: { dryRun: 'true' },
      },
    );
    expect(res.statusCode).toBe(200);
    expect(res.data).toEqual({
      kind: 'outlets',
      dryRun: true,
      total: 2,
      created: 0,
      updated: 0,
      unchanged: 0,
      errors: [
        { row: 3, column: '行政区划代码', code: 'IMPORT_UNKNOWN_DIVISION', message: '行政区划代码「999999」不存在' },
      ],
    });
    expect(await countRows(t, 'outlets')).toBe(before);
  });

  it("refuses another brand's codes row by row (scope), writing nothing", async () => {
    const before = await countRows(t, 'outlets');
    const res = await upload(
      t,
      adminA,
      'outlets',
      csv([
        OUTLET_HEADERS,
        outletRow(),
        outletRow({ 品牌编码: brandB.code }),
        outletRow({ 品牌编码: `${brandA.code}、${brandB.code}` }),
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(
      res.data.details.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code]),
    ).toEqual([
      [3, '品牌编码', 'IMPORT_UNKNOWN_BRAND'],
      [4, '品牌编码', 'IMPORT_UNKNOWN_BRAND'],
    ]);
    expect(res.data.details[0].message).toContain(brandB.code);
    expect(await countRows(t, 'outlets')).toBe(before);
    // Upserting a foreign outlet by its code is refused the same way: the code is simply taken.
    const upsert = await upload(t, adminA, 'outlets', csv([OUTLET_HEADERS, outletRow({ 网点编码: outletB.code })]), {
      query: { mode: 'upsert' },
    });
    expect(upsert.data.details).toEqual([
      expect.objectContaining({ row: 2, column: '网点编码', code: 'IMPORT_CODE_EXISTS' }),
    ]);
  });

  it('upserts: existing outlets are updated from the filled-in cells, new ones created', async () => {
    const fresh = code('UP-');
    const res = await upload(
      t,
      adminA,
      'outlets',
      csv([
        ['网点编码', '网点名称', '级别', '状态', '行政区划代码', '地址', '品牌编码', '电话'],
        [outletA.code, '改名网点', '专修部', '暂停', '310115004', '新地址', brandA.code, null],
        [fresh, '新网点', '专修部', null, '310115', '地址', brandA.code, null],
      ]),
      { query: { mode: 'upsert' } },
    );
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ total: 2, created: 1, updated: 1 });
    const updated = await t.db.selectFrom('outlets').selectAll().where('id', '=', outletA.id).executeTakeFirstOrThrow();
    // The blank phone cell left the phone alone.
    expect(updated).toMatchObject({ name: '改名网点', tier: 'specialist', status: 'suspended', phone: '13812341234' });
    const create = await upload(t, adminA, 'outlets', csv([OUTLET_HEADERS, outletRow({ 网点编码: outletA.code })]));
    expect(create.data.details).toEqual([expect.objectContaining({ code: 'IMPORT_CODE_EXISTS' })]);
  });
});

describe('formula injection', () => {
  it('stores formula-looking text as text, and exports it neutralized', async () => {
    const c = code('FX-');
    const res = await upload(t, adminA, 'outlets', csv([OUTLET_HEADERS, outletRow({ 网点编码: c, 网点名称: '=1+2' })]));
    expect(res.statusCode).toBe(200);
    const saved = await t.db
      .selectFrom('outlets')
      .select(['code', 'name'])
      .where('code', '=', c)
      .executeTakeFirstOrThrow();
    expect(saved.name).toBe('=1+2');
    const out = toCsv(
      [
        { key: 'code', header: 'code' },
        { key: 'name', header: 'name' },
      ],
      [saved],
      { bom: false },
    );
    expect(out).toBe(`code,name\r\n${c},'=1+2\r\n`);
  });
});
