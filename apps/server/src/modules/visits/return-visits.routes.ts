import {
  idParams,
  returnVisitOutcomeBody,
  returnVisitPage,
  returnVisitQuery,
  returnVisitTask,
} from '@aftercare/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { recordOutcome, startReturnVisit } from './commands/return-visits.ts';
import { presentTask } from './visits.presenter.ts';
import { listTasks } from './visits.repository.ts';

export function returnVisitRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['return-visits'];
  const cap = { access: { cap: 'orders.returnVisit' as const } };

  app.get(
    '/return-visits',
    { schema: { tags, querystring: returnVisitQuery, response: { 200: returnVisitPage } }, config: cap },
    async (req) => {
      const now = ctx.clock.now();
      const page = await listTasks(ctx.db, req.principal!.scope, now, req.query);
      return {
        items: page.items.map((t) => presentTask(t, now)),
        total: page.total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.post(
    '/return-visits/:id/start',
    {
      schema: { tags, params: idParams, response: { 200: returnVisitTask } },
      config: { ...cap, resource: 'return_visit' },
    },
    async (req) => presentTask(await startReturnVisit(ctx, req.principal!, req.id, req.params.id), ctx.clock.now()),
  );

  app.post(
    '/return-visits/:id/outcome',
    {
      schema: { tags, params: idParams, body: returnVisitOutcomeBody, response: { 200: returnVisitTask } },
      config: { ...cap, resource: 'return_visit' },
    },
    async (req) =>
      presentTask(await recordOutcome(ctx, req.principal!, req.id, req.params.id, req.body), ctx.clock.now()),
  );
}
