import ExcelJS from 'exceljs';
import type { Caller, TestApp } from '../../../test/index.ts';

/** Test helpers: multipart uploads and small workbooks. */

export async function multipart(content: Uint8Array | string, filename: string, field = 'file') {
  const fd = new FormData();
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  fd.append(field, new Blob([bytes as Uint8Array<ArrayBuffer>]), filename);
  const res = new Response(fd);
  return { body: Buffer.from(await res.arrayBuffer()), contentType: res.headers.get('content-type')! };
}

export async function upload(
  t: TestApp,
  caller: Caller | null,
  kind: string,
  content: Uint8Array | string,
  opts: { filename?: string; query?: Record<string, string>; headers?: Record<string, string>; field?: string } = {},
) {
  const { body, contentType } = await multipart(content, opts.filename ?? `${kind}.csv`, opts.field);
  return t.request('POST', `/api/v1/imports/${kind}`, caller, {
    headers: { 'content-type': contentType, ...opts.headers },
    ...(opts.query ? { query: opts.query } : {}),
    body,
  });
}

export function csv(rows: (string | number | null)[][]): string {
  const field = (v: string | number | null) => {
    const s = v === null ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

export async function workbook(rows: unknown[][], fill?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r);
  fill?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function countRows(
  t: TestApp,
  table: 'outlets' | 'technicians' | 'regions' | 'service_centers' | 'audit_log' | 'events',
) {
  const row = await t.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
