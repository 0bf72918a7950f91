import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { BENCHMARKS } from './benchmarks/index.ts';
import { type Measured, Skipped } from './benchmarks/types.ts';
import { type BenchOptions, formatLine, parseArgs, ratio, selected, summarize } from './stats.ts';
import { type Target, targetsFromEnv, withAftercare } from './targets.ts';

/**
 * `npm run bench [-- --only <name>] [--duration <s>]`: runs the named benchmarks on PGlite and, when
 * BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL; prints one line per benchmark and
 * database on stdout (progress goes to stderr) and writes the details to bench/results/.
 * Timing never fails the run; only a benchmark that cannot run at all sets a non-zero exit code.
 */

const log = (msg: string) => process.stderr.write(`${msg}\n`);

function optionsFromEnv(argv: string[]): BenchOptions {
  // Also from the environment, for runners that do not forward arguments.
  const extra: string[] = [];
  if (process.env.BENCH_ONLY) for (const o of process.env.BENCH_ONLY.split(',')) extra.push('--only', o.trim());
  if (process.env.BENCH_DURATION) extra.push('--duration', process.env.BENCH_DURATION);
  return parseArgs([...extra, ...argv]);
}

async function main() {
  let opts: BenchOptions;
  try {
    opts = optionsFromEnv(process.argv.slice(2));
  } catch (err) {
    log(`bench: ${(err as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const targets = targetsFromEnv();
  const plan = targets
    .map((t) => ({ target: t, benches: BENCHMARKS.filter((b) => selected(`${b.name}/${t.database}`, opts.only)) }))
    .filter((p) => p.benches.length > 0);
  if (plan.length === 0) {
    const names = BENCHMARKS.map((b) => b.name).join(', ');
    const databases = targets.map((t) => t.database).join(', ');
    const hint = targets.length === 1 ? ' (PostgreSQL runs when BENCH_DATABASE_URL or TEST_DATABASE_URL is set)' : '';
    log(`bench: nothing matches --only ${opts.only.join(', ')}; benchmarks: ${names}; databases: ${databases}${hint}`);
    process.exitCode = 2;
    return;
  }

  const startedAt = new Date();
  const results: unknown[] = [];
  const record = (benchName: string, target: Target, measured: Measured | Measured[], bootMs: number) => {
    for (const m of Array.isArray(measured) ? measured : [measured]) {
      const name = `${benchName}${m.variant ? `:${m.variant}` : ''}/${target.database}`;
      const subject = summarize(m.subject);
      const baseline = summarize(m.baseline);
      console.log(formatLine(name, subject, baseline, m.labels));
      results.push({
        name,
        benchmark: benchName,
        variant: m.variant ?? null,
        database: target.database,
        labels: m.labels,
        subject,
        baseline,
        ratio: ratio(subject.rps, baseline.rps),
        rounds: { subject: m.subject, baseline: m.baseline },
        notes: m.notes ?? {},
        bootMs: Math.round(bootMs),
      });
    }
  };
  const failed = (name: string, err: unknown) => {
    if (err instanceof Skipped) {
      console.log(`${name.padEnd(28)} skipped: ${err.message}`);
      results.push({ name, skipped: err.message });
      return;
    }
    console.log(`${name.padEnd(28)} failed: ${(err as Error).message}`);
    results.push({ name, error: (err as Error).message });
    process.exitCode = 1;
  };

  for (const { target, benches } of plan) {
    const scratch = benches.filter((b) => b.run);
    if (scratch.length > 0) {
      log(`bench: starting Aftercare on ${target.database} (migrations, divisions, demo data)…`);
      try {
        await withAftercare(target, async (s) => {
          log(`bench: ${target.database} ready in ${(s.bootMs / 1000).toFixed(1)} s at ${s.url}`);
          for (const bench of scratch) {
            try {
              record(bench.name, target, await bench.run!(s, opts), s.bootMs);
            } catch (err) {
              failed(`${bench.name}/${target.database}`, err);
            }
          }
        });
      } catch (err) {
        for (const bench of scratch)
          console.log(`${`${bench.name}/${target.database}`.padEnd(28)} failed to start: ${(err as Error).message}`);
        results.push({ database: target.database, error: (err as Error).message });
        process.exitCode = 1;
      }
    }
    for (const bench of benches.filter((b) => !b.run && b.runOn)) {
      try {
        // Such a benchmark starts its own server; its boot time goes in its notes.
        record(bench.name, target, await bench.runOn!(target, opts), Number.NaN);
      } catch (err) {
        failed(`${bench.name}/${target.database}`, err);
      }
    }
  }

  const dir = join(import.meta.dirname, '../results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const doc = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    options: opts,
    results,
  };
  writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(doc, null, 2)}\n`);
  log(`bench: results in ${file}`);
}

await main();
