export { dispatchOrderWith, offerNext, type PackSource } from './dispatch.commands.ts';
export { DispatchErrors } from './dispatch.errors.ts';
export { rankCandidates, serviceTypeOf } from './dispatch.rank.ts';
export { dispatchRoutes } from './dispatch.routes.ts';
export { expireOffers, offerSweep, type SweepResult } from './dispatch.sweep.ts';
