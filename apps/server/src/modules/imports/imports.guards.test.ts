import { IMPORT_KINDS } from '@aftercare/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { countRows, csv, upload } from './imports.fixtures.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let managerA: Caller;
let agentA: Caller;
let brandA: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('platform_admin');
  brandA = await t.factories.brand();
  const outletA = await t.factories.outlet(brandA.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  managerA = await t.as('outlet_manager', { outletId: outletA.id });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

const REGION_CSV = () =>
  csv([
    ['brandCode', 'code', 'name'],
    [brandA.code, 'R1', '华东大区'],
  ]);

describe('import guards', () => {
  it('needs the capability of the kind it writes', async () => {
    expect((await upload(t, null, 'regions', REGION_CSV())).statusCode).toBe(401);
    const agent = await upload(t, agentA, 'regions', REGION_CSV());
    expect(agent.statusCode).toBe(403);
    expect(agent.data.code).toBe('FORBIDDEN');
    // An outlet manager may import technicians (technicians.write) but not network data.
    expect((await upload(t, managerA, 'outlets', REGION_CSV())).statusCode).toBe(403);
    expect((await t.get('/api/v1/imports/templates/outlets', managerA)).statusCode).toBe(403);
    expect((await t.get('/api/v1/imports/templates/technicians', managerA)).statusCode).toBe(200);
  });

  it('rejects unknown kinds and query values', async () => {
    expect((await upload(t, admin, 'customers', REGION_CSV())).data.code).toBe('VALIDATION_FAILED');
    expect((await upload(t, admin, 'regions', REGION_CSV(), { query: { mode: 'merge' } })).statusCode).toBe(400);
    expect((await upload(t, admin, 'regions', REGION_CSV(), { query: { dryRun: 'yes' } })).statusCode).toBe(400);
    expect((await upload(t, admin, 'regions', REGION_CSV(), { query: { extra: '1' } })).statusCode).toBe(400);
  });

  it('needs a multipart upload in the field "file"', async () => {
    const json = await t.post('/api/v1/imports/regions', admin, { rows: [] });
    expect(json.statusCode).toBe(400);
    expect(json.data.code).toBe('IMPORT_NO_FILE');
    const field = await upload(t, admin, 'regions', REGION_CSV(), { field: 'upload' });
    expect(field.data.code).toBe('IMPORT_NO_FILE');
    const raw = await t.request('POST', '/api/v1/imports/regions', admin, {
      headers: { 'content-type': 'text/csv' },
      body: REGION_CSV(),
    });
    expect(raw.statusCode).toBe(415);
  });

  it('rejects unknown file types with 415 and a code', async () => {
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    for (const [content, filename] of [
      [xls, 'old.xls'],
      [Buffer.from('%PDF-1.7\n%\x00\x01'), 'scan.pdf'],
      [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo'],
    ] as const) {
      const res = await upload(t, admin, 'regions', content, { filename });
      expect(res.statusCode, filename).toBe(415);
      expect(res.data.code).toBe('IMPORT_UNSUPPORTED_FILE');
    }
  });

  it('refuses empty files, broken workbooks and header problems', async () => {
    expect((await upload(t, admin, 'regions', 'brandCode,code,name\r\n')).data.code).toBe('IMPORT_EMPTY_FILE');
    const broken = await upload(t, admin, 'regions', Buffer.from('PK\x03\x04 not really a zip'), {
      filename: 'a.xlsx',
    });
    expect(broken.data.code).toBe('IMPORT_UNREADABLE_FILE');
    const headers = await upload(
      t,
      admin,
      'regions',
      csv([
        ['品牌编码', '名字'],
        [brandA.code, 'x'],
      ]),
    );
    expect(headers.statusCode).toBe(422);
    expect(headers.data.details).toEqual([
      expect.objectContaining({ row: 1, column: '名字', code: 'IMPORT_UNKNOWN_COLUMN' }),
      expect.objectContaining({ row: 1, code: 'IMPORT_MISSING_COLUMN' }),
      expect.objectContaining({ row: 1, code: 'IMPORT_MISSING_COLUMN' }),
    ]);
  });

  it('allows at most 20 000 rows per file', async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => `${brandA.code},R${i},大区${i}`);
    const res = await upload(t, admin, 'regions', `brandCode,code,name\n${rows.join('\n')}\n`);
    expect(res.statusCode).toBe(413);
    expect(res.data.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(res.data.detail).toContain('20000');
    expect(await countRows(t, 'regions')).toBe(0);
  });
});

describe('GET /imports/templates/:kind', () => {
  it('returns an .xlsx with Chinese and English headers that imports as-is', async () => {
    const res = await t.get('/api/v1/imports/templates/regions', adminA);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('regions-template.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual([
      '*品牌编码 (brandCode)',
      '*大区编码 (code)',
      '*大区名称 (name)',
      '省份代码 (provinceCodes)',
      '负责人 (managerName)',
      '电话 (phone)',
    ]);
    expect(ws.actualRowCount).toBe(1);
    expect(wb.worksheets[1]!.name).toBe('说明 notes');

    ws.addRow([brandA.code, 'TPL', '模板大区', '310000', null, '021-12345678']);
    const filled = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await upload(t, adminA, 'regions', filled, { filename: '大区.xlsx' });
    expect(imported.statusCode).toBe(200);
    expect(imported.data).toMatchObject({ kind: 'regions', created: 1 });
  });

  it('also comes as CSV, which imports once filled in', async () => {
    const res = await t.get('/api/v1/imports/templates/regions', adminA, { query: { format: 'csv' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe(
      '\uFEFF*品牌编码 (brandCode),*大区编码 (code),*大区名称 (name),省份代码 (provinceCodes),负责人 (managerName),电话 (phone)\r\n',
    );
    const imported = await upload(t, adminA, 'regions', `${res.body}${brandA.code},CSV1,CSV大区,,,\r\n`);
    expect(imported.statusCode).toBe(200);
    expect(imported.data.created).toBe(1);
  });

  it('has a template for every kind', async () => {
    for (const kind of IMPORT_KINDS) {
      const res = await t.get(`/api/v1/imports/templates/${kind}`, admin);
      expect(res.statusCode, kind).toBe(200);
    }
    expect((await t.get('/api/v1/imports/templates/nothing', admin)).statusCode).toBe(400);
  });
});
