import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS,
  formatLine,
  formatMs,
  formatRatio,
  formatRps,
  median,
  parseArgs,
  ratio,
  selected,
  summarize,
} from './stats.ts';

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('summarize', () => {
  it('takes each figure’s median over the rounds and sums the failures', () => {
    const s = summarize([
      { rps: 100, p50: 5, p99: 40, failures: 0 },
      { rps: 300, p50: 3, p99: 10, failures: 2 },
      { rps: 200, p50: 4, p99: 20, failures: 1 },
    ]);
    expect(s).toEqual({ rps: 200, p50: 4, p99: 20, failures: 3, rounds: 3 });
  });
});

describe('ratio and formatting', () => {
  it('divides by the baseline and guards against a zero one', () => {
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(50, 0)).toBeNaN();
    expect(ratio(Number.NaN, 10)).toBeNaN();
    expect(formatRatio(0.2549)).toBe('0.25×');
    expect(formatRatio(Number.NaN)).toBe('n/a');
  });
  it('prints throughput with separators and latency with sensible precision', () => {
    expect(formatRps(12345.6)).toBe('12,346 req/s');
    expect(formatMs(2.25)).toBe('2.3 ms');
    expect(formatMs(15.4)).toBe('15 ms');
    expect(formatMs(Number.NaN)).toBe('n/a');
  });
  it('puts the figure, the baseline and the ratio on one line', () => {
    const a = { rps: 1000, p50: 8, p99: 20, failures: 0, rounds: 3 };
    const b = { rps: 4000, p50: 2, p99: 6, failures: 5, rounds: 3 };
    const line = formatLine('authenticated-read/pglite', a, b);
    expect(line).not.toContain('\n');
    expect(line).toMatch(/^authenticated-read\/pglite\s+aftercare 1,000 req\/s p50 8\.0 ms p99 20 ms/);
    expect(line).toContain('| bare 4,000 req/s p50 2.0 ms p99 6.0 ms (5 failed!) |');
    expect(line).toMatch(/aftercare\/bare 0\.25× req\/s$/);
  });
});

describe('parseArgs', () => {
  it('has defaults that keep a full run short', () => {
    expect(parseArgs([])).toEqual(DEFAULT_OPTIONS);
  });
  it('reads --only (repeatable), --duration, --rounds and --connections, with or without =', () => {
    expect(
      parseArgs(['--only', 'a', '--only=b/pglite', '--duration', '5', '--rounds=5', '--connections', '20']),
    ).toEqual({
      only: ['a', 'b/pglite'],
      duration: 5,
      rounds: 5,
      connections: 20,
    });
  });
  it('rejects unknown options and out-of-range numbers', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option/);
    expect(() => parseArgs(['--duration', '0'])).toThrow(/--duration/);
    expect(() => parseArgs(['--duration', 'x'])).toThrow(/--duration/);
    expect(() => parseArgs(['--only'])).toThrow(/--only/);
  });
});

describe('selected', () => {
  it('matches a benchmark on every database, one database, or everything', () => {
    expect(selected('authenticated-read/pglite', [])).toBe(true);
    expect(selected('authenticated-read/pglite', ['authenticated-read'])).toBe(true);
    expect(selected('authenticated-read/postgres', ['authenticated-read/pglite'])).toBe(false);
    expect(selected('authenticated-read/postgres', ['postgres'])).toBe(true);
    expect(selected('authenticated-read/pglite', ['authenticated'])).toBe(false);
  });
});
