export { createServiceCenterTx, updateServiceCenterTx } from './service-centers.commands.ts';
export { serviceCenterRoutes } from './service-centers.routes.ts';
