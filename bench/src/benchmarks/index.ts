import { authenticatedRead } from './authenticated-read.ts';
import { screenPop } from './screen-pop.ts';
import type { Benchmark } from './types.ts';

/** Every named benchmark, run in this order on each database. */
export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'authenticated-read',
    description: 'GET /api/v1/brands/:id with a session vs a bare Fastify route doing the same SELECTs',
    run: authenticatedRead,
  },
  {
    name: 'screen-pop',
    description:
      'GET /api/v1/customers/lookup?phone=|serial= on the generated database (PostgreSQL) vs one indexed SELECT by (brand, phone)',
    runOn: screenPop,
  },
];
