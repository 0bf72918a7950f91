import {
  idParams,
  modelCreate,
  modelListQuery,
  modelUpdate,
  pageOf,
  part,
  partCreate,
  partListQuery,
  partUpdate,
  productModel,
} from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { createModel, createPart, updateModel, updatePart } from './catalog.commands.ts';
import { presentModel, presentPart } from './catalog.presenter.ts';
import { findModel, findPart, listModels, listParts, modelIdsOf } from './catalog.repository.ts';

const PRICE_NOTE = 'Prices are integer fen (分): priceFen 12850 is ¥128.50.';

export function catalogRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['catalog'];
  const read = { access: { cap: 'catalog.read' as const } };
  const write = { access: { cap: 'catalog.write' as const } };

  // ---------- product models ----------
  app.get(
    '/models',
    { schema: { tags, querystring: modelListQuery, response: { 200: pageOf(productModel) } }, config: read },
    async (req) => {
      const { items, total } = await listModels(ctx.db, req.principal!.scope, req.query);
      return { items: items.map(presentModel), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/models/:id',
    { schema: { tags, params: idParams, response: { 200: productModel } }, config: { ...read, resource: 'model' } },
    async (req) => {
      const row = await findModel(ctx.db, req.principal!.scope, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentModel(row);
    },
  );

  app.post(
    '/models',
    { schema: { tags, body: modelCreate, response: { 201: productModel } }, config: write },
    async (req, reply) => {
      const p = req.principal!;
      const row = await createModel(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentModel(row));
    },
  );

  app.patch(
    '/models/:id',
    {
      schema: { tags, params: idParams, body: modelUpdate, response: { 200: productModel } },
      config: { ...write, resource: 'model' },
    },
    async (req) => {
      const p = req.principal!;
      return presentModel(await updateModel(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body));
    },
  );

  // ---------- parts ----------
  app.get(
    '/parts',
    {
      schema: { tags, description: PRICE_NOTE, querystring: partListQuery, response: { 200: pageOf(part) } },
      config: read,
    },
    async (req) => {
      const { items, total } = await listParts(ctx.db, req.principal!.scope, req.query);
      const models = await modelIdsOf(
        ctx.db,
        items.map((r) => r.id),
      );
      return {
        items: items.map((r) => presentPart(r, models)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/parts/:id',
    {
      schema: { tags, description: PRICE_NOTE, params: idParams, response: { 200: part } },
      config: { ...read, resource: 'part' },
    },
    async (req) => {
      const row = await findPart(ctx.db, req.principal!.scope, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentPart(row, await modelIdsOf(ctx.db, [row.id]));
    },
  );

  app.post(
    '/parts',
    { schema: { tags, description: PRICE_NOTE, body: partCreate, response: { 201: part } }, config: write },
    async (req, reply) => {
      const p = req.principal!;
      const row = await createPart(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentPart(row, await modelIdsOf(ctx.db, [row.id])));
    },
  );

  app.patch(
    '/parts/:id',
    {
      schema: { tags, description: PRICE_NOTE, params: idParams, body: partUpdate, response: { 200: part } },
      config: { ...write, resource: 'part' },
    },
    async (req) => {
      const p = req.principal!;
      const row = await updatePart(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body);
      return presentPart(row, await modelIdsOf(ctx.db, [row.id]));
    },
  );
}
