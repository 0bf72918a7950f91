import ExcelJS from 'exceljs';

/**
 * Spreadsheet exports (Excel and CSV) that are safe to open: a text cell that a spreadsheet would read
 * as a formula (=, +, -, @, or a leading tab / carriage return, OWASP "CSV injection") gets a leading
 * apostrophe, so it is shown as text and never evaluated.
 */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `Content-Disposition` of a download: an ASCII file name for old clients, the Chinese one (RFC 5987) for the rest. */
export function attachment(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export type CellInput = string | number | boolean | Date | null | undefined;

export interface ExportColumn<K extends string = string> {
  key: K;
  header: string;
  /** Excel column width in characters. */
  width?: number;
  /** Excel number format, e.g. '0.00' or 'yyyy-mm-dd'; '@' keeps the column as text. */
  numFmt?: string;
}

export type ExportRow<K extends string = string> = Partial<Record<K, CellInput>>;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Neutralizes formula injection: text starting with = + - @ tab or CR gets a leading apostrophe. */
export function safeCell(value: string): string;
export function safeCell<T extends CellInput>(value: T): T;
export function safeCell(value: CellInput): CellInput {
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}

/** Builds an .xlsx workbook with one sheet: a bold, frozen header row, then the rows. */
export async function toXlsx<K extends string>(
  columns: readonly ExportColumn<K>[],
  rows: Iterable<ExportRow<K>>,
  opts: { sheetName?: string } = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sanitizeSheetName(opts.sheetName ?? 'Sheet1'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  ws.columns = columns.map((c) => ({
    key: c.key,
    header: safeCell(c.header),
    width: c.width ?? Math.min(40, Math.max(10, c.header.length * 2 + 2)),
    ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) {
    const values: Record<string, CellInput> = {};
    for (const c of columns) values[c.key] = xlsxValue(row[c.key]);
    ws.addRow(values);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function xlsxValue(v: CellInput): CellInput {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return safeCell(v);
}

function sanitizeSheetName(name: string): string {
  // Excel: at most 31 characters, none of : \ / ? * [ ]
  return name.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
}

/**
 * RFC 4180 CSV with CRLF line ends. Starts with a UTF-8 byte-order mark (unless `bom: false`) so that
 * Excel opens Chinese text correctly.
 */
export function toCsv<K extends string>(
  columns: readonly ExportColumn<K>[],
  rows: Iterable<ExportRow<K>>,
  opts: { bom?: boolean } = {},
): string {
  const lines = [columns.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(row[c.key])).join(','));
  return `${opts.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

function csvField(v: CellInput): string {
  if (v === undefined || v === null) return '';
  let text: string;
  if (v instanceof Date) text = Number.isNaN(v.getTime()) ? '' : v.toISOString();
  else if (typeof v === 'number') text = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') text = v ? 'true' : 'false';
  else text = safeCell(v);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}
