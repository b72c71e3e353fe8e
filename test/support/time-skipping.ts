import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Activities } from '../../activities';
import { withTrackedMoves } from '../../activities/tracked';
import { ensureSearchAttributes } from '../../infra/search-attributes';
import { resolveTimeSkippingServer } from '../../infra/time-skipping-server';

/**
 * Temporal's time-skipping test server for the file that calls this (started before its tests, torn down after
 * them), and the workflow bundle the global setup built. `env()` is the running environment.
 */
export function useTimeSkipping() {
  let env: TestWorkflowEnvironment | undefined;
  const workflowBundle = { code: readFileSync(inject('workflowBundlePath'), 'utf8') };
  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    env = await startTimeSkipping();
    // The server refuses a workflow carrying a search attribute it does not know (an order started as the API
    // starts it): register them as a cluster's worker does.
    await ensureSearchAttributes(env.connection, env.namespace ?? 'default', () => undefined);
  });
  afterAll(async () => env?.teardown());
  const current = (): TestWorkflowEnvironment => {
    if (!env) throw new Error('the time-skipping environment is not started yet (use it inside a test)');
    return env;
  };
  /** A worker of the real workflows on a task queue of its own, with the given (mocked) activities. */
  const workerWith = async (activities: Partial<Activities>) => {
    const taskQueue = `ts-${randomBytes(4).toString('hex')}`;
    const worker = await Worker.create({
      connection: current().nativeConnection,
      taskQueue,
      workflowBundle,
      // As the workers register them: each may also write the move of the order step it does.
      activities: withTrackedMoves(
        activities as Record<string, (input: never) => Promise<unknown>>,
        activities.recordOrderEvent ?? (async () => undefined),
      ),
    });
    return { taskQueue, worker };
  };
  return { env: current, workflowBundle, workerWith };
}

/**
 * The SDK gives the test server's JVM 5 s to listen; on a machine busy with other suites it sometimes needs
 * longer. A start that timed out is tried again (a new port each time), up to three times.
 */
async function startTimeSkipping(attempts = 3): Promise<TestWorkflowEnvironment> {
  const path = resolveTimeSkippingServer();
  for (let attempt = 1; ; attempt++) {
    try {
      return await TestWorkflowEnvironment.createTimeSkipping({
        server: { executable: { type: 'existing-path', path } },
      });
    } catch (err) {
      if (attempt >= attempts || !String(err).includes('did not start within')) throw err;
    }
  }
}
