import { brand, brandCreate, brandListQuery, brandUpdate, idParams, pageOf } from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, CommonErrors } from '../../platform/errors.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { createBrand, updateBrand } from './brands.commands.ts';
import { presentBrand } from './brands.presenter.ts';
import { categoriesOf, findBrand, listBrands } from './brands.repository.ts';

export function brandRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['brands'];
  app.get(
    '/brands',
    {
      schema: { tags, querystring: brandListQuery, response: { 200: pageOf(brand) } },
      config: { access: { cap: 'brands.read' } },
    },
    async (req) => {
      const { items, total } = await listBrands(ctx.db, req.principal!.scope, req.query);
      const cats = await categoriesOf(
        ctx.db,
        items.map((b) => b.id),
      );
      return {
        items: items.map((b) => presentBrand(b, cats)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.get(
    '/brands/:id',
    {
      schema: { tags, params: idParams, response: { 200: brand } },
      config: { access: { cap: 'brands.read' }, resource: 'brand' },
    },
    async (req) => {
      const row = await findBrand(ctx.db, req.principal!.scope, req.params.id);
      if (!row) throw new AppError(CommonErrors.NOT_FOUND);
      return presentBrand(row, await categoriesOf(ctx.db, [row.id]));
    },
  );

  app.post(
    '/brands',
    { schema: { tags, body: brandCreate, response: { 201: brand } }, config: { access: { cap: 'brands.write' } } },
    async (req, reply) => {
      const p = req.principal!;
      const { row, categories } = await createBrand(ctx, actorOf(p, req.id), p.scope, req.body);
      return reply.status(201).send(presentBrand(row, categories));
    },
  );

  app.patch(
    '/brands/:id',
    {
      schema: { tags, params: idParams, body: brandUpdate, response: { 200: brand } },
      config: { access: { cap: 'brands.write' }, resource: 'brand' },
    },
    async (req) => {
      const p = req.principal!;
      const { row, categories } = await updateBrand(ctx, actorOf(p, req.id), p.scope, req.params.id, req.body);
      return presentBrand(row, categories);
    },
  );
}
