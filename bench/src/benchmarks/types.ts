import type { BenchOptions, Sample } from '../stats.ts';
import type { Started } from '../targets.ts';

/** What a benchmark hands back: rounds of the thing measured and of its baseline from the same run. */
export interface Measured {
  subject: Sample[];
  baseline: Sample[];
  /** Names of the two sides in the printed line, e.g. ['aftercare', 'bare']. */
  labels: [string, string];
  notes?: Record<string, string>;
}

export interface Benchmark {
  name: string;
  description: string;
  run(started: Started, opts: BenchOptions): Promise<Measured>;
}
