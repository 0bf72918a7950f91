import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import './imports.errors.ts';
import { decodeText, detectFormat, fromExcel, readTable, zipEntries } from './imports.read.ts';

async function xlsx(fill: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('网点'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('detectFormat', () => {
  it('recognizes xlsx by its zip signature and CSV text', async () => {
    expect(detectFormat(await xlsx(() => {}), 'a.xlsx')).toBe('xlsx');
    expect(detectFormat(await xlsx(() => {}), null)).toBe('xlsx');
    expect(detectFormat(Buffer.from('code,name\n'), '网点.csv')).toBe('csv');
    expect(detectFormat(Buffer.from('code\tname\n'), 'x.txt')).toBe('csv');
    expect(detectFormat(Buffer.from('\ufeffcode,name\n'), undefined)).toBe('csv');
  });

  it('rejects other file types with a code', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(await codeOf(() => detectFormat(ole, 'old.xls'))).toBe('IMPORT_UNSUPPORTED_FILE');
    expect(await codeOf(() => detectFormat(ole, null))).toBe('IMPORT_UNSUPPORTED_FILE');
    expect(await codeOf(() => detectFormat(Buffer.from('%PDF-1.7'), 'a.pdf'))).toBe('IMPORT_UNSUPPORTED_FILE');
    expect(await codeOf(async () => detectFormat(await xlsx(() => {}), 'a.csv'))).toBe('IMPORT_UNSUPPORTED_FILE');
    expect(await codeOf(() => detectFormat(Buffer.from('a,b'), 'a.xlsx'))).toBe('IMPORT_UNSUPPORTED_FILE');
    expect(await codeOf(() => detectFormat(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'a.png'))).toBe(
      'IMPORT_UNSUPPORTED_FILE',
    );
  });
});

describe('CSV', () => {
  it('decodes UTF-8 with BOM, GB18030 and UTF-16', () => {
    expect(decodeText(Buffer.from('\ufeff网点', 'utf8'))).toBe('网点');
    expect(decodeText(Buffer.from([0xcd, 0xf8, 0xb5, 0xe3]))).toBe('网点');
    expect(decodeText(Buffer.from('\ufeff网点', 'utf16le'))).toBe('网点');
  });

  it('keeps the sheet row numbers across blank lines and multi-line cells', async () => {
    const csv = '\ufeff网点编码,网点名称\r\nO1,"甲\n网点"\r\n\r\n,\r\nO2,乙\r\n';
    const t = await readTable(Buffer.from(csv), 'csv', 100);
    expect(t.headerRow).toBe(1);
    expect(t.headers).toEqual(['网点编码', '网点名称']);
    expect(t.rows).toEqual([
      { row: 2, cells: ['O1', '甲\n网点'] },
      { row: 5, cells: ['O2', '乙'] },
    ]);
  });

  it('reads tab-separated text and GB18030 files', async () => {
    const t = await readTable(Buffer.from('code\tname\nO1\t甲\n'), 'csv', 100);
    expect(t.rows[0]!.cells).toEqual(['O1', '甲']);
    const gbk = Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xcd, 0xf8, 0xb5, 0xe3, 0x0a]); // "code\n网点\n"
    expect((await readTable(gbk, 'csv', 100)).rows[0]!.cells).toEqual(['网点']);
  });

  it('keeps formula-looking text as text: nothing is evaluated', async () => {
    const t = await readTable(Buffer.from('name\n"=HYPERLINK(""http://x"",""y"")"\n'), 'csv', 100);
    expect(t.rows[0]!.cells).toEqual(['=HYPERLINK("http://x","y")']);
  });

  it('refuses empty files, too many rows and broken quoting', async () => {
    expect(await codeOf(readTable(Buffer.from(''), 'csv', 10))).toBe('IMPORT_EMPTY_FILE');
    expect(await codeOf(readTable(Buffer.from('code,name\n'), 'csv', 10))).toBe('IMPORT_EMPTY_FILE');
    expect(await codeOf(readTable(Buffer.from('code\n1\n2\n3\n'), 'csv', 2))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(await codeOf(readTable(Buffer.from('code\n1\n2\n'), 'csv', 2))).toBe('no error');
    expect(await codeOf(readTable(Buffer.from('code\n"1\n'), 'csv', 2))).toBe('IMPORT_UNREADABLE_FILE');
  });
});

describe('XLSX', () => {
  it('reads values, cached formula results, dates, rich text and links with sheet row numbers', async () => {
    const buf = await xlsx((ws) => {
      ws.getRow(1).values = ['网点编码', '网点名称', '日期', '数量'];
      ws.getRow(2).values = ['O1', '甲', new Date('2027-12-31T00:00:00Z'), 5];
      // Row 3 left blank on purpose.
      ws.getCell('A4').value = { formula: 'CONCAT("O","2")', result: 'O2' } as ExcelJS.CellFormulaValue;
      ws.getCell('B4').value = { richText: [{ text: '乙' }, { text: '网点' }] };
      ws.getCell('C4').value = { text: '链接', hyperlink: 'http://example.com' };
      ws.getCell('D4').value = { formula: 'D2*1000' } as ExcelJS.CellFormulaValue;
      ws.getCell('A5').value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    });
    const t = await readTable(buf, 'xlsx', 100);
    expect(t.headers).toEqual(['网点编码', '网点名称', '日期', '数量']);
    expect(t.rows.map((r) => r.row)).toEqual([2, 4, 5]);
    expect(t.rows[0]!.cells).toEqual(['O1', '甲', new Date('2027-12-31T00:00:00Z'), 5]);
    expect(t.rows[1]!.cells).toEqual(['O2', '乙网点', '链接', { problem: 'no_value', text: '' }]);
    expect(t.rows[2]!.cells).toEqual([{ problem: 'error', text: '#N/A' }]);
  });

  it('uses the cached value of a formula, never its evaluation', () => {
    expect(fromExcel({ formula: 'HYPERLINK("http://evil","x")', result: 'shown' })).toBe('shown');
    expect(fromExcel({ sharedFormula: 'A1', result: 7 })).toBe(7);
    expect(fromExcel({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ problem: 'error', text: '#DIV/0!' });
    expect(fromExcel('  ')).toBeNull();
  });

  it('refuses too many rows, broken zips and zip bombs', async () => {
    const big = await xlsx((ws) => {
      ws.addRow(['code']);
      for (let i = 0; i < 5; i++) ws.addRow([`O${i}`]);
    });
    expect(await codeOf(readTable(big, 'xlsx', 4))).toBe('IMPORT_TOO_MANY_ROWS');
    expect(await codeOf(readTable(big, 'xlsx', 5))).toBe('no error');
    expect(await codeOf(readTable(big.subarray(0, 200), 'xlsx', 5))).toBe('IMPORT_UNREADABLE_FILE');

    // Claim that one entry unpacks to 300 MB.
    const bomb = Buffer.from(big);
    const entries = zipEntries(bomb)!;
    expect(entries.some((e) => e.name === 'xl/workbook.xml')).toBe(true);
    const cd = bomb.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bomb.writeUInt32LE(300 * 1024 * 1024, cd + 24);
    expect(await codeOf(readTable(bomb, 'xlsx', 5))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a zip that is not an Excel workbook', async () => {
    const buf = await xlsx(() => {});
    const notExcel = Buffer.from(buf.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmX'), 'latin1');
    expect(await codeOf(readTable(notExcel, 'xlsx', 5))).toBe('IMPORT_UNSUPPORTED_FILE');
  });
});
