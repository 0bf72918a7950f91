import type { AppConfig } from '../config/env.ts';
import type { PackStore } from '../modules/policies/policies.store.ts';
import type { Clock } from './clock.ts';
import type { Database, DatabaseHandle } from './db/database.ts';

/** What routes and the worker are given: passed explicitly, never imported as globals. */
export interface AppContext {
  config: AppConfig;
  handle: DatabaseHandle;
  db: Database;
  clock: Clock;
  /** The policy packs in force (`packs.current()`), loaded at start and reloaded after an activation. */
  packs: PackStore;
}

/** What a command is given (`deps`): the database to open its transaction on and the clock. */
export interface CommandDeps {
  db: Database;
  clock: Clock;
}
