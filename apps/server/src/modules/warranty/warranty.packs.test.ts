import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { buildApp } from '../../platform/http/app.ts';
import { SESSION_COOKIE } from '../../platform/http/auth-hook.ts';
import { registerRoutes } from '../index.ts';
import { choosePack, loadPolicies, PolicyLoadError } from './warranty.packs.ts';

const shipped = loadPolicies(join(import.meta.dirname, '../../../../../policies')).dir;
const dirs: string[] = [];

/** A copy of the shipped packs plus extra files. */
function packDir(extra: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'aftercare-packs-'));
  dirs.push(dir);
  cpSync(shipped, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

// The baseline's second version: from 2027 the whole air conditioner is covered for 2 years.
const baselineV2 = readFileSync(join(shipped, 'cn-baseline.yaml'), 'utf8')
  .replace('version: 1', 'version: 2')
  .replace('from: 2026-01-01', 'from: 2027-01-01')
  .replace('wholeUnit: { years: 1, ref: 整机三包有效期一年 }', 'wholeUnit: { years: 2, ref: 整机三包有效期两年 }');

let t: TestApp;
afterAll(async () => {
  await t?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('policy packs at start', () => {
  it('loads every shipped pack once', () => {
    const policies = loadPolicies(shipped);
    expect(new Set(policies.packs.map((p) => p.id))).toEqual(
      new Set(['cn-baseline', 'aux', 'midea', 'gome', 'fujitsu', 'orlusa', 'qixi']),
    );
    expect(loadPolicies(shipped)).toBe(policies);
  });

  it('a broken pack stops the app from starting, naming its file and line', async () => {
    const dir = packDir({ 'broken.yaml': 'id: broken\nversion: 1\nname: { zh-CN: 坏, en-US: Bad }\nwarranty: 7\n' });
    expect(() => loadPolicies(dir)).toThrow(PolicyLoadError);
    const message = (() => {
      try {
        loadPolicies(dir);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/broken\.yaml:4:\d+ warranty: /);
    const orphan = packDir({
      'orphan.yaml':
        'id: orphan\nversion: 1\nextends: nowhere\nname: { zh-CN: 孤, en-US: Orphan }\neffective: { from: 2026-01-01 }\n',
    });
    expect(() => loadPolicies(orphan)).toThrow(/orphan\.yaml:1:1 .*nowhere, which no file defines/);
    t = await createTestApp();
    await expect(
      buildApp(
        { ...t.ctx, config: { ...t.ctx.config, policiesDir: dir } },
        { logger: false, routes: registerRoutes, webDistDir: null },
      ),
    ).rejects.toThrow(/broken\.yaml:4/);
    expect(() => loadPolicies(join(dir, 'missing'))).toThrow(/cannot read/);
  });

  it('chooses the version in force, the one requested, the earliest or the latest started', () => {
    const policies = loadPolicies(packDir({ 'cn-baseline-v2.yaml': baselineV2 }));
    const pick = (date: string, version?: number) => {
      const c = choosePack(policies, 'cn-baseline', date, version);
      return c && [c.pack.version, c.rule];
    };
    expect(pick('2026-06-01')).toEqual([1, 'in-force']);
    expect(pick('2027-01-01')).toEqual([2, 'in-force']);
    expect(pick('2027-06-01', 1)).toEqual([1, 'requested']);
    expect(pick('2025-01-01')).toEqual([1, 'earliest']);
    expect(pick('2027-06-01', 3)).toBeUndefined();
    const ended = {
      ...policies,
      packs: policies.packs.map((p) => ({ ...p, effective: { ...p.effective, to: '2030-12-31' } })),
    };
    expect(choosePack(ended, 'cn-baseline', '2031-05-01')).toMatchObject({ pack: { version: 2 }, rule: 'latest' });
  });
});

describe('every verdict names the pack version it used', () => {
  let app: Awaited<ReturnType<typeof buildApp>>;
  let agent: Caller;
  let brand: { id: string };

  beforeAll(async () => {
    t ??= await createTestApp();
    const dir = packDir({ 'cn-baseline-v2.yaml': baselineV2 });
    app = await buildApp(
      { ...t.ctx, config: { ...t.ctx.config, policiesDir: dir } },
      { logger: false, routes: registerRoutes, webDistDir: null },
    );
    brand = await t.factories.brand();
    agent = await t.as('agent', { brandIds: [brand.id] });
  });
  afterAll(async () => app?.close());

  const call = async (method: 'GET' | 'POST', url: string, payload?: object) => {
    const res = await app.inject({
      method,
      url,
      headers: { cookie: `${SESSION_COOKIE}=${agent.cookie}` },
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, data: JSON.parse(res.body) };
  };

  it('a product bought under version 1 keeps it after version 2 takes effect; one bought later gets version 2', async () => {
    const customer = await t.factories.customer(brand.id);
    const made = async (serial: string, purchaseDate: string) =>
      (
        await call('POST', '/api/v1/products', {
          customerId: customer.id,
          categoryCode: 'air_conditioner',
          serial,
          purchaseDate,
          hasInvoice: true,
        })
      ).data.id as string;
    const old = await made('VER-OLD-1', '2026-06-01');
    const young = await made('VER-NEW-1', '2027-02-01');
    const oldV = await call('GET', `/api/v1/products/${old}/warranty?faultDate=2027-03-01`);
    expect(oldV.status).toBe(200);
    expect(oldV.data.verdict.pack).toEqual({ id: 'cn-baseline', version: 1 });
    expect(oldV.data.verdict.components.labor).toMatchObject({ covered: true, until: '2027-06-01' });
    const newV = await call('GET', `/api/v1/products/${young}/warranty?faultDate=2028-06-01`);
    expect(newV.data.verdict.pack).toEqual({ id: 'cn-baseline', version: 2 });
    expect(newV.data.selection).toMatchObject({ version: 2, on: '2027-02-01', rule: 'in-force' });
    // Version 2 covers the whole unit for two years (labor stays one year).
    expect(newV.data.verdict.components.parts).toMatchObject({ covered: true, until: '2029-02-01' });
    expect(newV.data.verdict.components.parts.clause).toMatchObject({
      pack: { id: 'cn-baseline', version: 2 },
      ref: '整机三包有效期两年',
    });
    expect(newV.data.verdict.components.labor.covered).toBe(false);
  });

  it('ad-hoc: the version in force on the purchase date, or the one asked for', async () => {
    const facts = {
      brandId: brand.id,
      category: 'air-conditioner',
      purchaseDate: '2027-02-01',
      invoice: true,
      faultDate: '2028-06-01',
    };
    const current = await call('POST', '/api/v1/warranty/evaluate', facts);
    expect(current.data.verdict.pack).toEqual({ id: 'cn-baseline', version: 2 });
    expect(current.data.verdict.covered).toBe(true);
    const asked = await call('POST', '/api/v1/warranty/evaluate', { ...facts, packVersion: 1 });
    expect(asked.data.selection).toMatchObject({ version: 1, rule: 'requested' });
    expect(asked.data.verdict.pack).toEqual({ id: 'cn-baseline', version: 1 });
    expect(asked.data.verdict.covered).toBe(false);
  });
});
