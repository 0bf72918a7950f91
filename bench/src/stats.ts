/** Pure helpers: medians of rounds, ratios and the one-line report. */

export interface Sample {
  /** Requests per second (mean over the round). */
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** Non-2xx responses, socket errors and timeouts. */
  failures: number;
}

export interface Summary extends Sample {
  rounds: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each figure is the median over the rounds; failures are summed (any is worth showing). */
export function summarize(samples: readonly Sample[]): Summary {
  return {
    rps: median(samples.map((s) => s.rps)),
    p50: median(samples.map((s) => s.p50)),
    p99: median(samples.map((s) => s.p99)),
    failures: samples.reduce((n, s) => n + s.failures, 0),
    rounds: samples.length,
  };
}

/** a / b, or NaN when the baseline is zero or missing. */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(a) ? a / b : Number.NaN;
}

export function formatRatio(r: number): string {
  return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
}

export function formatRps(rps: number): string {
  return Number.isFinite(rps) ? `${Math.round(rps).toLocaleString('en-US')} req/s` : 'n/a';
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

function part(label: string, s: Summary): string {
  const failed = s.failures ? ` (${s.failures} failed!)` : '';
  return `${label} ${formatRps(s.rps)} p50 ${formatMs(s.p50)} p99 ${formatMs(s.p99)}${failed}`;
}

/**
 * One line per benchmark: the figure, the baseline and their ratio, e.g.
 * `authenticated-read/pglite  aftercare 1,234 req/s p50 7.4 ms p99 15 ms | bare 3,456 req/s … | aftercare/bare 0.36× req/s`
 */
export function formatLine(name: string, subject: Summary, baseline: Summary, labels = ['aftercare', 'bare']): string {
  const [a = 'subject', b = 'baseline'] = labels;
  const r = formatRatio(ratio(subject.rps, baseline.rps));
  return `${name.padEnd(28)} ${part(a, subject)} | ${part(b, baseline)} | ${a}/${b} ${r} req/s`;
}

export interface BenchOptions {
  only: string[];
  /** Seconds per measured round. */
  duration: number;
  rounds: number;
  connections: number;
}

export const DEFAULT_OPTIONS: BenchOptions = { only: [], duration: 3, rounds: 3, connections: 10 };

/** `--only <name>` (repeatable), `--duration <s>`, `--rounds <n>`, `--connections <n>`. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const opts: BenchOptions = { ...DEFAULT_OPTIONS, only: [] };
  const number = (flag: string, v: string | undefined, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${flag} needs a number from ${min} to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--only': {
        const v = value();
        if (!v) throw new Error('--only needs a benchmark name');
        opts.only.push(v);
        break;
      }
      case '--duration':
        opts.duration = number(flag, value(), 1, 60);
        break;
      case '--rounds':
        opts.rounds = Math.round(number(flag, value(), 1, 15));
        break;
      case '--connections':
        opts.connections = Math.round(number(flag, value(), 1, 1000));
        break;
      default:
        throw new Error(
          `unknown option ${argv[i]} (options: --only <name>, --duration <s>, --rounds <n>, --connections <n>)`,
        );
    }
  }
  return opts;
}

/** `--only authenticated-read` selects it on every database; `--only authenticated-read/pglite` one line. */
export function selected(name: string, only: readonly string[]): boolean {
  if (only.length === 0) return true;
  return only.some((o) => name === o || name.startsWith(`${o}/`) || name.endsWith(`/${o}`));
}
