import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Running, start } from '../../../apps/server/src/boot.ts';
import { loadConfig } from '../../../apps/server/src/config/env.ts';

export const WEB_DIST = join(import.meta.dirname, '../../../apps/web/dist');

export interface TestServer {
  running: Running;
  url: string;
  stop(): Promise<void>;
}

/**
 * The whole app in this process on a random port, on a fresh PGlite folder, serving the built web app.
 * `role: 'all'` runs the worker in the process too (outbox drain and the sweeps every 500 ms: offer
 * deadlines, SLA warnings and breaches, slips past their appeal time), as the embedded production
 * setup does; the default `'api'` runs without it, so nothing changes under a journey's feet.
 * The server serves its own copy of the build (2–3 MB): a `vite build` elsewhere in the checkout while a
 * journey runs empties apps/web/dist and renames the lazy chunks, which showed up as a 404 login page
 * or a cascader whose next level never loaded.
 */
export async function startServer(opts: { role?: 'api' | 'all' } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aftercare-e2e-'));
  const webDir = mkdtempSync(join(tmpdir(), 'aftercare-e2e-web-'));
  cpSync(WEB_DIST, webDir, { recursive: true });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    AFTERCARE_DATA_DIR: dataDir,
    AFTERCARE_DEMO: 'true',
    AFTERCARE_ROLE: opts.role ?? 'api',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: webDir,
  });
  const running = await start(config, { logger: null });
  if (!running.url) throw new Error('the server did not start listening');
  return {
    running,
    url: running.url,
    async stop() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}
