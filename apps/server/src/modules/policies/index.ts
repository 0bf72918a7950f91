export { choosePack } from '../warranty/warranty.packs.ts';
export { policyRoutes } from './policies.routes.ts';
export { type CurrentPacks, importPackFiles, type PackLog, PackStore } from './policies.store.ts';
