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
import { type IntakeDeps, intake } from './commands/intake.ts';
import { addNote, cancelOrder } from './commands/notes.ts';
import { parseIfMatch, stepActor } from './commands/step.ts';
import { customerLinkPath } from './customer-link.ts';
import { WorkOrderErrors } from './work-orders.errors.ts';
import { presentEvent, presentOrder, publicSteps } from './work-orders.presenter.ts';
import {
  listOrders,
  type OrderRow,
  orderByToken,
  orderView,
  orderViews,
  timelineOf,
} from './work-orders.repository.ts';

/** Extra wiring other modules give the work-order routes (auto-dispatch after intake). */
export interface WorkOrderWiring {
  dispatch?: IntakeDeps['dispatch'];
}

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
    async (req) => present(req.principal!, await addNote(ctx, req.principal!, req.id, req.params.id, req.body.text)),
  );

  app.post(
    '/work-orders/:id/cancel',
    {
      schema: { tags, params: idParams, body: reasonBody, response: { 200: workOrder } },
      config: { ...write, resource: 'work_order' },
    },
    async (req) => {
      const p = req.principal!;
      const version = parseIfMatch(req.headers['if-match']);
      return present(p, await cancelOrder(ctx, p, req.id, req.params.id, req.body.reason, version));
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
      const row = await orderByToken(ctx.db, req.params.token);
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
