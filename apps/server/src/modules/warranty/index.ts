export { contractCovers, evaluateAdHoc, evaluateProduct, packCategory, productFacts } from './warranty.evaluate.ts';
export { EXPIRING_WITHIN_DAYS, productsExpiringSoon } from './warranty.flags.ts';
export { choosePack, loadPolicies, PolicyLoadError } from './warranty.packs.ts';
export { warrantyRoutes } from './warranty.routes.ts';
export { productionDateDecoder, serialDecoder } from './warranty.serial.ts';
