import { authenticatedRead } from './authenticated-read.ts';
import { intake } from './intake.ts';
import { salesImport } from './sales-import.ts';
import { screenPop } from './screen-pop.ts';
import { slaReport } from './sla-report.ts';
import { slaSweep } from './sla-sweep.ts';
import type { Benchmark } from './types.ts';

/** Every named benchmark, run in this order on each database. */
export const BENCHMARKS: readonly Benchmark[] = [
  {
    name: 'authenticated-read',
    description: 'GET /api/v1/brands/:id with a session vs a bare Fastify route doing the same SELECTs',
    run: authenticatedRead,
  },
  {
    name: 'intake',
    description:
      'POST /api/v1/work-orders (verdict, duplicate check, number, timeline, outbox, auto-dispatch) at 50 connections vs raw SQL writing the same rows',
    run: intake,
  },
  {
    name: 'sales-import',
    description:
      'POST /api/v1/imports/sales with a 2 000-row CSV of new customers and products vs raw SQL inserting the same rows in one transaction',
    run: salesImport,
  },
  {
    name: 'screen-pop',
    description:
      'GET /api/v1/customers/lookup?phone=|serial= on the generated database (PostgreSQL) vs one indexed SELECT by (brand, phone)',
    runOn: screenPop,
  },
  {
    name: 'sla-sweep',
    description:
      'the SLA breach and warning sweeps draining the same due work from 1 000 000 open milestones (PGlite: 100 000) vs 10 000; due items/s',
    run: slaSweep,
  },
  {
    name: 'sla-report',
    description:
      'GET /api/v1/sla/reports/resolution over 5 000 000 orders (PGlite: 200 000; BENCH_SLA_REPORT_ORDERS) vs the bare SQL aggregation it runs',
    run: slaReport,
  },
];
