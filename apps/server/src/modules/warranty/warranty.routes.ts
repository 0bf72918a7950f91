import { idParams, productWarrantyQuery, warrantyEvaluateBody, warrantyEvaluation } from '@aftercare/contracts';
import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { localeOf } from '../../platform/http/problem.ts';
import { evaluateAdHoc, evaluateProduct, type WarrantyDeps } from './warranty.evaluate.ts';

/**
 * Warranty verdicts (section D). Both routes need customers.read: whoever may see a customer's
 * products may see their warranty. The packs are the app's pack set (ctx.packs, loaded before the
 * routes are registered, so a broken shipped pack stops the app from starting), read at each request
 * so an activated version is used from the next verdict on.
 */
export function warrantyRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['warranty'];
  const read = { access: { cap: 'customers.read' as const } };
  const deps: WarrantyDeps = {
    db: ctx.db,
    clock: ctx.clock,
    get policies() {
      return ctx.packs.current();
    },
  };

  app.post(
    '/warranty/evaluate',
    { schema: { tags, body: warrantyEvaluateBody, response: { 200: warrantyEvaluation } }, config: read },
    async (req) => evaluateAdHoc(deps, req.principal!.scope, req.body, localeOf(req)),
  );

  app.get(
    '/products/:id/warranty',
    {
      schema: { tags, params: idParams, querystring: productWarrantyQuery, response: { 200: warrantyEvaluation } },
      config: { ...read, resource: 'product' },
    },
    async (req) => evaluateProduct(deps, req.principal!.scope, req.params.id, req.query, localeOf(req)),
  );
}
