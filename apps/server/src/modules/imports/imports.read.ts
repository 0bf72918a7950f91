import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import { ImportErrors } from './imports.errors.ts';

/**
 * Reads an uploaded CSV or .xlsx file into header + rows. Row numbers are the sheet's own (header =
 * row 1 in the usual layout). Formula cells give their cached value; nothing is ever evaluated.
 */

/** A cell Excel stored as an error (#N/A) or a formula saved without its computed value. */
export interface CellProblem {
  problem: 'error' | 'no_value';
  text: string;
}
export type CellValue = string | number | boolean | Date | null | CellProblem;

export interface SheetRow {
  row: number;
  /** cells[0] is column A. */
  cells: CellValue[];
}
export interface Table {
  headerRow: number;
  headers: string[];
  rows: SheetRow[];
}

export type FileFormat = 'csv' | 'xlsx';

const XLSX_EXT = new Set(['xlsx']);
const CSV_EXT = new Set(['csv', 'txt', 'tsv']);
/** An .xlsx of 20 000 rows unpacks to a few dozen MB; refuse zip bombs before unpacking. */
const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export function isCellProblem(v: CellValue): v is CellProblem {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** Decides the format from the bytes (and the file name's extension, which must agree). */
export function detectFormat(buf: Uint8Array, filename?: string | null): FileFormat {
  const ext = filename?.includes('.') ? filename.split('.').pop()!.toLowerCase() : null;
  const zip = buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  if (zip) {
    if (ext && !XLSX_EXT.has(ext)) throw new AppError(ImportErrors.IMPORT_UNSUPPORTED_FILE);
    return 'xlsx';
  }
  if (ext && !CSV_EXT.has(ext)) throw new AppError(ImportErrors.IMPORT_UNSUPPORTED_FILE);
  if (utf16Bom(buf)) return 'csv';
  // Binary files (legacy .xls, PDF, images) hold NUL bytes; text never does.
  if (buf.subarray(0, 8192).includes(0)) throw new AppError(ImportErrors.IMPORT_UNSUPPORTED_FILE);
  return 'csv';
}

export async function readTable(buf: Uint8Array, format: FileFormat, maxRows: number): Promise<Table> {
  const raw = format === 'xlsx' ? await readXlsx(buf, maxRows) : readCsv(buf);
  const nonBlank = raw.filter((r) => !isBlank(r.cells));
  const [header, ...rows] = nonBlank;
  if (!header || rows.length === 0) throw new AppError(ImportErrors.IMPORT_EMPTY_FILE);
  if (rows.length > maxRows) throw new AppError(ImportErrors.IMPORT_TOO_MANY_ROWS, { max: maxRows });
  return {
    headerRow: header.row,
    headers: header.cells.map((c) => (c === null || isCellProblem(c) ? '' : cellText(c))),
    rows,
  };
}

function isBlank(cells: CellValue[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/** Text of a plain cell value as a person would read it (dates as YYYY-MM-DD when at midnight). */
export function cellText(v: string | number | boolean | Date): string {
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(v).trim();
}

// ---------- CSV ----------

function utf16Bom(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-8 (with or without BOM), UTF-16 with BOM (Excel "Unicode text"), else GB18030 (Excel on Chinese Windows). */
export function decodeText(buf: Uint8Array): string {
  const utf16 = utf16Bom(buf);
  if (utf16) return new TextDecoder(utf16).decode(buf);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

function readCsv(buf: Uint8Array): SheetRow[] {
  const text = decodeText(buf).replace(/^\uFEFF/, '');
  const firstLine = text.slice(0, text.search(/\r|\n|$/));
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as string[][];
  } catch {
    throw new AppError(ImportErrors.IMPORT_UNREADABLE_FILE);
  }
  // Excel shows one CSV record per row, even when a quoted cell spans lines.
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) }));
}

// ---------- XLSX ----------

/** Names and unpacked sizes from a zip's central directory, or null when it is not a readable zip. */
export function zipEntries(buf: Uint8Array): { name: string; size: number }[] | null {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: { name: string; size: number }[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const size = view.getUint32(at + 24, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    if (at + 46 + nameLen > buf.length) return null;
    entries.push({ name: decoder.decode(buf.subarray(at + 46, at + 46 + nameLen)), size });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function readXlsx(buf: Uint8Array, maxRows: number): Promise<SheetRow[]> {
  const entries = zipEntries(buf);
  if (!entries) throw new AppError(ImportErrors.IMPORT_UNREADABLE_FILE);
  // Another zip-based format (.ods, .docx, .numbers) is not an Excel workbook.
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new AppError(ImportErrors.IMPORT_UNSUPPORTED_FILE);
  // 0xFFFFFFFF marks a Zip64 entry over 4 GB.
  const unpacked = entries.reduce((n, e) => n + e.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES || entries.some((e) => e.size === 0xffffffff)) {
    throw new AppError(CommonErrors.PAYLOAD_TOO_LARGE);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError(ImportErrors.IMPORT_UNREADABLE_FILE);
  }
  const ws = wb.worksheets.find((w) => w.state === 'visible') ?? wb.worksheets[0];
  if (!ws) throw new AppError(ImportErrors.IMPORT_EMPTY_FILE);
  // Header plus maxRows data rows; blank rows are not counted by actualRowCount.
  if (ws.actualRowCount > maxRows + 1) throw new AppError(ImportErrors.IMPORT_TOO_MANY_ROWS, { max: maxRows });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: CellValue[] = [];
    for (let c = 1; c < values.length; c++) cells.push(fromExcel(values[c]));
    rows.push({ row: rowNumber, cells });
  });
  return rows;
}

/** One exceljs cell value → a plain value. Formulas give their cached result and are never evaluated. */
export function fromExcel(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) return { problem: 'no_value', text: '' };
    return fromExcel(o.result);
  }
  if ('error' in o) return { problem: 'error', text: String(o.error) };
  if (Array.isArray(o.richText)) {
    return fromExcel(o.richText.map((p: { text?: unknown }) => String(p?.text ?? '')).join(''));
  }
  if ('text' in o) return fromExcel(o.text);
  return null;
}
