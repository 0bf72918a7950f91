import type { AppConfig } from '../config/env.ts';
import type { Clock } from './clock.ts';
import type { Database, DatabaseHandle } from './db/database.ts';

/** What routes and the worker are given: passed explicitly, never imported as globals. */
export interface AppContext {
  config: AppConfig;
  handle: DatabaseHandle;
  db: Database;
  clock: Clock;
}
