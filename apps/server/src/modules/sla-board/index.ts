export { milestoneFilter } from './sla-board.repository.ts';
export { slaBoardRoutes } from './sla-board.routes.ts';
