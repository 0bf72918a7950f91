import { defineConfig } from 'vitest/config';

// Journeys share one Chromium and start their own server: one at a time, with generous timeouts
// (the first boot loads 44k divisions and the demo data into a fresh PGlite folder).
export default defineConfig({
  test: {
    include: ['e2e/src/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    isolate: true,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
