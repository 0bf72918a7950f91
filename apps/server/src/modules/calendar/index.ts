export { calendarFor } from './calendar.repository.ts';
export { calendarRoutes } from './calendar.routes.ts';
