import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let aux: { id: string; code: string };
let plain: { id: string; code: string };
let other: { id: string };
let agent: Caller;
let outletManager: Caller;
let customerCaller: Caller;

const URL = '/api/v1/warranty/evaluate';

beforeAll(async () => {
  t = await createTestApp();
  aux = await t.factories.brand({ name: '奥克斯' });
  plain = await t.factories.brand({ name: '无政策包品牌' });
  other = await t.factories.brand({ name: '他人品牌' });
  await t.db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', aux.id).execute();
  await t.db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', other.id).execute();
  agent = await t.as('agent', { brandIds: [aux.id, plain.id] });
  const outlet = await t.factories.outlet(aux.id);
  outletManager = await t.as('outlet_manager', { outletId: outlet.id });
  const customer = await t.factories.customer(aux.id);
  customerCaller = await t.as('customer', { customerId: customer.id });
});
afterAll(async () => t?.close());

const ac = (brandId: string, over: Record<string, unknown> = {}) => ({
  brandId,
  category: 'air-conditioner',
  purchaseDate: '2026-03-15',
  invoice: true,
  faultDate: '2026-06-01',
  ...over,
});

describe('POST /warranty/evaluate (ad-hoc facts)', () => {
  it('AUX: the whole unit, labor, on-site and transport for 6 years, under the version in force', async () => {
    const res = await t.post(URL, agent, ac(aux.id, { faultDate: '2032-03-15', parts: ['compressor'] }));
    expect(res.statusCode).toBe(200);
    const { verdict, selection, facts } = res.data;
    expect(verdict.pack).toEqual({ id: 'aux', version: 2 });
    expect(verdict.chain).toEqual([
      { id: 'cn-baseline', version: 1 },
      { id: 'aux', version: 2 },
    ]);
    expect(selection).toEqual({ packId: 'aux', version: 2, on: '2026-03-15', rule: 'in-force', source: 'brand' });
    for (const k of ['labor', 'parts', 'onSite', 'transport']) {
      expect(verdict.components[k]).toMatchObject({ covered: true, until: '2032-03-15' });
      expect(verdict.components[k].clause.pack).toEqual({ id: 'aux', version: 2 });
    }
    expect(verdict.parts).toMatchObject([{ part: 'compressor', main: true, covered: true }]);
    expect(facts).toMatchObject({ brand: aux.code, country: 'CN', cause: 'quality' });
    // One day later the six years are over.
    const after = await t.post(URL, agent, ac(aux.id, { faultDate: '2032-03-16' }));
    expect(after.data.verdict.covered).toBe(false);
    expect(after.data.verdict.components.labor.explanation['zh-CN']).toContain('2032-03-15');
  });

  it('the baseline (a brand without a pack): return within 7 days, exchange within 15, then repair', async () => {
    const remedies = async (faultDate: string) => {
      const res = await t.post(URL, agent, ac(plain.id, { faultDate }));
      expect(res.statusCode).toBe(200);
      expect(res.data.selection).toMatchObject({ packId: 'cn-baseline', source: 'baseline' });
      expect(res.data.verdict.pack).toEqual({ id: 'cn-baseline', version: 1 });
      return res.data.verdict.remedies.map((r: { kind: string; clause: { path: string } }) => r.kind);
    };
    expect(await remedies('2026-03-22')).toEqual(['return', 'exchange', 'repair']);
    expect(await remedies('2026-03-23')).toEqual(['exchange', 'repair']);
    expect(await remedies('2026-03-30')).toEqual(['exchange', 'repair']);
    expect(await remedies('2026-03-31')).toEqual(['repair']);
    // 23:30 UTC on the 22nd is already the 23rd in Shanghai.
    expect(await remedies('2026-03-22T16:30:00Z')).toEqual(['exchange', 'repair']);
  });

  it('exchange after two repairs of the same serious fault, with the repair history as given', async () => {
    const res = await t.post(
      URL,
      agent,
      ac(plain.id, {
        faultDate: '2026-09-01',
        faultCode: 'E1',
        repairs: [
          { date: '2026-05-01', faultCode: 'E1', serious: true, daysInRepair: 3 },
          { date: '2026-07-01', faultCode: 'E1', serious: true, daysInRepair: 2 },
        ],
      }),
    );
    expect(res.statusCode).toBe(200);
    const exchange = res.data.verdict.remedies.find((r: { kind: string }) => r.kind === 'exchange');
    expect(exchange.clause.path).toBe('returns.repeatedFailure');
    // Days in warranty repairs extend the warranty.
    expect(res.data.verdict.start).toMatchObject({ date: '2026-03-15', extensionDays: 5 });
  });

  it('a pack named in the request wins over the brand’s, and an exchanged unit starts again', async () => {
    const res = await t.post(URL, agent, ac(aux.id, { packId: 'cn-baseline', faultDate: '2027-06-01' }));
    expect(res.data.selection).toMatchObject({ packId: 'cn-baseline', source: 'request', rule: 'in-force' });
    expect(res.data.verdict.components.labor.covered).toBe(false);
    const exchanged = await t.post(
      URL,
      agent,
      ac(aux.id, { packId: 'cn-baseline', faultDate: '2027-06-01', exchangeDate: '2026-09-01' }),
    );
    expect(exchanged.data.verdict.start).toMatchObject({ basis: 'exchange', date: '2026-09-01' });
    expect(exchanged.data.verdict.components.labor.covered).toBe(true);
  });

  it('abroad, user damage: charged, with the clause that says why', async () => {
    const abroad = await t.post(URL, agent, ac(plain.id, { country: 'JP' }));
    expect(abroad.data.verdict.covered).toBe(false);
    expect(abroad.data.verdict.notes[0].clause.path).toBe('warranty.territory');
    const damaged = await t.post(URL, agent, ac(aux.id, { cause: 'user-damage' }));
    expect(damaged.data.verdict.covered).toBe(false);
    expect(damaged.data.verdict.components.parts.clause.path).toBe('warranty.exclusions');
  });

  it('explanations carry both languages; `language` follows Accept-Language', async () => {
    const en = await t.post(URL, agent, ac(aux.id), { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.data.language).toBe('en-US');
    const zh = await t.post(URL, agent, ac(aux.id), { headers: { 'accept-language': 'zh-CN' } });
    expect(zh.data.language).toBe('zh-CN');
    for (const v of [en.data.verdict, zh.data.verdict]) {
      expect(v.components.labor.explanation['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(v.components.labor.explanation['en-US']).toMatch(/[a-z]/);
    }
    expect(en.data.verdict).toEqual(zh.data.verdict);
  });

  it('bad facts answer 400 with a code', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ac(aux.id), category: undefined }, 'VALIDATION_FAILED'],
      [ac(aux.id, { country: 'CHN' }), 'VALIDATION_FAILED'],
      [ac(aux.id, { faultDate: 'yesterday' }), 'VALIDATION_FAILED'],
      [ac(aux.id, { cause: 'bad-luck' }), 'VALIDATION_FAILED'],
      [ac(aux.id, { repairs: [{ date: '2026-04-01', daysInRepair: -1 }] }), 'VALIDATION_FAILED'],
      [ac(aux.id, { brand: 'AUX' }), 'VALIDATION_FAILED'],
      [ac(aux.id, { surprise: true }), 'VALIDATION_FAILED'],
      [ac('not-a-uuid'), 'VALIDATION_FAILED'],
      [ac(aux.id, { faultDate: '2026-02-30' }), 'WARRANTY_FACTS_INVALID'],
    ];
    for (const [body, code] of cases) {
      const res = await t.post(URL, agent, body);
      expect([res.statusCode, res.data.code], JSON.stringify(body)).toEqual([400, code]);
    }
  });

  it('an unknown pack or version answers 422 WARRANTY_PACK_UNKNOWN', async () => {
    for (const over of [{ packId: 'nowhere' }, { packId: 'aux', packVersion: 99 }]) {
      const res = await t.post(URL, agent, ac(aux.id, over));
      expect([res.statusCode, res.data.code]).toEqual([422, 'WARRANTY_PACK_UNKNOWN']);
    }
  });

  it('a brand the caller cannot see answers 404, as does one that does not exist', async () => {
    for (const brandId of [other.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await t.post(URL, agent, ac(brandId));
      expect([res.statusCode, res.data.code]).toEqual([404, 'NOT_FOUND']);
    }
    // Outlet-level callers judge the brands their outlet serves; a customer judges only their own products.
    expect((await t.post(URL, outletManager, ac(aux.id))).statusCode).toBe(200);
    expect((await t.post(URL, outletManager, ac(plain.id))).statusCode).toBe(404);
    expect((await t.post(URL, customerCaller, ac(aux.id))).statusCode).toBe(404);
    expect((await t.post(URL, null, ac(aux.id))).statusCode).toBe(401);
  });
});
