import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';
import { customerRoutes as customers } from './customers.routes.ts';
import { productRoutes } from './products.routes.ts';

export function customerRoutes(app: TypedApp, ctx: AppContext) {
  customers(app, ctx);
  productRoutes(app, ctx);
}
