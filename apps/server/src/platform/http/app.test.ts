import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { buildApp } from './app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('platform http', () => {
  it('answers health and readiness', async () => {
    expect((await t.get('/api/health', null)).data).toEqual({ status: 'ok' });
    const ready = await t.get('/api/ready', null);
    expect(ready.statusCode).toBe(200);
    expect(ready.data.status).toBe('ready');
  });

  it('serves an OpenAPI 3.1 document that rejects unknown fields', async () => {
    const res = await t.get('/api/openapi.json', null);
    expect(res.data.openapi).toBe('3.1.0');
    const post = res.data.paths['/api/v1/brands'].post;
    const schema = post.requestBody.content['application/json'].schema;
    expect(schema.additionalProperties).toBe(false);
  });

  it('answers problem+json with a code, localized message and request id', async () => {
    const res = await t.get('/api/v1/brands', null, { headers: { 'accept-language': 'en-US' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.data).toMatchObject({ code: 'UNAUTHENTICATED', detail: 'Please log in', status: 401 });
    expect(res.data.requestId).toBe(res.headers['x-request-id']);
    const zh = await t.get('/api/v1/brands', null);
    expect(zh.data.detail).toBe('请先登录');
  });

  it("explains field errors in the caller's language", async () => {
    const admin = await t.as('platform_admin');
    const zh = await t.post('/api/v1/brands', admin, { code: 'OK1', name: '' });
    expect(zh.statusCode).toBe(400);
    expect(zh.data.errors[0].path).toBe('body.name');
    expect(zh.data.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = await t.post(
      '/api/v1/brands',
      admin,
      { code: 'OK1', name: '' },
      { headers: { 'accept-language': 'en-US' } },
    );
    expect(en.data.errors[0].message).toMatch(/^Too small/);
  });

  it('answers unknown routes with a problem', async () => {
    const res = await t.get('/api/v1/nothing-here', null);
    expect(res.statusCode).toBe(404);
    expect(res.data.code).toBe('ROUTE_NOT_FOUND');
  });

  it('rejects malformed JSON without leaking parser internals', async () => {
    const admin = await t.as('platform_admin');
    const res = await t.request('POST', '/api/v1/brands', admin, {
      headers: { 'content-type': 'application/json' },
      body: '{"code": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.data.code).toBe('VALIDATION_FAILED');
    expect(res.body).not.toMatch(/at .*\.js|SyntaxError|stack/);
  });

  it('refuses bodies over the size limit with 413 problem+json', async () => {
    const admin = await t.as('platform_admin');
    const res = await t.post('/api/v1/brands', admin, { code: 'BIG', name: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.statusCode).toBe(413);
    expect(res.data.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('does not start when an /api/v1 route has no access rule (deny by default)', async () => {
    await expect(
      buildApp(t.ctx, {
        logger: false,
        webDistDir: null,
        routes: (app) => {
          app.get('/forgotten', async () => ({ secret: true }));
        },
      }),
    ).rejects.toThrow(/has no access rule/);
  });

  it('hides internal errors behind a generic 500 without SQL or stack', async () => {
    const app = await buildApp(t.ctx, {
      logger: false,
      webDistDir: null,
      routes: (api) => {
        api.get('/boom', { config: { access: { public: true } } }, async () => {
          await t.ctx.handle.query('SELECT * FROM no_such_table_secret');
          return {};
        });
      },
    });
    const res = await app.inject({ method: 'GET', url: '/api/v1/boom' });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json().code).toBe('INTERNAL');
    expect(res.body).not.toMatch(/no_such_table_secret|SELECT|\.ts:\d+/);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await t.get('/metrics', null);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('aftercare_http_requests_total');
  });
});
