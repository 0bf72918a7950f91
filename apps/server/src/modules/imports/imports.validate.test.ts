import { describe, expect, it } from 'vitest';
import './imports.errors.ts';
import { COLUMNS, matchHeaders, templateHeader } from './imports.columns.ts';
import { PLACEHOLDER_ID } from './imports.mapping.ts';
import type { CellValue } from './imports.read.ts';
import { BRAND_A, EXISTING_OUTLET, OUTLET_1, OUTLET_ZH, plan, REGION_A, resolver, table } from './imports.testkit.ts';

describe('headers', () => {
  it('accepts Chinese, English and the template form', () => {
    const zh = matchHeaders('outlets', ['网点编码', '网点名称']);
    expect(zh.index.get('code')).toBe(0);
    const en = matchHeaders('outlets', ['Code', 'capacity per day', 'brand_codes', 'LNG']);
    expect([...en.index.keys()]).toEqual(['code', 'capacityPerDay', 'brandCodes', 'lng']);
    const tpl = matchHeaders('outlets', COLUMNS.outlets.map(templateHeader));
    expect(tpl.errors).toEqual([]);
    expect(tpl.index.size).toBe(COLUMNS.outlets.length);
    expect(matchHeaders('technicians', ['工程师编码/code', '姓名\nname']).index.get('name')).toBe(1);
  });

  it('reports unknown, repeated and missing columns on the header row', () => {
    const p = plan('regions', table(['品牌编码', 'brandCode', '大区名称', '备注'], ['BA', 'BA', '华东', 'x']));
    expect(p.rows).toEqual([]);
    expect(p.errors).toEqual([
      { row: 1, column: 'brandCode', code: 'IMPORT_DUPLICATE_COLUMN', message: '列「brandCode」重复' },
      {
        row: 1,
        column: '备注',
        code: 'IMPORT_UNKNOWN_COLUMN',
        message: expect.stringContaining('无法识别的列「备注」'),
      },
      { row: 1, column: '大区编码 (code)', code: 'IMPORT_MISSING_COLUMN', message: '缺少必填列「大区编码 (code)」' },
    ]);
  });
});

describe('outlets', () => {
  it('turns a row with Chinese headers and labels into the create input', () => {
    const p = plan(
      'outlets',
      table(OUTLET_ZH, [
        'SH-001',
        '浦东服务网点',
        '特约维修点',
        310115004,
        '上海市浦东新区潍坊路100号',
        13812341234,
        'BA',
        'EAST',
        '310115;310115125',
        '空调:维修;air_conditioner:installation；washer:repair',
        '30',
        121.5,
        '31.23',
      ]),
    );
    expect(p.errors).toEqual([]);
    expect(p.rows).toEqual([
      {
        row: 2,
        op: 'create',
        input: {
          code: 'SH-001',
          name: '浦东服务网点',
          tier: 'authorized',
          status: 'active',
          capacityPerDay: 30,
          divisionCode: '310115004',
          address: '上海市浦东新区潍坊路100号',
          lat: 31.23,
          lng: 121.5,
          phone: '13812341234',
          brands: [{ brandId: BRAND_A, regionId: REGION_A, centerId: null }],
          coverage: ['310115', '310115125'],
          authorizations: [
            { brandId: BRAND_A, categoryCode: 'air_conditioner', serviceType: 'repair' },
            { brandId: BRAND_A, categoryCode: 'air_conditioner', serviceType: 'installation' },
            { brandId: BRAND_A, categoryCode: 'washer', serviceType: 'repair' },
          ],
        },
      },
    ]);
  });

  it('reports every bad cell with its row and the column as written in the file', () => {
    const p = plan(
      'outlets',
      table(
        OUTLET_ZH,
        ['OK-1', '甲', '服务中心', '310115', '地址', null, 'BA', null, null, null, null, null, null],
        [
          'BAD 2',
          '',
          '旗舰店',
          '999999',
          '地址',
          'abc-def',
          'BA、BB',
          'WEST',
          '310115;12',
          '空调;tv:repair',
          'many',
          500,
          null,
        ],
      ),
    );
    expect(p.rows.map((r) => r.row)).toEqual([2]);
    const byColumn = Object.fromEntries([...p.errors].reverse().map((e) => [e.column, e])); // first per column
    expect(p.errors.every((e) => e.row === 3)).toBe(true);
    expect(byColumn.网点编码).toMatchObject({
      code: 'IMPORT_INVALID_VALUE',
      message: '「BAD 2」无效：只能包含字母、数字、_ 和 -',
    });
    expect(byColumn.网点名称).toMatchObject({ code: 'IMPORT_REQUIRED' });
    expect(byColumn.级别).toMatchObject({ code: 'IMPORT_INVALID_OPTION' });
    expect(byColumn.行政区划代码).toMatchObject({ code: 'IMPORT_UNKNOWN_DIVISION' });
    expect(byColumn.电话).toMatchObject({
      code: 'IMPORT_INVALID_VALUE',
      message: '「abc-def」无效：电话号码格式不正确',
    });
    expect(byColumn.品牌编码).toMatchObject({ code: 'IMPORT_UNKNOWN_BRAND', message: expect.stringContaining('BB') });
    expect(byColumn.大区编码).toMatchObject({ code: 'IMPORT_UNKNOWN_REGION' });
    expect(byColumn.覆盖区划).toMatchObject({ code: 'IMPORT_INVALID_VALUE' });
    expect(byColumn.授权).toMatchObject({ code: 'IMPORT_INVALID_PAIR' });
    expect(byColumn.日接单能力).toMatchObject({ code: 'IMPORT_INVALID_NUMBER' });
    expect(byColumn.经度).toMatchObject({ code: 'IMPORT_INVALID_VALUE' });
  });

  it("does not resolve another brand's codes (scope) and reports categories the brand lacks", () => {
    const p = plan(
      'outlets',
      table(
        ['code', 'name', 'tier', 'divisionCode', 'address', 'brandCodes', 'authorizations'],
        ['X1', '乙', 'specialist', '310115', '地址', 'BA', 'tv:repair'],
      ),
    );
    expect(p.errors).toEqual([
      {
        row: 2,
        column: 'authorizations',
        code: 'IMPORT_UNKNOWN_CATEGORY',
        message: '品类「tv」不属于相关品牌',
      },
    ]);
  });

  it('finds codes repeated in the file and codes that already exist', () => {
    const headers = ['code', 'name', 'tier', 'divisionCode', 'address', 'brandCodes'];
    const row = (code: string): CellValue[] => [code, '甲', 'authorized', '310115', '地址', 'BA'];
    const res = resolver({ existing: { 'outlets:TAKEN': { id: EXISTING_OUTLET, visible: false } } });
    const p = plan('outlets', table(headers, row('A1'), row('A1'), row('TAKEN')), {}, res);
    expect(p.errors).toEqual([
      { row: 3, column: 'code', code: 'IMPORT_DUPLICATE_IN_FILE', message: '编码「A1」与第 2 行重复' },
      { row: 4, column: 'code', code: 'IMPORT_CODE_EXISTS', message: '编码「TAKEN」已存在' },
    ]);
  });

  it('upserts visible outlets with only the filled-in cells, and never foreign ones', () => {
    const headers = ['code', 'name', 'tier', 'status', 'divisionCode', 'address', 'brandCodes', 'phone'];
    const res = resolver({
      existing: {
        'outlets:MINE': { id: EXISTING_OUTLET, visible: true },
        'outlets:THEIRS': { id: PLACEHOLDER_ID, visible: false },
      },
    });
    const p = plan(
      'outlets',
      table(
        headers,
        ['MINE', '新名', '专修部', null, '310115', '地址', 'BA', null],
        ['THEIRS', '乙', '专修部', null, '310115', '地址', 'BA', null],
        ['NEW', '丙', '专修部', '暂停', '310115', '地址', 'BA', null],
      ),
      { mode: 'upsert' },
      res,
    );
    expect(p.errors).toEqual([expect.objectContaining({ row: 3, code: 'IMPORT_CODE_EXISTS' })]);
    expect(p.rows[0]).toMatchObject({ row: 2, op: 'update', id: EXISTING_OUTLET });
    expect(p.rows[0]!.filled).toEqual(['code', 'name', 'tier', 'divisionCode', 'address', 'brands']);
    expect(p.rows[1]).toMatchObject({ row: 4, op: 'create', input: { status: 'suspended' } });
  });

  it('lets an outlet name an earlier row as its parent', () => {
    const headers = ['code', 'name', 'tier', 'divisionCode', 'address', 'brandCodes', 'parentCode'];
    const p = plan(
      'outlets',
      table(
        headers,
        ['P1', '核心网点', '服务中心', '310115', '地址', 'BA', null],
        ['C1', '下级网点', '特约维修点', '310115', '地址', 'BA', 'P1'],
        ['C2', '下级网点', '特约维修点', '310115', '地址', 'BA', 'O1'],
        ['C3', '下级网点', '特约维修点', '310115', '地址', 'BA', 'LATER'],
        ['LATER', '后面的网点', '服务中心', '310115', '地址', 'BA', null],
      ),
    );
    expect(p.rows[1]).toMatchObject({ row: 3, deferredParent: 'P1', input: { parentOutletId: PLACEHOLDER_ID } });
    expect(p.rows[2]).toMatchObject({ row: 4, input: { parentOutletId: OUTLET_1 } });
    expect(p.errors).toEqual([
      expect.objectContaining({ row: 5, column: 'parentCode', code: 'IMPORT_UNKNOWN_OUTLET' }),
    ]);
  });

  it('reports in English when asked', () => {
    const p = plan(
      'outlets',
      table(
        ['code', 'name', 'tier', 'divisionCode', 'address', 'brandCodes'],
        ['E1', '甲', 'shop', '310115', '地址', 'BB'],
      ),
      { locale: 'en-US' },
    );
    expect(p.errors.map((e) => e.message)).toEqual([
      '"shop" is not valid; choose one of: 服务中心/service_center, 专修部/specialist, 特约维修点/authorized',
      'Brand code "BB" does not exist or is not yours to manage',
    ]);
  });

  it('caps the list of errors but keeps counting', () => {
    const rows = Array.from({ length: 30 }, (_, i): CellValue[] => [`B${i}`, null]);
    const p = plan('outlets', table(['code', 'name', 'tier', 'divisionCode', 'address', 'brandCodes'], ...rows), {
      maxErrors: 10,
    });
    expect(p.errors).toHaveLength(10);
    expect(p.errorCount).toBe(30 * 5);
  });
});
