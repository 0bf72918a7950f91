import {
  contactCall,
  customerOrderView,
  idParams,
  intakeResult,
  noteBody,
  orderIntake,
  orderListQuery,
  orderPublicStep,
  reasonBody,
  workOrder,
  workOrderPage,
  workOrderTimeline,
} from '@aftercare/contracts';
import { z } from 'zod';
import type { Principal } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { evaluateProduct } from '../warranty/index.ts';
import { callCustomer } from './commands/call.ts';
import { hashToken, type IntakeDeps, intake } from './commands/intake.ts';
import { appendEvent, parseIfMatch, runStep, stepActor } from './commands/step.ts';
import { WorkOrderErrors } from './work-orders.errors.ts';
import { partiesOf, presentEvent, presentOrder, publicSteps } from './work-orders.presenter.ts';
import { listOrders, lockOrder, type OrderRow, orderView, orderViews, timelineOf } from './work-orders.repository.ts';

/** Extra wiring other modules give the work-order routes (auto-dispatch after intake). */
export interface WorkOrderWiring {
  dispatch?: IntakeDeps['dispatch'];
}

export const customerLinkPath = (token: string) => `/h5/orders/${token}`;

export function workOrderRoutes(app: TypedApp, ctx: AppContext, wiring: WorkOrderWiring = {}) {
  const tags = ['work-orders'];
  const read = { access: { cap: 'orders.read' as const } };
  const write = { access: { cap: 'orders.write' as const } };
  const deps: IntakeDeps = {
    db: ctx.db,
    clock: ctx.clock,
    verdict: (trx, scope, productId) =>
      evaluateProduct({ db: trx, clock: ctx.clock, policies: ctx.packs.current() }, scope, productId, {}, 'zh-CN'),
    ...(wiring.dispatch && { dispatch: wiring.dispatch }),
  };

  async function present(p: Principal, row: OrderRow) {
    const [view] = await orderViews(ctx.db, [row]);
    return presentOrder(p, view!);
  }

  app.post(
    '/work-orders',
    {
      schema: {
        tags,
        summary: 'Register a contact (intake); a visit request is dispatched, a call-only contact closed',
        body: orderIntake,
        response: {
          201: intakeResult.extend({ customerLink: z.string().nullable() }),
          200: intakeResult.extend({ customerLink: z.string().nullable() }),
        },
      },
      config: write,
    },
    async (req, reply) => {
      const p = req.principal!;
      const r = await intake(deps, stepActor(p, req.id), p.scope, req.body);
      reply.code(r.outcome === 'linked' ? 200 : 201);
      return {
        order: await present(p, r.order),
        outcome: r.outcome,
        customerLink: r.customerToken ? customerLinkPath(r.customerToken) : null,
      };
    },
  );

  app.get(
    '/work-orders',
    { schema: { tags, querystring: orderListQuery, response: { 200: workOrderPage } }, config: read },
    async (req) => {
      const p = req.principal!;
      const page = await listOrders(ctx.db, p.scope, req.query);
      return {
        items: page.items.map((v) => presentOrder(p, v)),
        total: page.total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/work-orders/:id',
    { schema: { tags, params: idParams, response: { 200: workOrder } }, config: { ...read, resource: 'work_order' } },
    async (req, reply) => {
      const v = await orderView(ctx.db, req.principal!.scope, req.params.id);
      if (!v) throw new AppError(CommonErrors.NOT_FOUND);
      reply.header('etag', `"${v.row.version}"`);
      return presentOrder(req.principal!, v);
    },
  );

  /** Staff see every step with actor and data; a customer sees the plain-words steps only. */
  app.get(
    '/work-orders/:id/timeline',
    {
      schema: {
        tags,
        params: idParams,
        response: { 200: z.union([workOrderTimeline, z.object({ steps: z.array(orderPublicStep) })]) },
      },
      config: { ...read, resource: 'work_order' },
    },
    async (req) => {
      const p = req.principal!;
      const v = await orderView(ctx.db, p.scope, req.params.id);
      if (!v) throw new AppError(CommonErrors.NOT_FOUND);
      const events = await timelineOf(ctx.db, v.row.id);
      if (p.role === 'customer') return { steps: publicSteps(events) };
      return { items: events.map(presentEvent) };
    },
  );

  app.post(
    '/work-orders/:id/notes',
    {
      schema: { tags, params: idParams, body: noteBody, response: { 200: workOrder } },
      config: { ...read, resource: 'work_order' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await ctx.db.transaction().execute(async (trx) => {
        const order = await lockOrder(trx, p.scope, req.params.id);
        if (!order) throw new AppError(CommonErrors.NOT_FOUND);
        // Notes are staff's: a customer writes through complaints and the H5 page, not the timeline.
        if (partiesOf(p).filter((x) => x !== 'customer').length === 0) throw new AppError(CommonErrors.FORBIDDEN);
        await appendEvent(trx, ctx.clock, stepActor(p, req.id), order, {
          action: 'note',
          from: null,
          to: null,
          reason: req.body.text,
        });
        return trx
          .updateTable('work_orders')
          .set({ version: order.version + 1, updated_at: ctx.clock.now() })
          .where('id', '=', order.id)
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      return present(p, row);
    },
  );

  app.post(
    '/work-orders/:id/cancel',
    {
      schema: { tags, params: idParams, body: reasonBody, response: { 200: workOrder } },
      config: { ...write, resource: 'work_order' },
    },
    async (req) => {
      const p = req.principal!;
      const expectedVersion = parseIfMatch(req.headers['if-match']);
      const row = await runStep(
        ctx,
        stepActor(p, req.id),
        p.scope,
        req.params.id,
        'cancel',
        'desk',
        async (trx, order) => {
          // A pending offer dies with the order (the outlet's offer list must not keep it).
          if (order.status === 'dispatched' && (expectedVersion === null || expectedVersion === order.version))
            await trx
              .updateTable('work_order_offers')
              .set({ status: 'withdrawn', reason: 'order_cancelled', responded_at: ctx.clock.now() })
              .where('order_id', '=', order.id)
              .where('status', '=', 'pending')
              .execute();
          return { reason: req.body.reason, expectedVersion, patch: { offer_expires_at: null } };
        },
      );
      return present(p, row);
    },
  );

  /** The assigned technician calls the customer: the full number just in time, recorded. */
  app.post(
    '/work-orders/:id/call',
    {
      schema: { tags, params: idParams, response: { 200: contactCall } },
      config: { access: { cap: 'orders.visit' }, resource: 'work_order' },
    },
    async (req) => callCustomer(ctx, req.principal!, req.id, req.params.id),
  );

  /** The customer's H5 page, reached by the link in the SMS: progress in plain words, who is coming. */
  app.get(
    '/h5/orders/:token',
    {
      schema: {
        tags,
        params: z.strictObject({ token: z.string().min(20).max(64) }),
        response: { 200: customerOrderView },
      },
      config: { access: { public: true } },
    },
    async (req) => {
      const row = await ctx.db
        .selectFrom('work_orders')
        .selectAll()
        .where('customer_token_hash', '=', hashToken(req.params.token))
        .executeTakeFirst();
      if (!row) throw new AppError(WorkOrderErrors.WORK_ORDER_TOKEN_INVALID);
      const [view] = await orderViews(ctx.db, [row]);
      const events = await timelineOf(ctx.db, row.id);
      const full = presentOrder(null, view!);
      return {
        number: full.number,
        status: full.status,
        type: full.type,
        product: full.product,
        address: full.address,
        technician: full.technician ? { name: full.technician.name, licenceNo: full.technician.licenceNo } : null,
        outlet: view!.outlet ? { name: view!.outlet.name } : null,
        steps: publicSteps(events),
      };
    },
  );
}
