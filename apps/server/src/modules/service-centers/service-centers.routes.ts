import {
  idParams,
  pageOf,
  serviceCenter,
  serviceCenterCreate,
  serviceCenterListQuery,
  serviceCenterUpdate,
} from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { createServiceCenter, updateServiceCenter } from './service-centers.commands.ts';
import { presentServiceCenter } from './service-centers.presenter.ts';
import { findServiceCenter, listServiceCenters } from './service-centers.repository.ts';

export function serviceCenterRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['service-centers'];
  app.get(
    '/service-centers',
    {
      schema: { tags, querystring: serviceCenterListQuery, response: { 200: pageOf(serviceCenter) } },
      config: { access: { cap: 'network.read' } },
    },
    async (req) => {
      const p = req.principal!;
      const { items, total } = await listServiceCenters(ctx.db, p.scope, req.query);
      return {
        items: items.map((r) => presentServiceCenter(p, r)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/service-centers/:id',
    {
      schema: { tags, params: idParams, response: { 200: serviceCenter } },
      config: { access: { cap: 'network.read' }, resource: 'service_center' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await findServiceCenter(ctx.db, p.scope, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentServiceCenter(p, row);
    },
  );

  app.post(
    '/service-centers',
    {
      schema: { tags, body: serviceCenterCreate, response: { 201: serviceCenter } },
      config: { access: { cap: 'network.write' } },
    },
    async (req, reply) => {
      const p = req.principal!;
      const row = await createServiceCenter(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentServiceCenter(p, row));
    },
  );

  app.patch(
    '/service-centers/:id',
    {
      schema: { tags, params: idParams, body: serviceCenterUpdate, response: { 200: serviceCenter } },
      config: { access: { cap: 'network.write' }, resource: 'service_center' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await updateServiceCenter(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body);
      return presentServiceCenter(p, row);
    },
  );
}
