import { join } from 'node:path';
import { sql } from 'kysely';
import type { AppConfig } from './config/env.ts';
import { slipAppealSweep } from './modules/assessments/index.ts';
import { seedDemoData } from './modules/demo/index.ts';
import { offerSweep } from './modules/dispatch/index.ts';
import { ensureDivisions } from './modules/divisions/divisions.load.ts';
import { registerRoutes } from './modules/index.ts';
import { PackStore } from './modules/policies/index.ts';
import { breachSweep, slaNotificationConsumer, warningSweep } from './modules/sla/index.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import { eventLogConsumer } from './platform/consumers.ts';
import type { AppContext } from './platform/context.ts';
import { type DatabaseHandle, openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrate.ts';
import { buildApp } from './platform/http/app.ts';
import { createLogger, type Logger } from './platform/logger.ts';
import { startWorker, type WorkerHandle } from './platform/worker.ts';

export const defaultWebDist = join(import.meta.dirname, '../../web/dist');

export async function openConfiguredDatabase(config: AppConfig): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/** Migrations, reference data and (in demo mode, on an empty database) the demo data set. */
export async function prepareDatabase(ctx: AppContext, log: Logger | null): Promise<void> {
  const applied = await migrate(ctx.db);
  if (applied.length) log?.info({ applied }, 'migrations applied');
  const divisions = await ensureDivisions(ctx.db);
  if (divisions) log?.info({ divisions }, 'administrative divisions loaded');
  if (ctx.config.demo) {
    const seeded = await seedDemoData(ctx);
    if (seeded) log?.info(seeded, 'demo data created');
  }
  // PGlite runs no autovacuum, so its planner would otherwise never have statistics (PostgreSQL's
  // autovacuum keeps them itself). ANALYZE samples at most 30 000 rows per table: quick at any size.
  if (ctx.handle.kind === 'pglite') await sql`ANALYZE`.execute(ctx.db);
}

export interface Running {
  ctx: AppContext;
  app: Awaited<ReturnType<typeof buildApp>> | null;
  worker: WorkerHandle | null;
  url: string | null;
  stop(): Promise<void>;
}

/** Starts the API and/or the worker as configured. Used by main.ts, the e2e journeys and the benchmarks. */
export async function start(config: AppConfig, opts: { clock?: Clock; logger?: Logger | null } = {}): Promise<Running> {
  const log = opts.logger === undefined ? createLogger(config.logLevel) : opts.logger;
  const handle = await openConfiguredDatabase(config);
  const clock = opts.clock ?? systemClock;
  const ctx: AppContext = { config, handle, db: handle.db, clock, packs: new PackStore(handle.db, clock) };
  try {
    await prepareDatabase(ctx, log);
    await ctx.packs.load(config.policiesDir, log);
  } catch (err) {
    await handle.close();
    throw err;
  }
  // On PostgreSQL other processes (API, worker) may activate a pack version: look for it twice a minute.
  const unwatchPacks = config.databaseUrl ? ctx.packs.watch(30_000, log) : () => {};
  const worker =
    config.role === 'api'
      ? null
      : startWorker(ctx, [...(log ? [eventLogConsumer(log)] : []), slaNotificationConsumer(clock)], log, 500, [
          offerSweep,
          warningSweep,
          breachSweep,
          slipAppealSweep,
        ]);
  let app: Running['app'] = null;
  let url: string | null = null;
  if (config.role !== 'worker') {
    app = await buildApp(ctx, {
      logger: log ?? false,
      routes: registerRoutes,
      webDistDir: config.webDistDir ?? defaultWebDist,
    });
    url = await app.listen({ port: config.port, host: config.host });
  }
  return {
    ctx,
    app,
    worker,
    url,
    async stop() {
      unwatchPacks();
      await app?.close();
      await worker?.stop();
      await handle.close();
    },
  };
}
