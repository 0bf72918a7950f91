import { defineConfig } from 'vitest/config';

// PGlite costs ~0.6 GB and ~1 s per database: two workers on the 2-core CI machine.
export default defineConfig({
  test: {
    include: ['apps/server/**/*.test.ts', 'apps/web/src/**/*.test.ts', 'packages/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['apps/server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
