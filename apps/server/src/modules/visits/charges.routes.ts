import {
  charge,
  chargeList,
  h5Confirmed,
  h5TokenParams,
  idParams,
  quoteBody,
  quoteDecisionBody,
  workOrder,
} from '@aftercare/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import {
  findOrder,
  lockOrder,
  orderByToken,
  orderViews,
  parseIfMatch,
  partyFor,
  presentOrder,
  stepActor,
  WorkOrderErrors,
} from '../work-orders/index.ts';
import { decideQuoteTx, makeQuote } from './commands/charges.ts';
import { h5Confirm, h5DecideQuote } from './commands/h5.ts';
import { presentCharge } from './visits.presenter.ts';
import { chargesOf } from './visits.repository.ts';

const orderWithCharge = z.object({ order: workOrder, charge });

export function chargeRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['charges'];
  const step = { access: { cap: 'orders.read' as const }, resource: 'work_order' as const };
  const h5 = { access: { public: true as const } };

  async function present(p: Parameters<typeof presentOrder>[0], row: Parameters<typeof orderViews>[1][number]) {
    const [view] = await orderViews(ctx.db, [row]);
    return presentOrder(p, view!);
  }

  app.post(
    '/work-orders/:id/quote',
    {
      schema: {
        tags,
        summary: 'Quote from the fee standard (明码标价); what the warranty covers is zeroed',
        params: idParams,
        body: quoteBody,
        response: { 200: orderWithCharge },
      },
      config: step,
    },
    async (req) => {
      const p = req.principal!;
      const r = await makeQuote(ctx, p, req.id, req.params.id, req.body, parseIfMatch(req.headers['if-match']));
      return { order: await present(p, r.order), charge: presentCharge(r.charge) };
    },
  );

  /** The customer's decision, captured on the technician's screen (or by a signed-in customer). */
  app.post(
    '/work-orders/:id/quote/decision',
    {
      schema: { tags, params: idParams, body: quoteDecisionBody, response: { 200: orderWithCharge } },
      config: step,
    },
    async (req) => {
      const p = req.principal!;
      const r = await ctx.db.transaction().execute(async (trx) => {
        const order = await lockOrder(trx, p.scope, req.params.id);
        if (!order) throw new AppError(CommonErrors.NOT_FOUND);
        const party = partyFor(p, 'quote_decision');
        // Who answered is the customer either way; who held the screen is the step's actor on the timeline.
        const by = party === 'customer' ? 'customer' : 'customer:on-technician-screen';
        const v = parseIfMatch(req.headers['if-match']);
        return decideQuoteTx(trx, ctx.clock, stepActor(p, req.id), order, party, req.body.accept, by, v);
      });
      return { order: await present(p, r.order), charge: presentCharge(r.charge) };
    },
  );

  app.get(
    '/work-orders/:id/charges',
    { schema: { tags, params: idParams, response: { 200: chargeList } }, config: step },
    async (req) => {
      const order = await findOrder(ctx.db, req.principal!.scope, req.params.id);
      if (!order) throw new AppError(CommonErrors.NOT_FOUND);
      return { items: (await chargesOf(ctx.db, order.id)).map(presentCharge) };
    },
  );

  app.get(
    '/h5/orders/:token/charges',
    { schema: { tags, params: h5TokenParams, response: { 200: chargeList } }, config: h5 },
    async (req) => {
      const row = await orderByToken(ctx.db, req.params.token);
      if (!row) throw new AppError(WorkOrderErrors.WORK_ORDER_TOKEN_INVALID);
      return { items: (await chargesOf(ctx.db, row.id)).map(presentCharge) };
    },
  );

  app.post(
    '/h5/orders/:token/quote/decision',
    {
      schema: { tags, params: h5TokenParams, body: quoteDecisionBody, response: { 200: z.object({ charge }) } },
      config: h5,
    },
    async (req) => {
      const r = await h5DecideQuote(ctx, req.params.token, req.id, req.body.accept);
      return { charge: presentCharge(r.charge) };
    },
  );

  app.post(
    '/h5/orders/:token/confirm',
    { schema: { tags, params: h5TokenParams, response: { 200: h5Confirmed } }, config: h5 },
    async (req) => h5Confirm(ctx, req.params.token, req.id),
  );
}
