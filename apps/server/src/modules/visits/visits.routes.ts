import {
  appointmentList,
  bookBody,
  checkInBody,
  completeBody,
  completionCodeSent,
  idParams,
  reasonBody,
  rescheduleBody,
  visit,
  visitBody,
  visitList,
  workOrder,
} from '@aftercare/contracts';
import { serviceRules } from '@aftercare/policy';
import type { Principal } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { findOrder, type OrderRow, orderViews, parseIfMatch, presentOrder } from '../work-orders/index.ts';
import { book, reschedule } from './commands/appointments.ts';
import { complete, sendCompletionCode } from './commands/completion.ts';
import { reopen } from './commands/return-visits.ts';
import { checkIn, depart, leave, saveVisit } from './commands/visit.ts';
import { presentAppointment, presentVisit } from './visits.presenter.ts';
import { appointmentsOf, packOf, visitsOf } from './visits.repository.ts';

export function visitRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['visits'];
  // Steps need only orders.read: the order must be visible (404), then the caller's party decides (403).
  const step = { access: { cap: 'orders.read' as const }, resource: 'work_order' as const };
  const version = (h: string | string[] | undefined) => parseIfMatch(h);

  async function present(p: Principal, row: OrderRow) {
    const [view] = await orderViews(ctx.db, [row]);
    return presentOrder(p, view!);
  }
  async function visible(p: Principal, id: string) {
    const order = await findOrder(ctx.db, p.scope, id);
    if (!order) throw new AppError(CommonErrors.NOT_FOUND);
    return order;
  }

  app.post(
    '/work-orders/:id/book',
    { schema: { tags, params: idParams, body: bookBody, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      return present(p, await book(ctx, p, req.id, req.params.id, req.body, version(req.headers['if-match'])));
    },
  );

  app.post(
    '/work-orders/:id/reschedule',
    { schema: { tags, params: idParams, body: rescheduleBody, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      return present(p, await reschedule(ctx, p, req.id, req.params.id, req.body, version(req.headers['if-match'])));
    },
  );

  app.get(
    '/work-orders/:id/appointments',
    { schema: { tags, params: idParams, response: { 200: appointmentList } }, config: step },
    async (req) => {
      const order = await visible(req.principal!, req.params.id);
      return { items: (await appointmentsOf(ctx.db, order.id)).map(presentAppointment) };
    },
  );

  app.post(
    '/work-orders/:id/depart',
    { schema: { tags, params: idParams, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      return present(p, await depart(ctx, p, req.id, req.params.id, version(req.headers['if-match'])));
    },
  );

  app.post(
    '/work-orders/:id/check-in',
    { schema: { tags, params: idParams, body: checkInBody, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      return present(p, await checkIn(ctx, p, req.id, req.params.id, req.body, version(req.headers['if-match'])));
    },
  );

  app.put(
    '/work-orders/:id/visit',
    { schema: { tags, params: idParams, body: visitBody, response: { 200: visit } }, config: step },
    async (req) => {
      const p = req.principal!;
      const r = await saveVisit(ctx, p, req.id, req.params.id, req.body);
      const [tech] = await visitsOf(ctx.db, r.visit.order_id).then((vs) => vs.filter((v) => v.id === r.visit.id));
      return presentVisit({ ...r.visit, technician_name: tech?.technician_name ?? '' }, r.checklist);
    },
  );

  app.get(
    '/work-orders/:id/visits',
    { schema: { tags, params: idParams, response: { 200: visitList } }, config: step },
    async (req) => {
      const order = await visible(req.principal!, req.params.id);
      const rules = serviceRules(await packOf(ctx.db, ctx, order.brand_id));
      const outside = req.principal!.role === 'customer';
      return { items: (await visitsOf(ctx.db, order.id)).map((v) => presentVisit(v, rules.checklist, outside)) };
    },
  );

  app.post(
    '/work-orders/:id/completion-code',
    {
      schema: {
        tags,
        summary: 'Send the customer a one-time completion code by SMS (the code is never in the answer)',
        params: idParams,
        response: { 200: completionCodeSent },
      },
      config: step,
    },
    async (req) => sendCompletionCode(ctx, req.principal!, req.id, req.params.id),
  );

  app.post(
    '/work-orders/:id/complete',
    { schema: { tags, params: idParams, body: completeBody, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      return present(p, await complete(ctx, p, req.id, req.params.id, req.body, version(req.headers['if-match'])));
    },
  );

  for (const [path, action] of [
    ['wait-parts', 'wait_parts'],
    ['to-factory', 'to_factory'],
    ['revisit', 'revisit'],
  ] as const) {
    app.post(
      `/work-orders/:id/${path}`,
      { schema: { tags, params: idParams, body: reasonBody, response: { 200: workOrder } }, config: step },
      async (req) => {
        const p = req.principal!;
        const v = version(req.headers['if-match']);
        return present(p, await leave(ctx, p, req.id, req.params.id, action, req.body.reason, v));
      },
    );
  }

  app.post(
    '/work-orders/:id/reopen',
    { schema: { tags, params: idParams, body: reasonBody, response: { 200: workOrder } }, config: step },
    async (req) => {
      const p = req.principal!;
      return present(p, await reopen(ctx, p, req.id, req.params.id, req.body.reason, version(req.headers['if-match'])));
    },
  );
}
