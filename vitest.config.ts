import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser journeys and the topology test run on their own afterwards (vitest.browser.config.ts,
    // vitest.topology.config.ts).
    exclude: ['test/browser/**', 'test/topology/**', 'node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // The Temporal SDK's native bridge wants processes, not worker threads.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
