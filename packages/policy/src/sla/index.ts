export * from './breach.ts';
export * from './engine.ts';
export * from './schema.ts';
