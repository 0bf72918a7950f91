import type { BenchOptions, Sample } from '../stats.ts';
import type { Started, Target } from '../targets.ts';

/** What a benchmark hands back: rounds of the thing measured and of its baseline from the same run. */
export interface Measured {
  subject: Sample[];
  baseline: Sample[];
  /** Names of the two sides in the printed line, e.g. ['aftercare', 'bare']. */
  labels: [string, string];
  notes?: Record<string, string>;
  /** Shown after the benchmark's name (`screen-pop:phone/postgres`) when one run measures several things. */
  variant?: string;
}

/** Thrown by a benchmark that does not apply here (wrong database, missing data): printed, not failed. */
export class Skipped extends Error {}

export interface Benchmark {
  name: string;
  description: string;
  /** Runs inside the scratch Aftercare (demo data) started for the target. */
  run?(started: Started, opts: BenchOptions): Promise<Measured | Measured[]>;
  /** Or brings its own server and data (e.g. a generated database): gets the target instead. */
  runOn?(target: Target, opts: BenchOptions): Promise<Measured | Measured[]>;
}
