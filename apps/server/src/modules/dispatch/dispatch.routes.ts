import {
  assignBody,
  boardQuery,
  dayPlan,
  dayPlanQuery,
  dispatchCandidates,
  dispatchPin,
  dispatchPinPage,
  idParams,
  okResponse,
  pinCreate,
  pinListQuery,
  reasonBody,
  redirectBody,
  refusalResult,
  workOrder,
  workOrderOffers,
  workOrderPage,
} from '@aftercare/contracts';
import { shanghaiDate } from '@aftercare/policy';
import { actorOf, type Principal } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { visibleOutlet } from '../network/lookups.ts';
import { findOrder, type OrderRow, orderViews, parseIfMatch, presentOrder } from '../work-orders/index.ts';
import { createPin, deletePin } from './dispatch.pins.ts';
import { presentCandidate, presentOffer, presentPin } from './dispatch.presenter.ts';
import { rankCandidates } from './dispatch.rank.ts';
import { boardPage, candidateFacts, dayPlanOf, offersOf, pinsPage } from './dispatch.repository.ts';
import { acceptOffer, assignTechnician, type DispatchDeps, redirectOrder, refuseOffer } from './dispatch.steps.ts';

export function dispatchRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['dispatch'];
  // Steps need only orders.read: the visible order answers 404 first, then runStepAs decides the party.
  const step = { access: { cap: 'orders.read' as const }, resource: 'work_order' as const };
  const dispatch = { access: { cap: 'orders.dispatch' as const } };
  const deps: DispatchDeps = { db: ctx.db, clock: ctx.clock, packs: ctx.packs };

  async function present(p: Principal, row: OrderRow) {
    const [view] = await orderViews(ctx.db, [row]);
    return presentOrder(p, view!);
  }

  app.post(
    '/work-orders/:id/accept',
    { schema: { tags, params: idParams, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      const version = parseIfMatch(req.headers['if-match']);
      return present(p, await acceptOffer(deps, p, req.id, req.params.id, version));
    },
  );

  /** The refusing outlet learns whether the order went on, not to whom (it no longer sees it). */
  app.post(
    '/work-orders/:id/refuse',
    { schema: { tags, params: idParams, body: reasonBody, response: { 200: refusalResult } }, config: step },
    async (req) => {
      const p = req.principal!;
      const version = parseIfMatch(req.headers['if-match']);
      const r = await refuseOffer(deps, p, req.id, req.params.id, req.body.reason, version);
      return { id: r.order.id, number: r.order.number, handedOn: r.handedOn };
    },
  );

  app.post(
    '/work-orders/:id/redirect',
    { schema: { tags, params: idParams, body: redirectBody, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      const version = parseIfMatch(req.headers['if-match']);
      return present(p, await redirectOrder(deps, p, req.id, req.params.id, req.body, version));
    },
  );

  app.post(
    '/work-orders/:id/assign',
    { schema: { tags, params: idParams, body: assignBody, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      const version = parseIfMatch(req.headers['if-match']);
      return present(p, await assignTechnician(deps, p, req.id, req.params.id, req.body.technicianId, version));
    },
  );

  app.get(
    '/work-orders/:id/candidates',
    {
      schema: { tags, params: idParams, response: { 200: dispatchCandidates } },
      config: { ...dispatch, resource: 'work_order' },
    },
    async (req) => {
      const order = await findOrder(ctx.db, req.principal!.scope, req.params.id);
      if (!order) throw new AppError(CommonErrors.NOT_FOUND);
      const facts = await candidateFacts(ctx.db, order);
      const excluded = await ctx.db
        .selectFrom('work_order_offers')
        .select(['outlet_id', 'status'])
        .where('order_id', '=', order.id)
        .where('status', 'in', ['refused', 'expired'])
        .execute();
      return {
        items: rankCandidates(facts).map(presentCandidate),
        excluded: excluded.map((e) => ({ outletId: e.outlet_id, status: e.status as 'refused' | 'expired' })),
      };
    },
  );

  app.get(
    '/work-orders/:id/offers',
    {
      schema: { tags, params: idParams, response: { 200: workOrderOffers } },
      config: { ...dispatch, resource: 'work_order' },
    },
    async (req) => {
      const order = await findOrder(ctx.db, req.principal!.scope, req.params.id);
      if (!order) throw new AppError(CommonErrors.NOT_FOUND);
      return { items: (await offersOf(ctx.db, order.id)).map(presentOffer), handoffs: order.handoffs };
    },
  );

  app.get(
    '/dispatch/board',
    { schema: { tags, querystring: boardQuery, response: { 200: workOrderPage } }, config: dispatch },
    async (req) => {
      const p = req.principal!;
      const page = await boardPage(ctx.db, ctx.clock, p.scope, req.query);
      return {
        items: page.items.map((v) => presentOrder(p, v)),
        total: page.total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  /** The outlet's manager, or brand staff: technicians and their jobs on one Shanghai day. */
  app.get(
    '/outlets/:id/day-plan',
    {
      schema: { tags, params: idParams, querystring: dayPlanQuery, response: { 200: dayPlan } },
      config: { access: { cap: 'orders.read' }, resource: 'outlet' },
    },
    async (req) => {
      const p = req.principal!;
      const outlet = await visibleOutlet(ctx.db, p.scope, req.params.id);
      if (!outlet) throw new AppError(CommonErrors.NOT_FOUND);
      if (p.scope.kind === 'technician' || p.scope.kind === 'customer') throw new AppError(CommonErrors.FORBIDDEN);
      const date = req.query.date ?? shanghaiDate(ctx.clock.now());
      return { outletId: outlet.id, date, technicians: await dayPlanOf(ctx.db, outlet.id, date) };
    },
  );

  app.get(
    '/dispatch/pins',
    { schema: { tags, querystring: pinListQuery, response: { 200: dispatchPinPage } }, config: dispatch },
    async (req) => {
      const page = await pinsPage(ctx.db, req.principal!.scope, req.query);
      return {
        items: page.items.map(presentPin),
        total: page.total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.post(
    '/dispatch/pins',
    { schema: { tags, body: pinCreate, response: { 201: dispatchPin } }, config: dispatch },
    async (req, reply) => {
      const p = req.principal!;
      const row = await createPin(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentPin(row));
    },
  );

  app.post(
    '/dispatch/pins/:id/delete',
    {
      schema: { tags, params: idParams, response: { 200: okResponse } },
      config: { ...dispatch, resource: 'dispatch_pin' },
    },
    async (req) => {
      const p = req.principal!;
      await deletePin(ctx, actorOf(p, req.id), p.scope, req.params.id);
      return { ok: true as const };
    },
  );
}
