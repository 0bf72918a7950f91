export { createRegionTx, updateRegionTx } from './regions.commands.ts';
export { regionRoutes } from './regions.routes.ts';
