import { authenticatedRead } from './authenticated-read.ts';
import type { Benchmark } from './types.ts';

/** Every named benchmark, run in this order on each database. */
export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'authenticated-read',
    description: 'GET /api/v1/brands/:id with a session vs a bare Fastify route doing the same SELECTs',
    run: authenticatedRead,
  },
];
