export * from './access.ts';
export * from './audit.ts';
export * from './auth.ts';
export * from './catalog.ts';
export * from './common.ts';
export * from './customers.ts';
export * from './imports.ts';
export * from './network.ts';
