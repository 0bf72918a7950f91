import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { importPackFiles, PackStore } from './policies.store.ts';

const shipped = join(import.meta.dirname, '../../../../../policies');
const fileVersion = (id: string) =>
  Number(/^version: (\d+)$/m.exec(readFileSync(join(shipped, `${id}.yaml`), 'utf8'))![1]);
const auxV1 = readFileSync(join(shipped, 'aux.yaml'), 'utf8');
const baselineV1 = readFileSync(join(shipped, 'cn-baseline.yaml'), 'utf8');
const URL = '/api/v1/policy-packs';
/** The shipped AUX file's version (`auxV1` is that file); v(1) is it, v(2) the next version a test saves … */
const AUX_V = fileVersion('aux');
const v = (n: number) => AUX_V + n - 1;

/** AUX with a new version number, whole unit `years` instead of 6, optionally from another date. */
const auxText = (version: number, years: number, from = '2026-01-01') =>
  auxV1
    .replace(/^version: \d+$/m, `version: ${version}`)
    .replace('from: 2026-01-01', `from: ${from}`)
    .replace(
      'wholeUnit: { years: 6, ref: 自购机之日起，整机包修六年 }',
      `wholeUnit: { years: ${years}, ref: 整机包修${years}年 }`,
    );

let t: TestApp;
let brandA: { id: string; code: string };
let brandB: { id: string; code: string };
let admin: Caller;
let brandAdminA: Caller;
let brandAdminB: Caller;
let managerA: Caller;
let agentA: Caller;

beforeAll(async () => {
  t = await createTestApp();
  brandA = await t.factories.brand({ name: '奥克斯' });
  brandB = await t.factories.brand({ name: '美的' });
  await t.db.updateTable('brands').set({ policy_pack: 'aux' }).where('id', '=', brandA.id).execute();
  await t.db.updateTable('brands').set({ policy_pack: 'midea' }).where('id', '=', brandB.id).execute();
  admin = await t.as('platform_admin');
  brandAdminA = await t.as('brand_admin', { brandIds: [brandA.id] });
  brandAdminB = await t.as('brand_admin', { brandIds: [brandB.id] });
  managerA = await t.as('service_manager', { brandIds: [brandA.id] });
  agentA = await t.as('agent', { brandIds: [brandA.id] });
});
afterAll(async () => t?.close());

describe('shipped packs in the database', () => {
  it('imports every shipped file once, as the active version the file names, with its text as written', async () => {
    const res = await t.get(URL, admin);
    expect(res.statusCode).toBe(200);
    const ids = res.data.items.map((p: { id: string }) => p.id).sort();
    expect(ids).toEqual(['aux', 'cn-baseline', 'fujitsu', 'gome', 'midea', 'orlusa', 'qixi']);
    for (const p of res.data.items)
      expect(p).toMatchObject({ activeVersion: fileVersion(p.id), drafts: [], writable: true });
    const v1 = await t.get(`${URL}/aux/versions/${v(1)}`, admin);
    expect(v1.data).toMatchObject({ packId: 'aux', version: v(1), status: 'active', origin: 'file', source: auxV1 });
    expect(v1.data.name['zh-CN']).toBe('奥克斯空调服务承诺');
  });

  it('a second import stores nothing; a file that differs from the stored version is reported, not written', async () => {
    const before = await t.count('policy_packs');
    const warnings: object[] = [];
    const log = { warn: (o: object) => warnings.push(o), info: () => {} };
    const files = [
      { fileName: 'aux.yaml', text: auxV1 },
      { fileName: 'cn-baseline.yaml', text: `${baselineV1}\n# edited by hand\n` },
    ];
    const r = await importPackFiles(t.db, t.clock, files, log);
    expect(r).toEqual({ imported: [], differing: ['cn-baseline v1 (cn-baseline.yaml)'] });
    expect(warnings).toHaveLength(1);
    expect(await t.count('policy_packs')).toBe(before);
    const stored = await t.get(`${URL}/cn-baseline/versions/1`, admin);
    expect(stored.data.source).toBe(baselineV1);
  });

  it('a stored version is never rewritten (the database refuses it)', async () => {
    await expect(
      t.db.updateTable('policy_packs').set({ source: 'id: aux' }).where('pack_id', '=', 'aux').execute(),
    ).rejects.toThrow(/never rewritten/);
  });
});

describe('scope', () => {
  it("a brand admin sees the baseline and their brand's pack, writes only their own", async () => {
    const res = await t.get(URL, brandAdminA);
    const items = res.data.items as { id: string; writable: boolean; brands: { id: string }[] }[];
    expect(items.map((p) => [p.id, p.writable])).toEqual([
      ['aux', true],
      ['cn-baseline', false],
    ]);
    expect(items[0]!.brands.map((b) => b.id)).toEqual([brandA.id]);
    const manager = await t.get(URL, managerA);
    expect(manager.data.items.map((p: { id: string; writable: boolean }) => [p.id, p.writable])).toEqual([
      ['aux', false],
      ['cn-baseline', false],
    ]);
  });

  it("brand A's admin cannot see or change brand B's pack (404), nor a pack no brand of theirs names", async () => {
    const draft = { source: auxText(2, 7).replace('id: aux', 'id: midea') };
    for (const id of ['midea', 'gome']) {
      expect((await t.get(`${URL}/${id}`, brandAdminA)).statusCode).toBe(404);
      const shippedVersion = fileVersion(id);
      expect((await t.get(`${URL}/${id}/versions/${shippedVersion}`, brandAdminA)).statusCode).toBe(404);
      expect((await t.get(`${URL}/${id}/versions/${shippedVersion}/diff`, brandAdminA)).statusCode).toBe(404);
      expect((await t.post(`${URL}/${id}/drafts`, brandAdminA, draft)).statusCode).toBe(404);
      expect((await t.post(`${URL}/${id}/versions/${shippedVersion}/activate`, brandAdminA)).statusCode).toBe(404);
    }
    expect((await t.post(`${URL}/brand-new/drafts`, brandAdminA, draft)).statusCode).toBe(404);
    // Validation resolves only against packs the caller may see.
    const v = await t.post(`${URL}/validate`, brandAdminA, {
      source: auxText(9, 7).replace('id: aux', 'id: probe').replace('extends: cn-baseline', 'extends: midea'),
    });
    expect(v.data.ok).toBe(false);
    expect(v.data.errors[0].message).toMatch(/midea, which no file defines/);
  });

  it('the baseline is written only by the platform administrator (403 for a brand admin)', async () => {
    const source = baselineV1.replace('version: 1', 'version: 2');
    const res = await t.post(`${URL}/cn-baseline/drafts`, brandAdminA, { source });
    expect(res.statusCode).toBe(403);
    expect(res.data.code).toBe('POLICY_BASELINE_FORBIDDEN');
    expect((await t.post(`${URL}/cn-baseline/versions/1/activate`, brandAdminA)).data.code).toBe(
      'POLICY_BASELINE_FORBIDDEN',
    );
  });

  it('roles without policies.read or policies.write are refused (403)', async () => {
    expect((await t.get(URL, agentA)).statusCode).toBe(403);
    expect((await t.post(`${URL}/aux/drafts`, managerA, { source: auxText(2, 7) })).statusCode).toBe(403);
  });
});

describe('validate', () => {
  it('a good text is ok and says what it declares', async () => {
    const res = await t.post(`${URL}/validate`, brandAdminA, { source: auxText(2, 7, '2027-01-01') });
    expect(res.data).toEqual({
      ok: true,
      errors: [],
      pack: { id: 'aux', version: 2, extends: 'cn-baseline', effectiveFrom: '2027-01-01', effectiveTo: null },
    });
  });

  it('syntax and schema errors come with their line and column', async () => {
    const broken = await t.post(`${URL}/validate`, brandAdminA, { source: 'id: aux\nversion: [\n' });
    expect(broken.data.ok).toBe(false);
    expect(broken.data.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    const schema = await t.post(`${URL}/validate`, brandAdminA, {
      source: auxText(2, 7).replace('wholeUnit: { years: 7, ref: 整机包修7年 }', 'wholeUnit: { weeks: 7 }'),
    });
    expect(schema.data.ok).toBe(false);
    const line = auxV1.split('\n').findIndex((l) => l.includes('wholeUnit: { years: 6')) + 1;
    expect(schema.data.errors[0]).toMatchObject({ line, path: 'warranty.categories.air-conditioner.wholeUnit' });
  });

  it('a brand pack that breaks the merge with its base is an error', async () => {
    const source = auxText(2, 7).replace(
      '    central-air-conditioner:\n',
      '    dehumidifier:\n      labor: { years: 2 }\n    central-air-conditioner:\n',
    );
    const res = await t.post(`${URL}/validate`, brandAdminA, { source });
    expect(res.data.ok).toBe(false);
    expect(res.data.errors[0].message).toMatch(/without a wholeUnit term: dehumidifier/);
    expect(res.data.errors[0].line).toBe(auxV1.split('\n').indexOf('warranty:') + 1);
    const orphan = await t.post(`${URL}/validate`, brandAdminA, {
      source: auxText(2, 7).replace('extends: cn-baseline', 'extends: nowhere'),
    });
    expect(orphan.data.errors[0]).toMatchObject({ line: 6, path: 'extends' });
  });

  it('bad input is 400', async () => {
    expect((await t.post(`${URL}/validate`, brandAdminA, { source: '' })).statusCode).toBe(400);
    expect((await t.post(`${URL}/validate`, brandAdminA, { source: 'x', extra: 1 })).statusCode).toBe(400);
  });
});

describe('drafts', () => {
  it('refuses an invalid text, another id or a version not above every stored one, storing nothing', async () => {
    const before = await t.count('policy_packs');
    const invalid = await t.post(`${URL}/aux/drafts`, brandAdminA, { source: 'id: aux\nversion: two\n' });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.data.code).toBe('POLICY_PACK_INVALID');
    expect(invalid.data.details.errors.length).toBeGreaterThan(0);
    expect(invalid.data.details.errors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    const other = await t.post(`${URL}/aux/drafts`, brandAdminA, {
      source: auxText(2, 7).replace('id: aux', 'id: aux-two'),
    });
    expect(other.statusCode).toBe(422);
    expect(other.data).toMatchObject({
      code: 'POLICY_PACK_ID_MISMATCH',
      details: { errors: [{ line: 4, path: 'id' }] },
    });
    const same = await t.post(`${URL}/aux/drafts`, brandAdminA, { source: auxV1 });
    expect(same.statusCode).toBe(422);
    expect(same.data).toMatchObject({ code: 'POLICY_VERSION_NOT_NEWER', details: { errors: [{ line: 5 }] } });
    expect((await t.post(`${URL}/aux/drafts`, brandAdminA, {})).statusCode).toBe(400);
    expect(await t.count('policy_packs')).toBe(before);
  });

  it('saves a draft with its author, audit row and event; the list shows it', async () => {
    const res = await t.post(`${URL}/aux/drafts`, brandAdminA, { source: auxText(v(2), 7) });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      packId: 'aux',
      version: v(2),
      status: 'draft',
      origin: 'console',
      brandId: brandA.id,
    });
    expect(res.data.authorName).toBeTruthy();
    const again = await t.post(`${URL}/aux/drafts`, brandAdminA, { source: auxText(v(2), 8) });
    expect(again.data.code).toBe('POLICY_VERSION_NOT_NEWER');
    const detail = await t.get(`${URL}/aux`, brandAdminA);
    expect(detail.data).toMatchObject({ activeVersion: v(1), drafts: [v(2)], latestVersion: v(2) });
    expect(detail.data.versions.map((v: { status: string }) => v.status)).toEqual(['active', 'draft']);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'policy_pack.draft').execute();
    expect(audit).toMatchObject([{ entity: 'policy_pack', entity_id: 'aux', brand_id: brandA.id }]);
    const events = await t.db.selectFrom('events').selectAll().where('type', '=', 'policy_pack.draft_saved').execute();
    expect(events).toHaveLength(1);
  });

  it('the diff shows the changed lines against the active version', async () => {
    const res = await t.get(`${URL}/aux/versions/${v(2)}/diff`, brandAdminA);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ packId: 'aux', version: v(2), against: v(1), added: 2, removed: 2 });
    expect(res.data.unified).toContain(`-version: ${v(1)}`);
    expect(res.data.unified).toContain(`+version: ${v(2)}`);
    expect(res.data.unified).toContain('+      wholeUnit: { years: 7, ref: 整机包修7年 }');
    expect(res.data.unified).toMatch(new RegExp(`^--- aux v${v(1)}`, 'm'));
    const reverse = await t.get(`${URL}/aux/versions/${v(1)}/diff`, brandAdminA, { query: { against: `${v(2)}` } });
    expect(reverse.data).toMatchObject({ against: v(2), added: 2, removed: 2 });
    expect((await t.get(`${URL}/aux/versions/99/diff`, brandAdminA)).statusCode).toBe(404);
    expect(
      (await t.get(`${URL}/aux/versions/${v(2)}/diff`, brandAdminA, { query: { against: '99' } })).statusCode,
    ).toBe(404);
  });
});

describe('activation', () => {
  const evaluate = (purchaseDate: string, faultDate: string) =>
    t.post('/api/v1/warranty/evaluate', admin, {
      brandId: brandA.id,
      category: 'air-conditioner',
      purchaseDate,
      invoice: true,
      faultDate,
    });

  it('a draft with the same period replaces the active version: it is retired, verdicts name the new one', async () => {
    const before = await evaluate('2026-03-15', '2032-06-01');
    expect(before.data.verdict.pack).toEqual({ id: 'aux', version: v(1) });
    expect(before.data.verdict.covered).toBe(false);
    const res = await t.post(`${URL}/aux/versions/${v(2)}/activate`, brandAdminA);
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({ version: { version: v(2), status: 'active' }, retired: [v(1)] });
    const after = await evaluate('2026-03-15', '2032-06-01');
    expect(after.data.verdict.pack).toEqual({ id: 'aux', version: v(2) });
    expect(after.data.verdict.components.parts).toMatchObject({ covered: true, until: '2033-03-15' });
    // The retired version is still there for a verdict that asks for it (an old order re-judged).
    const asked = await t.post('/api/v1/warranty/evaluate', admin, {
      brandId: brandA.id,
      category: 'air-conditioner',
      purchaseDate: '2026-03-15',
      invoice: true,
      faultDate: '2032-06-01',
      packVersion: v(1),
    });
    expect(asked.data.verdict.pack).toEqual({ id: 'aux', version: v(1) });
    const detail = await t.get(`${URL}/aux`, brandAdminA);
    expect(detail.data.versions.map((v: { status: string }) => v.status)).toEqual(['retired', 'active']);
    const audit = await t.db.selectFrom('audit_log').selectAll().where('action', '=', 'policy_pack.activate').execute();
    expect(audit).toHaveLength(1);
    const events = await t.db.selectFrom('events').selectAll().where('type', '=', 'policy_pack.activated').execute();
    expect(events[0]).toMatchObject({ aggregate_id: 'aux', brand_id: brandA.id });
  });

  it('a version effective from a later date leaves earlier purchases under the version in force then', async () => {
    expect(
      (await t.post(`${URL}/aux/drafts`, brandAdminA, { source: auxText(v(3), 10, '2027-01-01') })).statusCode,
    ).toBe(201);
    const res = await t.post(`${URL}/aux/versions/${v(3)}/activate`, brandAdminA);
    expect(res.data).toMatchObject({ version: { status: 'active' }, retired: [] });
    expect((await evaluate('2026-03-15', '2030-06-01')).data.verdict.pack).toEqual({ id: 'aux', version: v(2) });
    const later = await evaluate('2027-02-01', '2030-06-01');
    expect(later.data.verdict.pack).toEqual({ id: 'aux', version: v(3) });
    expect(later.data.verdict.components.parts).toMatchObject({ covered: true, until: '2037-02-01' });
    const list = await t.get(URL, brandAdminA);
    expect(list.data.items[0]).toMatchObject({ id: 'aux', activeVersion: v(3), activeVersions: [v(2), v(3)] });
  });

  it('refuses a version that is not a draft, an older draft, and one that would break a pack', async () => {
    const notDraft = await t.post(`${URL}/aux/versions/${v(3)}/activate`, brandAdminA);
    expect(notDraft.statusCode).toBe(409);
    expect(notDraft.data.code).toBe('POLICY_VERSION_NOT_DRAFT');
    expect((await t.post(`${URL}/aux/versions/99/activate`, brandAdminA)).statusCode).toBe(404);
    // An older draft saved while a newer one was a draft is stale once the newer is in force.
    expect(
      (await t.post(`${URL}/aux/drafts`, brandAdminA, { source: auxText(v(4), 10, '2027-01-01') })).statusCode,
    ).toBe(201);
    expect(
      (await t.post(`${URL}/aux/drafts`, brandAdminA, { source: auxText(v(5), 11, '2027-01-01') })).statusCode,
    ).toBe(201);
    expect((await t.post(`${URL}/aux/versions/${v(5)}/activate`, brandAdminA)).data.retired).toEqual([v(3)]);
    const stale = await t.post(`${URL}/aux/versions/${v(4)}/activate`, brandAdminA);
    expect(stale.statusCode).toBe(409);
    expect(stale.data.code).toBe('POLICY_VERSION_STALE');
    // A baseline version without the PC category, on which Fujitsu's pack relies: validation names
    // the pack it breaks, and the activation is refused with nothing changed.
    const start = baselineV1.indexOf('    pc:\n');
    const noPc = (baselineV1.slice(0, start) + baselineV1.slice(baselineV1.indexOf('\nreturns:'))).replace(
      'version: 1',
      'version: 2',
    );
    const checked = await t.post(`${URL}/validate`, admin, { source: noPc });
    expect(checked.data.ok).toBe(false);
    expect(checked.data.errors[0].message).toMatch(/fujitsu v1: .*pc/);
    await t.db
      .insertInto('policy_packs')
      .values({
        id: '01930000-0000-7000-8000-000000000001',
        pack_id: 'cn-baseline',
        version: 2,
        extends: null,
        name: JSON.stringify({ 'zh-CN': '基线', 'en-US': 'Baseline' }),
        source: noPc,
        status: 'draft',
        effective_from: '2026-01-01',
        origin: 'console',
        created_at: t.clock.now(),
      })
      .execute();
    const broken = await t.post(`${URL}/cn-baseline/versions/2/activate`, admin);
    expect(broken.statusCode).toBe(422);
    expect(broken.data.code).toBe('POLICY_ACTIVATION_BREAKS');
    expect(broken.data.details.errors[0].message).toMatch(/pc/);
    expect((await t.get(`${URL}/cn-baseline`, admin)).data).toMatchObject({ activeVersion: 1, drafts: [2] });
  });

  it('the platform administrator starts a new pack; a brand names it and its admin may then edit it', async () => {
    const source = auxText(1, 7).replace('id: aux', 'id: aux-pro');
    const res = await t.post(`${URL}/aux-pro/drafts`, admin, { source });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({ packId: 'aux-pro', version: 1, status: 'draft', brandId: null });
    expect((await t.get(`${URL}/aux-pro`, brandAdminA)).statusCode).toBe(404);
    await t.db.updateTable('brands').set({ policy_pack: 'aux-pro' }).where('id', '=', brandB.id).execute();
    expect((await t.get(`${URL}/aux-pro`, brandAdminB)).statusCode).toBe(200);
    const activated = await t.post(`${URL}/aux-pro/versions/1/activate`, brandAdminB);
    expect(activated.data).toMatchObject({ version: { status: 'active' }, retired: [] });
    expect(t.ctx.packs.current().select('aux-pro', '2026-06-01')?.version).toBe(1);
  });

  it("another process's store picks up an activation when it looks again", async () => {
    const other = new PackStore(t.db, t.clock);
    await other.refresh();
    expect(await other.refreshIfChanged()).toBe(false);
    expect(
      (await t.post(`${URL}/aux/drafts`, brandAdminA, { source: auxText(v(6), 12, '2027-01-01') })).statusCode,
    ).toBe(201);
    expect(await other.refreshIfChanged()).toBe(false); // a draft changes nothing
    expect((await t.post(`${URL}/aux/versions/${v(6)}/activate`, brandAdminA)).statusCode).toBe(200);
    expect(other.current().select('aux', '2027-06-01')?.version).toBe(v(5));
    expect(await other.refreshIfChanged()).toBe(true);
    expect(other.current().select('aux', '2027-06-01')?.version).toBe(v(6));
  });
});
