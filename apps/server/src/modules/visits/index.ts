import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { chargeRoutes } from './charges.routes.ts';
import { returnVisitRoutes } from './return-visits.routes.ts';
import { visitRoutes } from './visits.routes.ts';

export { VisitErrors } from './visits.errors.ts';

/** Appointments, visits, completion, charges and return visits of work orders (section E). */
export function visitsRoutes(app: TypedApp, ctx: AppContext) {
  visitRoutes(app, ctx);
  chargeRoutes(app, ctx);
  returnVisitRoutes(app, ctx);
}
