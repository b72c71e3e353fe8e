import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { numbers, payments } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';

const workerScript = fileURLToPath(new URL('../support/worker-process.ts', import.meta.url));

describe('durability', () => {
  let h: Harness;
  let token: string;
  const children: ChildProcess[] = [];

  /** Starts a worker process and resolves once it polls. */
  const startWorkerProcess = (): Promise<ChildProcess> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', workerScript], {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: h.config.TEMPORAL_ADDRESS,
          DATABASE_URL: h.dbUrl,
          TEMPORAL_TASK_QUEUE: h.taskQueue,
          HLR_LATENCY_MS: '2000',
          WORKFLOW_BUNDLE_PATH: inject('workflowBundlePath'),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve(child);
      });
      child.once('exit', (code) => reject(new Error(`worker process exited early (${String(code)})`)));
    });

  beforeAll(async () => {
    // The API's orders give each step 3 s, so a step lost with a dead worker is retried quickly.
    h = await startHarness({ noWorker: true, config: { STEP_TIMEOUT_SECONDS: '3', STEP_MAX_ATTEMPTS: '5' } });
    token = await h.login();
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await h?.close();
  });

  it('ORD-1: a worker killed mid-order leaves the order to finish on the next worker, charged once', async () => {
    const first = await startWorkerProcess();
    const res = await submitOrder(h.app, token, openAccountBody({ msisdn: '13800100999' }));
    const id = res.json<{ id: string }>().id;
    await waitForOrder(h.app, token, id, (o) => o.step === 'provisioning');

    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    await startWorkerProcess();

    const order = await waitForOrder(h.app, token, id, undefined, 45_000);
    expect(order.status).toBe('completed');
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, '13800100999'));
    expect(number?.status).toBe('inUse');
    expect(await h.db.select().from(payments).where(eq(payments.orderId, id))).toHaveLength(1);
  });
});
