export { type DispatchFn, type IntakeDeps, intakeTx } from './commands/intake.ts';
export {
  appendEvent,
  applyStep,
  parseIfMatch,
  partyFor,
  runStep,
  runStepAs,
  type StepActor,
  type StepInput,
  stepActor,
  systemStepActor,
} from './commands/step.ts';
export { customerLinkPath, hashToken } from './customer-link.ts';
export { actionsFrom, decide, isOpen, type Party, RULES } from './work-order-status.ts';
export { WorkOrderErrors } from './work-orders.errors.ts';
export { partiesOf, presentOrder } from './work-orders.presenter.ts';
export {
  findOrder,
  lockOrder,
  type OrderRow,
  type OrderView,
  orderByToken,
  orderView,
  orderViews,
  timelineOf,
} from './work-orders.repository.ts';
export { type WorkOrderWiring, workOrderRoutes } from './work-orders.routes.ts';
export { orderFilter } from './work-orders.scope.ts';
