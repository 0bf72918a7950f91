export { resolutionReport } from './sla-reports.reports.ts';
export { slaReportRoutes } from './sla-reports.routes.ts';
