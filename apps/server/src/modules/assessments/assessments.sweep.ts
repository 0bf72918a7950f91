// The worker's appeal-window sweep (registered in boot.ts): open slips whose appeal window passed are
// confirmed, a batch per tick, safe with several workers (see confirmLapsedSlips).
import type { Sweep } from '../../platform/worker.ts';
import { confirmLapsedSlips } from './assessments.commands.ts';

export const slipAppealSweep: Sweep = async (ctx, log) => {
  try {
    return await confirmLapsedSlips(ctx.db, ctx.clock, 100);
  } catch (err) {
    log?.warn({ err }, 'slip appeal sweep failed; retried next tick');
    return 0;
  }
};
