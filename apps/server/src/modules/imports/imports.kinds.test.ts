import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { countRows, csv, upload, workbook } from './imports.fixtures.ts';

let t: TestApp;
let admin: Caller;
let adminA: Caller;
let managerA: Caller;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let outletA: { id: string; code: string };
let outletB: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp();
  const f = t.factories;
  admin = await t.as('platform_admin');
  brandA = await f.brand({ categories: ['air_conditioner', 'washer'] });
  brandB = await f.brand();
  outletA = await f.outlet(brandA.id);
  outletB = await f.outlet(brandB.id);
  adminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  managerA = await t.as('outlet_manager', { outletId: outletA.id });
});
afterAll(async () => t?.close());

let seq = 0;
const code = (p: string) => `${p}${++seq}`;

describe('POST /imports/technicians', () => {
  const headers = ['工程师编码', '姓名', '手机', '网点编码', '级别', '上岗证号', '上岗证有效期', '技能'];

  it('lets the outlet manager import into their outlet, with every date form', async () => {
    const buf = await workbook([headers], (ws) => {
      ws.addRow([
        code('TA'),
        '王伟',
        '13900001111',
        outletA.code,
        '高级',
        'SG1',
        new Date(Date.UTC(2027, 11, 31)),
        'air_conditioner:repair',
      ]);
      ws.addRow([code('TA'), '李娜', '13900002222', outletA.code, 'junior', 'SG2', '2027/6/30', null]);
      ws.addRow([code('TA'), '赵强', '13900003333', outletA.code, '专家', null, null, 'air_conditioner:维修']);
    });
    const res = await upload(t, managerA, 'technicians', buf, { filename: 'technicians.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ kind: 'technicians', created: 3 });
    const saved = await t.db
      .selectFrom('technicians')
      .select(['name', 'level', 'licence_valid_until'])
      .where('outlet_id', '=', outletA.id)
      .where('name', 'in', ['王伟', '李娜'])
      .orderBy('name')
      .execute();
    expect(saved.map((s) => [s.name, s.level, String(s.licence_valid_until).slice(0, 10)])).toEqual([
      ['李娜', 'junior', expect.stringMatching(/2027-06-30|Wed Jun 30 2027/)],
      ['王伟', 'senior', expect.stringMatching(/2027-12-31|Fri Dec 31 2027/)],
    ]);
  });

  it("reports another outlet's code as unknown and a command refusal by row", async () => {
    const before = await countRows(t, 'technicians');
    const foreign = await upload(
      t,
      managerA,
      'technicians',
      csv([headers, [code('TB'), '钱七', '13900004444', outletB.code, '初级', null, null, null]]),
    );
    expect(foreign.statusCode).toBe(422);
    expect(foreign.data.details).toEqual([
      expect.objectContaining({ row: 2, column: '网点编码', code: 'IMPORT_UNKNOWN_OUTLET' }),
    ]);
    const refused = await upload(
      t,
      managerA,
      'technicians',
      csv([
        headers,
        [code('TC'), '孙八', '13900005555', outletA.code, '初级', 'SG9', '2027-01-01', null],
        [code('TC'), '周九', '13900006666', outletA.code, '初级', null, '2027-01-01', null],
      ]),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.data.details).toEqual([expect.objectContaining({ row: 3, code: 'TECHNICIAN_LICENCE_INCOMPLETE' })]);
    expect(await countRows(t, 'technicians')).toBe(before);
  });
});

describe('upserting technicians', () => {
  const headers = ['工程师编码', '姓名', '手机', '网点编码', '级别', '上岗证号', '上岗证有效期'];

  it('renews licences by re-importing, and never moves a technician to another outlet', async () => {
    const tech = await t.factories.technician(outletA.id, { licenceValidUntil: '2026-04-01' });
    const res = await upload(
      t,
      managerA,
      'technicians',
      csv([headers, [tech.code, '王师傅', '13900001111', outletA.code, '高级', 'SG-NEW', '2028-04-01']]),
      { query: { mode: 'upsert' } },
    );
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ created: 0, updated: 1 });
    const saved = await t.db.selectFrom('technicians').selectAll().where('id', '=', tech.id).executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ licence_no: 'SG-NEW', licence_valid_until: '2028-04-01' });

    const otherOutlet = await t.factories.outlet(brandA.id);
    const move = await upload(
      t,
      adminA,
      'technicians',
      csv([headers, [tech.code, '王师傅', '13900001111', otherOutlet.code, '高级', null, null]]),
      { query: { mode: 'upsert' } },
    );
    expect(move.statusCode).toBe(422);
    expect(move.data.details).toEqual([
      expect.objectContaining({ row: 2, column: '网点编码', code: 'IMPORT_CANNOT_MOVE' }),
    ]);
  });
});

describe('POST /imports/regions and /imports/service_centers', () => {
  it('imports regions, then centers that name them', async () => {
    const regions = await upload(
      t,
      admin,
      'regions',
      csv([
        ['品牌编码', '大区编码', '大区名称', '省份代码', '负责人', '电话'],
        [brandA.code, 'NORTH', '华北大区', '110000;120000', '刘经理', '010-88886666'],
        [brandB.code, 'NORTH', '华北大区', '110000', null, null],
      ]),
    );
    expect(regions.statusCode).toBe(200);
    expect(regions.data.created).toBe(2);
    const centers = await upload(
      t,
      admin,
      'service_centers',
      csv([
        ['brandCode', 'regionCode', 'code', 'name', 'divisionCode', 'address', 'phone'],
        [brandA.code, 'NORTH', 'BJ', '北京服务管理中心', '110105', '北京市朝阳区', null],
        [brandB.code, 'NORTH', 'BJ', '北京服务管理中心', null, null, null],
      ]),
    );
    expect(centers.statusCode).toBe(200);
    expect(centers.data.created).toBe(2);
    const again = await upload(
      t,
      adminA,
      'regions',
      csv([
        ['brandCode', 'code', 'name'],
        [brandA.code, 'NORTH', '重复'],
      ]),
    );
    expect(again.data.details).toEqual([expect.objectContaining({ row: 2, code: 'IMPORT_CODE_EXISTS' })]);
    const foreign = await upload(
      t,
      adminA,
      'regions',
      csv([
        ['brandCode', 'code', 'name'],
        [brandB.code, 'SOUTH', '华南'],
      ]),
    );
    expect(foreign.data.details).toEqual([expect.objectContaining({ row: 2, code: 'IMPORT_UNKNOWN_BRAND' })]);

    // Upserts update by code within the brand; a center stays in its region.
    const upsert = await upload(
      t,
      adminA,
      'regions',
      csv([
        ['brandCode', 'code', 'name'],
        [brandA.code, 'NORTH', '华北一区'],
      ]),
      {
        query: { mode: 'upsert' },
      },
    );
    expect(upsert.data).toMatchObject({ created: 0, updated: 1 });
    const renamed = await t.db
      .selectFrom('regions')
      .select('name')
      .where('brand_id', '=', brandA.id)
      .where('code', '=', 'NORTH')
      .executeTakeFirstOrThrow();
    expect(renamed.name).toBe('华北一区');
    await t.factories.region(brandA.id, { code: 'WEST' });
    const move = await upload(
      t,
      adminA,
      'service_centers',
      csv([
        ['brandCode', 'regionCode', 'code', 'name'],
        [brandA.code, 'WEST', 'BJ', '北京中心'],
      ]),
      { query: { mode: 'upsert' } },
    );
    expect(move.data.details).toEqual([
      expect.objectContaining({ row: 2, column: 'regionCode', code: 'IMPORT_CANNOT_MOVE' }),
    ]);
  });
});
