import type { AppContext } from '../platform/context.ts';
import type { TypedApp } from '../platform/http/app.ts';
import { apiKeyRoutes } from './api-keys/index.ts';
import { assessmentRoutes } from './assessments/index.ts';
import { auditRoutes } from './audit/index.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { brandRoutes } from './brands/brands.routes.ts';
import { calendarRoutes } from './calendar/index.ts';
import { catalogRoutes, faultCodeRoutes } from './catalog/index.ts';
import { customerRoutes } from './customers/index.ts';
import { dispatchOrderWith, dispatchRoutes } from './dispatch/index.ts';
import { divisionRoutes } from './divisions/index.ts';
import { importRoutes } from './imports/index.ts';
import { outletRoutes } from './outlets/index.ts';
import { policyRoutes } from './policies/index.ts';
import { regionRoutes } from './regions/index.ts';
import { salesRoutes } from './sales/index.ts';
import { serviceCenterRoutes } from './service-centers/index.ts';
import { slaRoutes } from './sla/index.ts';
import { slaBoardRoutes } from './sla-board/index.ts';
import { slaReportRoutes } from './sla-reports/index.ts';
import { technicianRoutes } from './technicians/index.ts';
import { userRoutes } from './users/index.ts';
import { visitsRoutes } from './visits/index.ts';
import { warrantyRoutes } from './warranty/index.ts';
import { workOrderRoutes } from './work-orders/index.ts';

/** Every domain's routes, mounted under /api/v1. */
export async function registerRoutes(app: TypedApp, ctx: AppContext) {
  // The shipped packs are imported and the pack set read before any route can judge a warranty.
  await ctx.packs.load(ctx.config.policiesDir, app.log);
  authRoutes(app, ctx);
  brandRoutes(app, ctx);
  regionRoutes(app, ctx);
  serviceCenterRoutes(app, ctx);
  outletRoutes(app, ctx);
  technicianRoutes(app, ctx);
  divisionRoutes(app, ctx);
  userRoutes(app, ctx);
  apiKeyRoutes(app, ctx);
  importRoutes(app, ctx);
  auditRoutes(app, ctx);
  catalogRoutes(app, ctx);
  faultCodeRoutes(app, ctx);
  customerRoutes(app, ctx);
  salesRoutes(app, ctx);
  warrantyRoutes(app, ctx);
  policyRoutes(app, ctx);
  workOrderRoutes(app, ctx, { dispatch: dispatchOrderWith(ctx.packs) });
  visitsRoutes(app, ctx);
  dispatchRoutes(app, ctx);
  calendarRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  slaRoutes(app, ctx);
  slaBoardRoutes(app, ctx);
  slaReportRoutes(app, ctx);
}
