import { defineConfig } from 'vitest/config';

/**
 * The console's browser journeys (UI-1), in real headless Chromium against one system started as `npm start`
 * starts it. Run after the other suites, one file at a time: Chromium, the API, the worker, Temporal and
 * PostgreSQL share two cores.
 */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    globalSetup: ['test/browser/support/system.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
