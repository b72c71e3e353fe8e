import type { Client } from '@temporalio/client';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client';
import type { SimulatorsControl } from '../simulators/control';
import { TIDY_WORKFLOW_ID } from '../workflows/contracts/tidy';

/** How long start-up waits for a warming step before it says "ready" anyway. */
const WARM_UP_DEADLINE_MS = 15_000;

/**
 * What the first order after start-up would otherwise pay for alone (see docs/benchmarks.md, "The first order
 * after start-up"), done before the system says it is ready: every connection of the database pool opened
 * (a PostgreSQL sign-in costs tens of milliseconds each), the simulated outside systems reached once over
 * HTTP (their own pool, the kept-alive connection the workers' adapters reuse), one workflow task run by the
 * worker on its task queue (the query of the tidy loop: the worker polls, its workflow context is up, the
 * server's matching knows the queue) and one request through the API (its route pipeline, its Temporal and
 * database checks). Best effort: a step that fails or takes too long is said in the log, never fatal.
 */
export async function warmUp(parts: {
  db: Db;
  poolSize: number;
  client: Client;
  app: FastifyInstance;
  simulators: SimulatorsControl | null;
  log: (line: string) => void;
}): Promise<void> {
  const { db, poolSize, client, app, simulators, log } = parts;
  const started = Date.now();
  const steps: [string, () => Promise<unknown>][] = [
    [
      'database pool',
      () => Promise.all(Array.from({ length: poolSize }, () => db.execute(sql`select pg_sleep(0.01)`))),
    ],
    [
      'simulators',
      async () => {
        if (simulators)
          await Promise.all((['hlr', 'bank', 'sms'] as const).map((system) => simulators.behaviour(system)));
      },
    ],
    // A built-in query: answered by the worker in a workflow task, with no effect on the workflow.
    ['worker', () => client.workflow.getHandle(TIDY_WORKFLOW_ID).query('__stack_trace')],
    ['API', () => app.inject({ method: 'GET', url: '/health/ready' })],
  ];
  const failed: string[] = [];
  await Promise.all(
    steps.map(async ([name, step]) => {
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          step(),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`not done in ${WARM_UP_DEADLINE_MS} ms`)),
              WARM_UP_DEADLINE_MS,
            );
          }),
        ]);
      } catch (err) {
        failed.push(`${name} (${err instanceof Error ? err.message : String(err)})`);
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  log(
    `warmed up in ${Date.now() - started} ms` +
      (failed.length > 0 ? `; not warmed: ${failed.join(', ')}` : ''),
  );
}
