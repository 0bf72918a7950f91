/** Imports of network data (CSV / .xlsx) with a row-level error report; nothing is half-imported. */
export { ImportErrors, ImportRowErrors } from './imports.errors.ts';
export { importRoutes } from './imports.routes.ts';
