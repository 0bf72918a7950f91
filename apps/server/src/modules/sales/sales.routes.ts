import { salesBatch, salesResult } from '@aftercare/contracts';
import { actorOf } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { localeOf } from '../../platform/http/problem.ts';
import { productionDateDecoder } from '../warranty/warranty.serial.ts';
import { receiveSales } from './sales.feed.ts';

export function salesRoutes(app: TypedApp, ctx: AppContext) {
  app.post(
    '/sales',
    {
      schema: {
        tags: ['sales'],
        summary: "Receive a retailer's sales lines (up to 1 000): create or update customers and installed products",
        description:
          "Each line is one sold unit with the retailer's own `externalId`. The customer is matched by a phone " +
          'number (any form: +86, 0086, dashes) within the brand, the product by serial within the brand, else ' +
          'by the externalId the line came with before. Sending the same line again changes nothing ' +
          '(`unchanged`); a changed line updates. All or nothing: any line with an error answers 422 ' +
          'SALES_HAS_ERRORS with `details` [{line, externalId, field, code, message}] and nothing is written. ' +
          'Usually called with an API key (X-API-Key) of a user with customers.write.',
        body: salesBatch,
        response: { 200: salesResult },
      },
      config: { access: { cap: 'customers.write' } },
    },
    async (req) => {
      const p = req.principal!;
      return receiveSales(
        {
          ...ctx,
          decode: productionDateDecoder(ctx, { cacheBrands: true }),
          onUnexpected: (err, line) => req.log.error({ err, line }, 'sales line failed unexpectedly'),
        },
        actorOf(p, req.id),
        p.scope,
        req.body.lines,
        localeOf(req),
      );
    },
  );
}
