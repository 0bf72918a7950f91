export { calendarFor } from './calendar.repository.ts';
