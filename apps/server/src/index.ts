// The server package's public surface, for the benchmarks and the end-to-end journeys.
export { type Running, start } from './boot.ts';
export { type AppConfig, loadConfig } from './config/env.ts';
export { DEMO_PASSWORD, DEMO_USERS } from './modules/demo/demo-users.ts';
export { type DatabaseHandle, openDatabase } from './platform/db/database.ts';
