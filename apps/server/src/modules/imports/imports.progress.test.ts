// Progress of a running import: the client names the run (?jobId=<uuid>) and polls
// GET /imports/progress/:jobId, without credentials, while the upload request runs.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';
import { csv, upload } from './imports.fixtures.ts';
import { ImportProgressBoard } from './imports.progress.ts';

let t: TestApp;
let admin: Caller;
let brand: { id: string; code: string };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-06-01T02:00:00Z' });
  brand = await t.factories.brand({ categories: ['air_conditioner'] });
  admin = await t.as('brand_admin', { brandIds: [brand.id] });
});
afterAll(async () => t?.close());

let next = 0;
function salesFile(n: number, bad = false) {
  const rows: (string | null)[][] = [['品牌编码', '客户姓名', '联系电话', '品类', '机身条码', '购买日期']];
  for (let i = 0; i < n; i++) {
    const k = ++next;
    rows.push([
      brand.code,
      `客户${k}`,
      `137${String(k).padStart(8, '0')}`,
      'air_conditioner',
      `PRG-${k}`,
      '2026-03-01',
    ]);
  }
  if (bad) rows.push([brand.code, '错行', '12', 'air_conditioner', `PRG-BAD-${next}`, '2026-03-01']);
  return csv(rows);
}

const progress = (jobId: string) => t.get(`/api/v1/imports/progress/${jobId}`, null);

describe('import progress', () => {
  it('reports rows written of the total while the import runs, then done; a poll needs no login', async () => {
    const jobId = randomUUID();
    const running = upload(t, admin, 'sales', salesFile(60), { query: { jobId } });
    const seen: { phase: string; processed: number; total: number | null }[] = [];
    let finished = false;
    void running.then(() => {
      finished = true;
    });
    while (!finished) {
      const res = await progress(jobId);
      if (res.statusCode === 200) seen.push(res.data);
      await new Promise((r) => setTimeout(r, 5));
    }
    const res = await running;
    expect(res.statusCode, res.body).toBe(200);
    expect(res.data).toMatchObject({ created: 60 });
    const writing = seen.filter((s) => s.phase === 'writing');
    expect(writing.length).toBeGreaterThan(0);
    expect(writing.every((s) => s.total === 60 && s.processed >= 0 && s.processed <= 60)).toBe(true);
    // Counts only go up.
    const counts = seen.map((s) => s.processed);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    const done = await progress(jobId);
    expect(done.data).toMatchObject({ jobId, kind: 'sales', dryRun: false, phase: 'done', processed: 60, total: 60 });
    expect(done.data.finishedAt).not.toBeNull();
  });

  it('is kept in the table, so another API process answers the poll too', async () => {
    const jobId = randomUUID();
    expect((await upload(t, admin, 'sales', salesFile(5), { query: { jobId } })).statusCode).toBe(200);
    const row = await t.db.selectFrom('import_jobs').selectAll().where('id', '=', jobId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'sales', phase: 'done', processed: 5, total: 5, dry_run: false });
    const elsewhere = new ImportProgressBoard(t.db, t.ctx.clock, true);
    expect(await elsewhere.view(jobId)).toMatchObject({ phase: 'done', processed: 5, total: 5 });
  });

  it('a refused import ends failed and writes nothing; a dry run ends done', async () => {
    const products = await t.count('installed_products');
    const jobId = randomUUID();
    const res = await upload(t, admin, 'sales', salesFile(3, true), { query: { jobId } });
    expect([res.statusCode, res.data.code]).toEqual([422, 'IMPORT_HAS_ERRORS']);
    expect((await progress(jobId)).data).toMatchObject({ phase: 'failed' });
    expect(await t.count('installed_products')).toBe(products);
    const dry = randomUUID();
    expect((await upload(t, admin, 'sales', salesFile(4), { query: { jobId: dry, dryRun: 'true' } })).statusCode).toBe(
      200,
    );
    expect((await progress(dry)).data).toMatchObject({ phase: 'done', dryRun: true, processed: 4, total: 4 });
    expect(await t.count('installed_products')).toBe(products);
  });

  it('a job id is used once; unknown ids answer 404, malformed ones 400', async () => {
    const jobId = randomUUID();
    expect((await upload(t, admin, 'sales', salesFile(1), { query: { jobId } })).statusCode).toBe(200);
    const again = await upload(t, admin, 'sales', salesFile(1), { query: { jobId } });
    expect([again.statusCode, again.data.code]).toEqual([409, 'IMPORT_JOB_TAKEN']);
    const unknown = await progress(randomUUID());
    expect([unknown.statusCode, unknown.data.code]).toEqual([404, 'IMPORT_JOB_UNKNOWN']);
    expect((await progress('not-a-uuid')).statusCode).toBe(400);
    const badQuery = await upload(t, admin, 'sales', salesFile(1), { query: { jobId: 'x' } });
    expect([badQuery.statusCode, badQuery.data.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
