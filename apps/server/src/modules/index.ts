import type { AppContext } from '../platform/context.ts';
import type { TypedApp } from '../platform/http/app.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { brandRoutes } from './brands/brands.routes.ts';

/** Every domain's routes, mounted under /api/v1. */
export async function registerRoutes(app: TypedApp, ctx: AppContext) {
  authRoutes(app, ctx);
  brandRoutes(app, ctx);
}
