import { onTimeReport, resolutionReport, slaReportQuery } from '@aftercare/contracts';
import type { AppContext } from '../../platform/context.ts';
import { XLSX_TYPE } from '../../platform/export.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { localeOf } from '../../platform/http/problem.ts';
import { dispositionOf, onTimeXlsx, resolutionXlsx } from './sla-reports.export.ts';
import { onTimeReport as buildOnTime, resolutionReport as buildResolution } from './sla-reports.reports.ts';

export function slaReportRoutes(app: TypedApp, ctx: AppContext) {
  const tags = ['sla'];
  const config = { access: { cap: 'sla.read' as const } };

  app.get(
    '/sla/reports/resolution',
    {
      schema: {
        tags,
        summary:
          'Resolution rates within 1, 2, 3 and 5 days against the pack targets, by brand, region, outlet or period',
        querystring: slaReportQuery,
        response: { 200: resolutionReport },
      },
      config,
    },
    async (req) => buildResolution(ctx, req.principal!.scope, req.query),
  );

  app.get(
    '/sla/reports/on-time',
    {
      schema: {
        tags,
        summary:
          'On-time rate per milestone (met / (met + missed + open past due)), by brand, region, outlet or period',
        querystring: slaReportQuery,
        response: { 200: onTimeReport },
      },
      config,
    },
    async (req) => buildOnTime(ctx, req.principal!.scope, req.query),
  );

  app.get(
    '/sla/reports/resolution.xlsx',
    {
      schema: {
        tags,
        summary: 'The resolution-rate report as .xlsx',
        querystring: slaReportQuery,
        produces: [XLSX_TYPE],
      },
      config,
    },
    async (req, reply) => {
      const report = await buildResolution(ctx, req.principal!.scope, req.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', dispositionOf('resolution', report))
        .header('cache-control', 'no-store')
        .send(await resolutionXlsx(report, localeOf(req)));
    },
  );

  app.get(
    '/sla/reports/on-time.xlsx',
    {
      schema: { tags, summary: 'The on-time report as .xlsx', querystring: slaReportQuery, produces: [XLSX_TYPE] },
      config,
    },
    async (req, reply) => {
      const report = await buildOnTime(ctx, req.principal!.scope, req.query);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', dispositionOf('on-time', report))
        .header('cache-control', 'no-store')
        .send(await onTimeXlsx(report, localeOf(req)));
    },
  );
}
