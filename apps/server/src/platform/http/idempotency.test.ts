import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, createTestApp, type TestApp } from '../../../test/index.ts';

let t: TestApp;
let admin: Caller;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('platform_admin');
});
afterAll(async () => t?.close());

const countBrands = async (code: string) =>
  Number(
    (
      await t.db
        .selectFrom('brands')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('Idempotency-Key', () => {
  it('replays the first response for the same key and body, writing once', async () => {
    const body = { code: 'IDEM1', name: '幂等品牌' };
    const headers = { 'idempotency-key': 'k-1' };
    const first = await t.post('/api/v1/brands', admin, body, { headers });
    expect(first.statusCode).toBe(201);
    const second = await t.post('/api/v1/brands', admin, body, { headers });
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.data).toEqual(first.data);
    expect(await countBrands('IDEM1')).toBe(1);
  });

  it('answers 422 when the same key comes with another body, and changes nothing', async () => {
    const headers = { 'idempotency-key': 'k-2' };
    expect((await t.post('/api/v1/brands', admin, { code: 'IDEM2', name: 'A' }, { headers })).statusCode).toBe(201);
    const other = await t.post('/api/v1/brands', admin, { code: 'IDEM3', name: 'B' }, { headers });
    expect(other.statusCode).toBe(422);
    expect(other.data.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countBrands('IDEM3')).toBe(0);
  });

  it('keeps keys per caller', async () => {
    const other = await t.as('platform_admin');
    const headers = { 'idempotency-key': 'shared-key' };
    expect((await t.post('/api/v1/brands', admin, { code: 'IDEM4', name: 'A' }, { headers })).statusCode).toBe(201);
    const res = await t.post('/api/v1/brands', other, { code: 'IDEM5', name: 'B' }, { headers });
    expect(res.statusCode).toBe(201);
    expect(await countBrands('IDEM5')).toBe(1);
  });

  it('replays a business error too, so a retry sees the same answer', async () => {
    const headers = { 'idempotency-key': 'k-dup' };
    await t.post('/api/v1/brands', admin, { code: 'IDEM6', name: 'A' });
    const first = await t.post('/api/v1/brands', admin, { code: 'IDEM6', name: 'A' }, { headers });
    expect(first.statusCode).toBe(409);
    const again = await t.post('/api/v1/brands', admin, { code: 'IDEM6', name: 'A' }, { headers });
    expect(again.statusCode).toBe(409);
    expect(again.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses a key on a file upload, whose body it cannot compare', async () => {
    const form = new FormData();
    form.append('file', new Blob(['code,name\nR1,华东\n'], { type: 'text/csv' }), 'regions.csv');
    const req = new Response(form);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports/regions?dryRun=true',
      headers: {
        cookie: `aftercare_session=${admin.cookie}`,
        'content-type': req.headers.get('content-type')!,
        'idempotency-key': 'upload-1',
      },
      payload: Buffer.from(await req.arrayBuffer()),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('IDEMPOTENCY_NOT_SUPPORTED');
  });
});
