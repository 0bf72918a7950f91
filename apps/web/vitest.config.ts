import { defineConfig } from 'vitest/config';

// Unit tests of the web app's pure logic (access map, value mapping); pages are covered by e2e/.
// Run: ./aftercare node node_modules/.bin/vitest run --config apps/web/vitest.config.ts
export default defineConfig({
  test: { include: ['apps/web/src/**/*.test.ts'], environment: 'node' },
});
