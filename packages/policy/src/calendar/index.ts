export * from './official.ts';
export * from './spec.ts';
export * from './work-calendar.ts';
