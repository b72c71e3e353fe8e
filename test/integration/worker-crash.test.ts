import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numbers, payments } from '../../db/schema';
import { startSignedInHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';

describe('durability', () => {
  let h: Harness;
  let token: string;

  /** Starts a worker process and resolves once it polls. */
  const startWorkerProcess = () => h.startWorkerProcess({});

  beforeAll(async () => {
    // The API's orders give each step 3 s, so a step lost with a dead worker is retried quickly.
    ({ h, token } = await startSignedInHarness({
      noWorker: true,
      config: { STEP_TIMEOUT_SECONDS: '3', STEP_MAX_ATTEMPTS: '5' },
      // The HLR takes 2 s to switch a line on: long enough to kill the worker while it waits.
      hlr: { latencyMs: 2_000 },
    }));
  });
  afterAll(async () => h?.close());

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
