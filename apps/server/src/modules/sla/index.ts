export { manualPause } from './sla.clock.ts';
export { slaNotificationConsumer } from './sla.notifications.ts';
export { isBreached, milestoneName, presentMilestone } from './sla.presenter.ts';
export { slaRoutes } from './sla.routes.ts';
export {
  breachBatch,
  breachSpecOf,
  breachSweep,
  sweepBreaches,
  sweepWarnings,
  warnBatch,
  warningSweep,
} from './sla.sweep.ts';
export { type RecomputeFilter, recomputeMilestones, syncOrderMilestones } from './sla.sync.ts';
