import type { AppContext } from './context.ts';
import type { Logger } from './logger.ts';
import { drainOutbox, type EventConsumer } from './outbox.ts';

/** A periodic job of the worker loop over due-time columns (offer deadlines …); answers rows handled. */
export type Sweep = (ctx: AppContext, log: Logger | null) => Promise<number>;

export interface WorkerHandle {
  stop(): Promise<void>;
  /** Runs one drain now (tests and shutdown). */
  tick(): Promise<number>;
}

/**
 * The worker loop: drains the outbox (and, in later modules, sweeps due-time columns). In embedded
 * mode it runs in the API process; with PostgreSQL several workers may run, claims keep them apart.
 */
export function startWorker(
  ctx: AppContext,
  consumers: EventConsumer[],
  log: Logger | null,
  intervalMs = 500,
  sweeps: Sweep[] = [],
): WorkerHandle {
  let stopped = false;
  let running: Promise<number> | null = null;
  let timer: NodeJS.Timeout | null = null;
  const tick = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const r = await drainOutbox(ctx.db, ctx.clock, consumers);
      total += r.dispatched;
      if (r.failed) log?.warn({ failed: r.failed }, 'outbox: some events failed and will be retried');
      if (r.claimed < 100 || stopped) break;
    }
    for (const sweep of sweeps) {
      if (stopped) break;
      try {
        total += await sweep(ctx, log);
      } catch (err) {
        log?.error({ err }, 'sweep failed');
      }
    }
    return total;
  };
  const loop = () => {
    if (stopped) return;
    running = tick()
      .catch((err) => {
        log?.error({ err }, 'outbox drain failed');
        return 0;
      })
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(loop, intervalMs);
      });
  };
  timer = setTimeout(loop, intervalMs);
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}
