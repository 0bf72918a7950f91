/** Sales lines from retailers' feeds (POST /sales) and the `sales` import: customers and products before the first call. */
export { applySaleTx } from './sales.commands.ts';
export { SalesErrors } from './sales.errors.ts';
export { salesRoutes } from './sales.routes.ts';
