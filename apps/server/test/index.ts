export { type Caller, createTestApp, type TestApp } from './app.ts';
export { Factories } from './factories.ts';
export { buildTemplate, openTestDatabase } from './template.ts';
