import { describe, expect, it } from 'vitest';
import './imports.errors.ts';
import type { CellValue } from './imports.read.ts';
import { BRAND_A, OUTLET_1, OUTLET_ZH, plan, REGION_A, table } from './imports.testkit.ts';
import { collectRefs } from './imports.validate.ts';

describe('technicians', () => {
  const headers = ['工程师编码', '姓名', '手机', '网点编码', '级别', '上岗证号', '上岗证有效期', '技能'];

  it('accepts 2027-12-31, 2027/12/31, Excel date cells and serial numbers', () => {
    const dates: CellValue[] = [
      '2027-12-31',
      '2027/1/5',
      new Date('2027-12-31T00:00:00Z'),
      46752,
      '2027年3月1日',
      null,
    ];
    const p = plan(
      'technicians',
      table(
        headers,
        ...dates.map((d, i): CellValue[] => [`T${i}`, '王伟', '13900001111', 'O1', '高级', 'SG1', d, '空调:安装']),
      ),
    );
    expect(p.errors).toEqual([]);
    expect(p.rows.map((r) => r.input.licenceValidUntil)).toEqual([
      '2027-12-31',
      '2027-01-05',
      '2027-12-31',
      '2027-12-31',
      '2027-03-01',
      undefined,
    ]);
    expect(p.rows[0]!.input).toMatchObject({
      outletId: OUTLET_1,
      level: 'senior',
      skills: [{ categoryCode: 'air_conditioner', serviceType: 'installation' }],
    });
  });

  it('reports bad dates, levels, unknown outlets and missing phones', () => {
    const p = plan(
      'technicians',
      table(
        headers,
        ['T1', '王伟', '13900001111', 'O1', '大师', null, '2027-02-30', 'tv:repair'],
        ['T2', '李娜', null, 'O9', 'junior', null, null, '空调:修理'],
      ),
    );
    expect(p.rows).toEqual([]);
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, '级别', 'IMPORT_INVALID_OPTION'],
      [2, '上岗证有效期', 'IMPORT_INVALID_DATE'],
      [2, '技能', 'IMPORT_UNKNOWN_CATEGORY'],
      [3, '手机', 'IMPORT_REQUIRED'],
      [3, '网点编码', 'IMPORT_UNKNOWN_OUTLET'],
      [3, '技能', 'IMPORT_INVALID_OPTION'],
    ]);
  });

  it('reports formula cells saved without a value and error cells', () => {
    const p = plan(
      'technicians',
      table(headers, [
        'T1',
        { problem: 'no_value', text: '' },
        { problem: 'error', text: '#REF!' },
        'O1',
        '初级',
        null,
        null,
        null,
      ]),
    );
    expect(p.errors.map((e) => [e.column, e.code])).toEqual([
      ['姓名', 'IMPORT_FORMULA_NO_VALUE'],
      ['手机', 'IMPORT_CELL_ERROR'],
    ]);
  });
});

describe('regions and service centers', () => {
  it('resolves the brand and checks province codes', () => {
    const p = plan(
      'regions',
      table(
        ['brandCode', 'code', 'name', 'provinceCodes'],
        ['BA', 'NORTH', '华北大区', '310000、320000'],
        ['BA', 'X', '某区', '990000'],
      ),
    );
    expect(p.rows[0]!.input).toEqual({
      brandId: BRAND_A,
      code: 'NORTH',
      name: '华北大区',
      provinceCodes: ['310000', '320000'],
    });
    expect(p.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'provinceCodes', code: 'IMPORT_UNKNOWN_DIVISION' }),
    ]);
  });

  it("finds the region within the row's brand and requires the brand", () => {
    const p = plan(
      'service_centers',
      table(
        ['品牌编码', '大区编码', '中心编码', '中心名称', '行政区划代码'],
        ['BA', 'EAST', 'SH', '上海中心', '310115'],
        ['BA', 'WEST', 'CD', '成都中心', null],
        [null, 'EAST', 'HZ', '杭州中心', null],
      ),
    );
    expect(p.rows[0]!.input).toEqual({ regionId: REGION_A, code: 'SH', name: '上海中心', divisionCode: '310115' });
    expect(p.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '大区编码', 'IMPORT_UNKNOWN_REGION'],
      [4, '品牌编码', 'IMPORT_REQUIRED'],
    ]);
  });
});

describe('collectRefs', () => {
  it('lists the codes a file mentions', () => {
    const refs = collectRefs(
      'outlets',
      table(OUTLET_ZH, [
        'S1',
        '甲',
        '服务中心',
        '310115004',
        '地址',
        null,
        'BA;BB',
        'EAST',
        '310115;310115125',
        null,
        null,
        null,
        null,
      ]),
    );
    expect(refs).toMatchObject({
      codes: new Set(['S1']),
      brands: new Set(['BA', 'BB']),
      regions: new Set(['EAST']),
      divisions: new Set(['310115004', '310115', '310115125']),
    });
  });
});
