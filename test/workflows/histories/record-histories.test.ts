import { writeFileSync } from 'node:fs';
import proto from '@temporalio/proto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { dispatchRules } from '../../../db/schema';
import { verifiedCardPayment } from '../../support/fixtures';
import { startHarness, type Harness } from '../../support/harness';
import { cancelOrderAs, openAccountBody, submitOrder, waitForOrder } from '../../support/orders';
import { newWorkOrder, step, waitForWorkOrder } from '../../support/work-orders';

/**
 * Records the histories `read-model-replay.test.ts` replays: orders and a work order run on the code of the
 * day, through the real stack, saved as protobuf JSON beside this file. Run only on purpose, before a change
 * that needs `patched()`: `RECORD_HISTORIES=1 npx vitest run test/workflows/histories/record-histories.test.ts`.
 */
const History = proto.temporal.api.history.v1.History;

describe.runIf(process.env.RECORD_HISTORIES)('ORD-2, WO-1: recording histories of today’s code', () => {
  let h: Harness;
  let store: string;
  beforeAll(async () => {
    h = await startHarness({ config: { STEP_MAX_ATTEMPTS: '2' } });
    await h.db.update(dispatchRules).set({ enabled: false });
    store = await h.login('store01');
  });
  afterAll(async () => h?.close());

  async function save(name: string, workflowId: string): Promise<void> {
    const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
    const json = History.toObject(History.fromObject(history), {
      longs: String,
      enums: String,
      bytes: String,
    });
    writeFileSync(new URL(`./${name}.history.json`, import.meta.url), `${JSON.stringify(json, null, 1)}\n`);
  }

  it('ORD-1, ORD-2: an account opening paid in cash, completed', async () => {
    const res = await submitOrder(h.app, store, openAccountBody({ msisdn: '13800100088' }));
    const order = await waitForOrder(h.app, store, res.json<{ id: string }>().id);
    if (order.status !== 'completed') throw new Error(`opening ended ${order.status}`);
    await save('open-account-completed', order.id);
  });

  it('ORD-2, ORD-5: an account opening whose provisioning fails, compensated', async () => {
    await h.sim.setBehaviour('hlr', { failureRate: 1 });
    try {
      const res = await submitOrder(h.app, store, openAccountBody({ msisdn: '13800100333' }));
      const order = await waitForOrder(h.app, store, res.json<{ id: string }>().id);
      if (order.status !== 'failed') throw new Error(`opening ended ${order.status}`);
      await save('open-account-failed', order.id);
    } finally {
      await h.sim.setBehaviour('hlr', { failureRate: 0 });
    }
  });

  it('ORD-2, ORD-6: an account opening cancelled while charging', async () => {
    await h.sim.setBehaviour('bank', { latencyMs: 1_500 });
    try {
      const payment = await verifiedCardPayment(h.sim, '6222021234567890');
      const res = await submitOrder(h.app, store, openAccountBody({ payment }));
      const id = res.json<{ id: string }>().id;
      await waitForOrder(h.app, store, id, (o) => o.step === 'charging');
      const cancel = await cancelOrderAs(h.app, store, id, '客户改变主意 customer changed mind');
      if (cancel.statusCode !== 200) throw new Error(cancel.body);
      await save('open-account-cancelled', id);
    } finally {
      await h.sim.setBehaviour('bank', { latencyMs: 0 });
    }
  });

  it('WO-1…WO-5: a work order taken from creation to closed', async () => {
    const [dispatcher, tech] = await Promise.all([h.login('dispatch01'), h.login('tech01')]);
    const id = await newWorkOrder(h.app, store);
    await waitForWorkOrder(h.app, store, id, (w) => w.timeline.length >= 1);
    await step(h.app, dispatcher, id, { action: 'accept' });
    await waitForWorkOrder(h.app, dispatcher, id, (w) =>
      w.timeline.some((e) => e.action === 'noDispatchRule'),
    );
    await step(h.app, dispatcher, id, { action: 'assignOutlet', outletCode: 'OUT-BJ-XD' });
    await step(h.app, dispatcher, id, { action: 'dispatch', assigneeId: 'tech01' });
    const at = new Date(Date.now() + 86_400_000).toISOString();
    await step(h.app, tech, id, { action: 'bookAppointment', at, note: 'call first' });
    await step(h.app, tech, id, { action: 'start' });
    await step(h.app, tech, id, { action: 'complete', summary: 'modem replaced' });
    await step(h.app, dispatcher, id, { action: 'close' });
    await h.client.workflow.getHandle(id).result();
    await save('work-order-closed', id);
  });
});
