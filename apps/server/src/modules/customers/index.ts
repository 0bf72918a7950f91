import type { AppContext } from '../../platform/context.ts';
import type { TypedApp } from '../../platform/http/app.ts';

export function customerRoutes(_app: TypedApp, _ctx: AppContext) {}
