export { type CalendarDayRow, calendarFor, calendarFromRows } from './calendar.repository.ts';
export { calendarRoutes } from './calendar.routes.ts';
