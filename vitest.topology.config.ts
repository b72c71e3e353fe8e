import { defineConfig } from 'vitest/config';

/**
 * The production topology on one machine (test/topology/): a Temporal cluster of the real server, two worker
 * processes, two API replicas, PostgreSQL. Run alone, after the other suites: it starts a dozen processes that
 * would fight them for the two cores.
 */
export default defineConfig({
  test: {
    include: ['test/topology/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 900_000,
  },
});
