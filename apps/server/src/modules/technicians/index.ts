/** Technicians (服务工程师): the module's public surface. */
export { type Assignability, type AssignBlock, assertAssignable, assignableTechnician } from './assignable.ts';
export { LICENCE_EXPIRING_DAYS, type LicenceState, licenceState, licenceValid, shanghaiDate } from './licence.ts';
export { createTechnicianTx, normalizePhone, updateTechnicianTx } from './technicians.commands.ts';
export { TechnicianErrors } from './technicians.errors.ts';
export { technicianRoutes } from './technicians.routes.ts';
