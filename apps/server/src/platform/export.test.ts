import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ExportColumn, safeCell, toCsv, toXlsx } from './export.ts';

const columns: ExportColumn<'code' | 'name' | 'qty' | 'at'>[] = [
  { key: 'code', header: '编码', numFmt: '@' },
  { key: 'name', header: '名称' },
  { key: 'qty', header: 'qty' },
  { key: 'at', header: 'at' },
];

describe('safeCell', () => {
  it('prefixes text a spreadsheet would read as a formula', () => {
    for (const bad of ['=1+2', '+86 138', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","y")']) {
      expect(safeCell(bad)).toBe(`'${bad}`);
    }
  });

  it('leaves ordinary values alone', () => {
    for (const ok of ['浦东服务网点', 'a=b', ' =x', '', '13812341234']) expect(safeCell(ok)).toBe(ok);
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(null)).toBeNull();
    expect(safeCell(true)).toBe(true);
    const d = new Date('2026-01-01T00:00:00Z');
    expect(safeCell(d)).toBe(d);
  });
});

describe('toCsv', () => {
  it('writes a BOM, CRLF lines, RFC 4180 quoting and neutralized formulas', () => {
    const csv = toCsv(columns, [
      { code: 'O1', name: '网点,"甲"', qty: 3, at: new Date('2026-03-15T02:00:00Z') },
      { code: '=cmd|/c calc', name: 'line\nbreak', qty: -1, at: null },
      { code: '@x' },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '编码,名称,qty,at',
      'O1,"网点,""甲""",3,2026-03-15T02:00:00.000Z',
      `'=cmd|/c calc,"line\nbreak",-1,`,
      `'@x,,,`,
      '',
    ]);
  });

  it('can leave out the BOM', () => {
    expect(toCsv(columns, [], { bom: false })).toBe('编码,名称,qty,at\r\n');
  });
});

describe('toXlsx', () => {
  it('writes typed cells and neutralizes formula text', async () => {
    const buf = await toXlsx(
      columns,
      [
        { code: '001', name: '=1+1', qty: 2.5, at: new Date('2026-03-15T00:00:00Z') },
        { code: '+cmd', name: null, qty: Number.NaN },
      ],
      { sheetName: 'a/b:c' },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('a_b_c');
    expect(ws.getRow(1).values).toEqual([undefined, '编码', '名称', 'qty', 'at']);
    expect(ws.getCell('A2').value).toBe('001');
    expect(ws.getCell('B2').value).toBe("'=1+1");
    expect(ws.getCell('B2').formula).toBeUndefined();
    expect(ws.getCell('C2').value).toBe(2.5);
    expect(ws.getCell('D2').value).toEqual(new Date('2026-03-15T00:00:00Z'));
    expect(ws.getCell('A3').value).toBe("'+cmd");
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
