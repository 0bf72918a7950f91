import { idParams, outlet, outletCreate, outletListQuery, outletUpdate, pageOf } from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { createOutlet, updateOutlet } from './outlets.commands.ts';
import { presentOutlet } from './outlets.presenter.ts';
import { listOutlets, outletView, withDetails } from './outlets.repository.ts';

export function outletRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['outlets'];
  app.get(
    '/outlets',
    {
      schema: { tags, querystring: outletListQuery, response: { 200: pageOf(outlet) } },
      config: { access: { cap: 'network.read' } },
    },
    async (req) => {
      const p = req.principal!;
      const { items, total } = await listOutlets(ctx.db, p.scope, req.query);
      const views = await withDetails(ctx.db, p.scope, items);
      return {
        items: views.map((v) => presentOutlet(p, v)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/outlets/:id',
    {
      schema: { tags, params: idParams, response: { 200: outlet } },
      config: { access: { cap: 'network.read' }, resource: 'outlet' },
    },
    async (req) => {
      const p = req.principal!;
      const view = await outletView(ctx.db, p.scope, req.params.id);
      if (!view) throw new AppError(CommonErrors.NOT_FOUND);
      return presentOutlet(p, view);
    },
  );

  app.post(
    '/outlets',
    { schema: { tags, body: outletCreate, response: { 201: outlet } }, config: { access: { cap: 'network.write' } } },
    async (req, reply) => {
      const p = req.principal!;
      const view = await createOutlet(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentOutlet(p, view));
    },
  );

  app.patch(
    '/outlets/:id',
    {
      schema: { tags, params: idParams, body: outletUpdate, response: { 200: outlet } },
      config: { access: { cap: 'network.write' }, resource: 'outlet' },
    },
    async (req) => {
      const p = req.principal!;
      const view = await updateOutlet(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body);
      return presentOutlet(p, view);
    },
  );
}
