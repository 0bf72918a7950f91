import { idParams, pageOf, region, regionCreate, regionListQuery, regionUpdate } from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { createRegion, updateRegion } from './regions.commands.ts';
import { presentRegion } from './regions.presenter.ts';
import { findRegion, listRegions } from './regions.repository.ts';

export function regionRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['regions'];
  app.get(
    '/regions',
    {
      schema: { tags, querystring: regionListQuery, response: { 200: pageOf(region) } },
      config: { access: { cap: 'network.read' } },
    },
    async (req) => {
      const p = req.principal!;
      const { items, total } = await listRegions(ctx.db, p.scope, req.query);
      return {
        items: items.map((r) => presentRegion(p, r)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/regions/:id',
    {
      schema: { tags, params: idParams, response: { 200: region } },
      config: { access: { cap: 'network.read' }, resource: 'region' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await findRegion(ctx.db, p.scope, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentRegion(p, row);
    },
  );

  app.post(
    '/regions',
    { schema: { tags, body: regionCreate, response: { 201: region } }, config: { access: { cap: 'network.write' } } },
    async (req, reply) => {
      const p = req.principal!;
      const row = await createRegion(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentRegion(p, row));
    },
  );

  app.patch(
    '/regions/:id',
    {
      schema: { tags, params: idParams, body: regionUpdate, response: { 200: region } },
      config: { access: { cap: 'network.write' }, resource: 'region' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await updateRegion(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body);
      return presentRegion(p, row);
    },
  );
}
