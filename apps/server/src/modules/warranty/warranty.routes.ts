import {
  entitlementParams,
  entitlementUseBody,
  entitlementUseList,
  entitlementUseParams,
  entitlementUseResult,
  entitlementVoidBody,
  idParams,
  productWarrantyQuery,
  warrantyEvaluateBody,
  warrantyEvaluation,
} from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { localeOf } from '../../platform/http/problem.ts';
import { listEntitlementUses, useEntitlement, voidEntitlementUse } from './warranty.entitlements.ts';
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

  // Free-service entitlements consumed (section D): whoever may write the customer's products records
  // a use; only a brand administrator (entitlements.correct) voids one recorded by mistake.
  app.get(
    '/products/:id/entitlement-uses',
    {
      schema: { tags, params: idParams, response: { 200: entitlementUseList } },
      config: { ...read, resource: 'product' },
    },
    async (req) => listEntitlementUses(deps, req.principal!.scope, req.params.id),
  );

  app.post(
    '/products/:id/entitlements/:entitlementId/use',
    {
      schema: {
        tags,
        summary: 'Record one use of a free-service entitlement (409 when none is left in its period)',
        params: entitlementParams,
        body: entitlementUseBody,
        response: { 201: entitlementUseResult },
      },
      config: { access: { cap: 'customers.write' as const }, resource: 'product' },
    },
    async (req, reply) => {
      const p = req.principal!;
      const out = await useEntitlement(
        deps,
        actorOf(p, req.id),
        p.scope,
        req.params.id,
        req.params.entitlementId,
        req.body ?? {},
      );
      return reply.status(201).send(out);
    },
  );

  app.post(
    '/products/:id/entitlements/:entitlementId/uses/:useId/void',
    {
      schema: {
        tags,
        summary: 'Void a use recorded by mistake (brand administrators)',
        params: entitlementUseParams,
        body: entitlementVoidBody,
        response: {
          200: entitlementUseResult.extend({ entitlement: entitlementUseResult.shape.entitlement.nullable() }),
        },
      },
      config: { access: { cap: 'entitlements.correct' as const }, resource: 'product' },
    },
    async (req) => {
      const p = req.principal!;
      return voidEntitlementUse(
        deps,
        actorOf(p, req.id),
        p.scope,
        req.params.id,
        req.params.entitlementId,
        req.params.useId,
        req.body.reason,
      );
    },
  );
}
