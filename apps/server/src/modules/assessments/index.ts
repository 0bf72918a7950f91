export { type BreachResult, type BreachSpec, type RemedyKind, recordBreach } from './assessments.breach.ts';
export { confirmLapsedSlips } from './assessments.commands.ts';
export { AssessmentErrors } from './assessments.errors.ts';
export { assessmentRoutes } from './assessments.routes.ts';
export { slipAppealSweep } from './assessments.sweep.ts';
