import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Running, start } from '../../apps/server/src/boot.ts';
import { loadConfig } from '../../apps/server/src/config/env.ts';
import { openDatabase } from '../../apps/server/src/platform/db/database.ts';

/** A database the benchmarks run on: embedded PGlite, and PostgreSQL when a URL is given. */
export interface Target {
  database: 'pglite' | 'postgres';
  /** Server URL for PostgreSQL; the scratch database is created from it and dropped after. */
  adminUrl?: string;
}

export function targetsFromEnv(env: NodeJS.ProcessEnv = process.env): Target[] {
  const targets: Target[] = [{ database: 'pglite' }];
  const url = env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL;
  if (url) targets.push({ database: 'postgres', adminUrl: url });
  return targets;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Drops the scratch database once the server's connections are gone. pg-pool's end() resolves
 * before its sockets have closed, and terminating them (WITH (FORCE)) then would raise an
 * unhandled pool error in this process, so FORCE is only the last resort.
 */
async function dropWhenIdle(run: (text: string) => Promise<unknown>, name: string) {
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      await run(`DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006') throw err; // 55006: still being accessed
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

export interface Started {
  running: Running;
  url: string;
  /** Milliseconds from start() to listening: migrations, divisions and the demo data set. */
  bootMs: number;
}

/**
 * Starts Aftercare in this process exactly as `npm start` would (migrations, divisions, demo data),
 * API only (no worker polling the database during the measurement), on 127.0.0.1 and a free port.
 * Everything it created is removed afterwards: the temp data folder or the scratch database.
 */
export async function withAftercare<T>(target: Target, fn: (s: Started) => Promise<T>): Promise<T> {
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    AFTERCARE_DEMO: 'true',
    AFTERCARE_ROLE: 'api',
    LOG_LEVEL: 'silent',
    COOKIE_SECURE: 'false',
  };
  let cleanup: () => Promise<void>;
  if (target.database === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'aftercare-bench-'));
    env.AFTERCARE_DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const adminUrl = target.adminUrl!;
    const name = `aftercare_bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = await openDatabase({ kind: 'postgres', url: adminUrl, max: 1 });
    // Through Kysely, not handle.query(): close() only ends a pool Kysely itself has opened.
    const run = (text: string) => sql.raw(text).execute(admin.db);
    try {
      await run(`CREATE DATABASE ${name}`);
    } catch (err) {
      await admin.close();
      throw err;
    }
    env.DATABASE_URL = withDatabase(adminUrl, name);
    cleanup = async () => {
      try {
        await dropWhenIdle(run, name);
      } finally {
        await admin.close();
      }
    };
  }
  try {
    return await startOn(env, fn);
  } finally {
    await cleanup();
  }
}

/**
 * Starts Aftercare on an existing PostgreSQL database (e.g. one the generator filled): no demo data,
 * API role, logger off, loopback; nothing is created or dropped.
 */
export function withAftercareOn<T>(databaseUrl: string, fn: (s: Started) => Promise<T>): Promise<T> {
  return startOn(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      AFTERCARE_DEMO: 'false',
      AFTERCARE_ROLE: 'api',
      LOG_LEVEL: 'silent',
      COOKIE_SECURE: 'false',
      DATABASE_URL: databaseUrl,
    },
    fn,
  );
}

async function startOn<T>(env: Record<string, string>, fn: (s: Started) => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const running = await start(loadConfig(env), { logger: null });
  const bootMs = performance.now() - t0;
  try {
    if (!running.url) throw new Error('Aftercare did not start listening');
    return await fn({ running, url: running.url, bootMs });
  } finally {
    await running.stop();
  }
}
