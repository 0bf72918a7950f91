import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { alternate } from '../load.ts';
import { loginCookie } from '../login.ts';
import type { BenchOptions } from '../stats.ts';
import type { Started } from '../targets.ts';
import type { Measured } from './types.ts';

const USER = 'aux.agent';
/** The load: intake at 50 concurrent connections. */
const CONNECTIONS = 50;
const BODIES = 400;

/**
 * Full intake through HTTP — POST /api/v1/work-orders as an AUX agent for demo customers' registered
 * products: customer and product checks, duplicate detection, the warranty verdict under the brand's
 * pack, the order number, the order row, its timeline, audit and outbox rows, and auto-dispatch to
 * the best candidate outlet (offer row, hand-off event) — against a bare Fastify route in the same
 * process that writes the same rows (order, two timeline events, offer, two outbox events, audit)
 * with raw SQL in one transaction and no reads, checks or rules.
 */
export async function intake(s: Started, opts: BenchOptions): Promise<Measured> {
  const { db } = s.running.ctx;
  const brand = await db.selectFrom('brands').select('id').where('code', '=', 'AUX').executeTakeFirstOrThrow();
  const products = await db
    .selectFrom('installed_products')
    .select(['id', 'customer_id'])
    .where('brand_id', '=', brand.id)
    .orderBy('id')
    .limit(BODIES)
    .execute();
  const outlet = await db
    .selectFrom('brand_outlets')
    .select('outlet_id')
    .where('brand_id', '=', brand.id)
    .executeTakeFirstOrThrow();
  const cookie = await loginCookie(s.url, USER);
  const bodies = products.map((p) =>
    JSON.stringify({
      brandId: brand.id,
      type: 'repair',
      channel: 'phone',
      customerId: p.customer_id,
      productId: p.id,
      faultDescription: '空调不制冷，室外机不转',
      // Every request creates an order even when the product already has one open.
      onDuplicate: 'create',
    }),
  );

  const check = await fetch(`${s.url}/api/v1/work-orders`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: bodies[0],
  });
  const first = (await check.json()) as { order?: { status: string; outlet: unknown; verdict: unknown } };
  if (check.status !== 201 || !first.order?.verdict)
    throw new Error(`POST /api/v1/work-orders answered ${check.status}: ${JSON.stringify(first).slice(0, 300)}`);
  const dispatched = first.order.status === 'dispatched';

  const bare = Fastify({ logger: false });
  bare.post<{ Body: { brandId: string; customerId: string; productId: string } }>('/orders', async (req, reply) => {
    const b = req.body;
    const now = new Date();
    const id = randomUUID();
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('work_orders')
        .values({
          id,
          number: `B${id.slice(0, 18)}`,
          brand_id: b.brandId,
          type: 'repair',
          channel: 'phone',
          status: 'dispatched',
          customer_id: b.customerId,
          product_id: b.productId,
          category_code: 'air_conditioner',
          division_code: '310115004',
          address_detail: '潍坊路100弄1号101室',
          urban_rural: 'urban',
          contact_name: '用户',
          contact_phone: '13800000000',
          flags: [],
          outlet_id: outlet.outlet_id,
          offer_expires_at: new Date(now.getTime() + 1_800_000),
          created_at: now,
          updated_at: now,
        })
        .execute();
      const event = (seq: number, action: string) => ({
        id: randomUUID(),
        order_id: id,
        brand_id: b.brandId,
        seq,
        action,
        actor_type: 'user',
        data: '{}',
        at: now,
      });
      await trx
        .insertInto('work_order_events')
        .values([event(1, 'register'), event(2, 'offer')])
        .execute();
      await trx
        .insertInto('work_order_offers')
        .values({
          id: randomUUID(),
          order_id: id,
          brand_id: b.brandId,
          outlet_id: outlet.outlet_id,
          rank: 1,
          source: 'auto',
          status: 'pending',
          offered_at: now,
          expires_at: new Date(now.getTime() + 1_800_000),
        })
        .execute();
      const outbox = (type: string) => ({
        id: randomUUID(),
        type,
        aggregate_type: 'work_order',
        aggregate_id: id,
        brand_id: b.brandId,
        payload: '{}',
        created_at: now,
        available_at: now,
      });
      await trx
        .insertInto('events')
        .values([outbox('work_order.register'), outbox('work_order.offer')])
        .execute();
      await trx
        .insertInto('audit_log')
        .values({
          id: randomUUID(),
          at: now,
          actor_type: 'user',
          action: 'work_order.create',
          entity: 'work_order',
          entity_id: id,
        })
        .execute();
    });
    return reply.status(201).send({ id });
  });
  const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const rounds = await alternate(
      {
        url: `${s.url}/api/v1/work-orders`,
        headers: { cookie },
        requests: bodies.map((body) => ({ method: 'POST', path: '/api/v1/work-orders', body })),
      },
      { url: `${bareUrl}/orders`, requests: bodies.map((body) => ({ method: 'POST', path: '/orders', body })) },
      { ...opts, connections: CONNECTIONS },
    );
    return {
      subject: rounds.subject,
      baseline: rounds.baseline,
      labels: ['aftercare', 'raw-sql'],
      notes: {
        user: USER,
        route: 'POST /api/v1/work-orders (repair, stored product, onDuplicate=create)',
        connections: String(CONNECTIONS),
        autoDispatch: dispatched
          ? 'yes (first order was offered to an outlet)'
          : `no (first order stayed ${first.order.status})`,
      },
    };
  } finally {
    await bare.close();
  }
}
