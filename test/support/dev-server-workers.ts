import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, inject } from 'vitest';
import { testWorkflowBundle } from './replay';

/**
 * Workflow tests on the shared Temporal dev server (global set-up) with activities of their own: a client, and
 * workers each on a task queue of its own running the test run's workflow bundle. Call once in a `describe`;
 * connections are opened before its tests and closed after them.
 */
export function useDevServerWorkers() {
  let connection: Connection | undefined;
  let nativeConnection: NativeConnection | undefined;
  let client: Client | undefined;

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    const address = inject('temporalAddress');
    connection = await Connection.connect({ address });
    nativeConnection = await NativeConnection.connect({ address });
    client = new Client({ connection });
  });

  afterAll(async () => {
    await nativeConnection?.close();
    await connection?.close();
  });

  const ready = <T>(part: T | undefined): T => {
    if (!part) throw new Error('useDevServerWorkers: used before its beforeAll ran');
    return part;
  };

  return {
    /** The test's client, as a caller would have one. */
    client: (): Client => ready(client),
    /** A task queue no other test polls. */
    taskQueue: (): string => `wf-test-${randomBytes(4).toString('hex')}`,
    /** A worker on `taskQueue` with these activities; run it with `worker.runUntil`. */
    worker: (taskQueue: string, activities: object): Promise<Worker> =>
      Worker.create({
        connection: ready(nativeConnection),
        taskQueue,
        activities,
        workflowBundle: testWorkflowBundle(),
      }),
  };
}
