import { idParams, pageOf, product, productCreate, productListQuery, productUpdate } from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { productionDateDecoder } from '../warranty/warranty.serial.ts';
import { presentProduct } from './customers.presenter.ts';
import { createProduct, updateProduct } from './products.commands.ts';
import { listProducts, productView, productViews } from './products.repository.ts';

/** Installed products (机器档案). */
export function productRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['products'];
  const read = { access: { cap: 'customers.read' as const } };
  const write = { access: { cap: 'customers.write' as const } };
  // Without a production date, the brand pack's serial rules supply one.
  const deps = { ...ctx, decode: productionDateDecoder(ctx) };

  app.get(
    '/products',
    { schema: { tags, querystring: productListQuery, response: { 200: pageOf(product) } }, config: read },
    async (req) => {
      const p = req.principal!;
      const { items, total } = await listProducts(ctx.db, p.scope, req.query);
      const views = await productViews(ctx.db, items);
      return { items: views.map(presentProduct), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.get(
    '/products/:id',
    { schema: { tags, params: idParams, response: { 200: product } }, config: { ...read, resource: 'product' } },
    async (req) => {
      const view = await productView(ctx.db, req.principal!.scope, req.params.id);
      if (!view) throw new AppError(CommonErrors.NOT_FOUND);
      return presentProduct(view);
    },
  );

  app.post(
    '/products',
    { schema: { tags, body: productCreate, response: { 201: product } }, config: write },
    async (req, reply) => {
      const p = req.principal!;
      const view = await createProduct(deps, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentProduct(view));
    },
  );

  app.patch(
    '/products/:id',
    {
      schema: { tags, params: idParams, body: productUpdate, response: { 200: product } },
      config: { ...write, resource: 'product' },
    },
    async (req) => {
      const p = req.principal!;
      const view = await updateProduct(deps, actorOf(p, req.id), p.scope, req.params.id, req.body);
      return presentProduct(view);
    },
  );
}
