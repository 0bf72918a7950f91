import autocannon from 'autocannon';
import type { Sample } from './stats.ts';

export interface LoadSpec {
  url: string;
  headers?: Record<string, string>;
  /** Paths (with query) each connection sends in turn, so requests vary; default: `url` itself. */
  paths?: readonly string[];
  /** Or whole requests (POST with a JSON body) each connection sends in turn. */
  requests?: readonly { method: 'POST' | 'PUT'; path: string; body: string }[];
  duration: number;
  connections: number;
}

/**
 * One autocannon round. The load generator runs in a worker thread so it does not share the event
 * loop with the server under test (both live in this process).
 */
export async function loadRound(spec: LoadSpec): Promise<Sample> {
  const result = await autocannon({
    url: spec.url,
    headers: spec.headers ?? {},
    duration: spec.duration,
    connections: spec.connections,
    workers: 1,
    timeout: 10,
    ...(spec.paths ? { requests: spec.paths.map((path) => ({ method: 'GET', path })) } : {}),
    ...(spec.requests
      ? {
          requests: spec.requests.map((r) => ({
            method: r.method,
            path: r.path,
            body: r.body,
            headers: { ...(spec.headers ?? {}), 'content-type': 'application/json' },
          })),
        }
      : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Measures two endpoints in alternating rounds (subject, baseline, subject, …) after a short warm-up
 * of each, so drift on a noisy machine hits both alike.
 */
export async function alternate(
  subject: Omit<LoadSpec, 'duration' | 'connections'>,
  baseline: Omit<LoadSpec, 'duration' | 'connections'>,
  opts: { duration: number; rounds: number; connections: number },
): Promise<{ subject: Sample[]; baseline: Sample[] }> {
  const warm = { duration: 1, connections: opts.connections };
  await loadRound({ ...subject, ...warm });
  await loadRound({ ...baseline, ...warm });
  const out = { subject: [] as Sample[], baseline: [] as Sample[] };
  const run = { duration: opts.duration, connections: opts.connections };
  for (let i = 0; i < opts.rounds; i++) {
    // Swap the order every round so neither side always runs first.
    if (i % 2 === 0) {
      out.subject.push(await loadRound({ ...subject, ...run }));
      out.baseline.push(await loadRound({ ...baseline, ...run }));
    } else {
      out.baseline.push(await loadRound({ ...baseline, ...run }));
      out.subject.push(await loadRound({ ...subject, ...run }));
    }
  }
  return out;
}
