import Fastify from 'fastify';
import { alternate } from '../load.ts';
import { loginCookie } from '../login.ts';
import type { BenchOptions } from '../stats.ts';
import type { Started } from '../targets.ts';
import type { Measured } from './types.ts';

const USER = 'aux.manager'; // brand scope: the read goes through the brand filter

/**
 * GET /api/v1/brands/:id as a logged-in brand user (session lookup, access check, scope filter,
 * presenter, response schema) against a bare Fastify route in the same process that runs the same
 * two SELECTs (brand, categories) on the same database with no auth, hooks or schemas.
 */
export async function authenticatedRead(s: Started, opts: BenchOptions): Promise<Measured> {
  const { db } = s.running.ctx;
  const brand = await db.selectFrom('brands').select('id').where('code', '=', 'AUX').executeTakeFirstOrThrow();
  const cookie = await loginCookie(s.url, USER);
  const target = `${s.url}/api/v1/brands/${brand.id}`;

  const check = await fetch(target, { headers: { cookie } });
  const body = (await check.json()) as { id?: string };
  if (check.status !== 200 || body.id !== brand.id) {
    throw new Error(`GET /api/v1/brands/:id answered ${check.status}, not the AUX brand`);
  }

  const bare = Fastify({ logger: false });
  bare.get<{ Params: { id: string } }>('/brands/:id', async (req, reply) => {
    const row = await db.selectFrom('brands').selectAll().where('id', '=', req.params.id).executeTakeFirst();
    if (!row) return reply.status(404).send({ code: 'NOT_FOUND' });
    const categories = await db
      .selectFrom('brand_categories')
      .selectAll()
      .where('brand_id', 'in', [row.id])
      .orderBy('code')
      .execute();
    return { ...row, categories };
  });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const rounds = await alternate(
      { url: target, headers: { cookie } },
      { url: `${bareUrl}/brands/${brand.id}` },
      opts,
    );
    return {
      subject: rounds.subject,
      baseline: rounds.baseline,
      labels: ['aftercare', 'bare'],
      notes: { user: USER, route: 'GET /api/v1/brands/:id', bareRoute: 'GET /brands/:id (no auth)' },
    };
  } finally {
    await bare.close();
  }
}
