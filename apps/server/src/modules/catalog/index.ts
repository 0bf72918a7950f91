export { createModelTx, createPartTx, updateModelTx, updatePartTx } from './catalog.commands.ts';
export { brandHasCategory } from './catalog.repository.ts';
export { catalogRoutes } from './catalog.routes.ts';
export { faultCodeRoutes } from './fault-codes.ts';
