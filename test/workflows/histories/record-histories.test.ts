import { existsSync, writeFileSync } from 'node:fs';
import proto from '@temporalio/proto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { dispatchRules } from '../../../db/schema';
import { verifiedCardPayment } from '../../support/fixtures';
import { startHarness, type Harness } from '../../support/harness';
import { isTerminal } from '../../../domain/orders';
import {
  cancelOrderAs,
  openAccountBody,
  submitOrder,
  waitForOrder,
  type OrderView,
} from '../../support/orders';
import { preCancellationBody } from '../../support/pre-cancellation';
import { injectApi } from '../../support/api-client';
import { journeys, signInPeople, type JourneyContext } from '../../support/journeys';
import { newWorkOrder, step, waitForWorkOrder } from '../../support/work-orders';

/**
 * Records the history fixtures `../history-fixtures.test.ts` replays: businesses run on the code of the day,
 * through the real stack (API, worker, dev server, PostgreSQL, simulators), saved as protobuf JSON beside this
 * file. Run only on purpose — `npm run histories:record` (`-- -t <name>` picks cases) — before a change that
 * needs `patched()`, or for a new workflow type; `RECORD_SUFFIX=before-x` names the files
 * `<name>-before-x.history.json`. README.md beside this file says which fixture guards what.
 */
const History = proto.temporal.api.history.v1.History;

/**
 * Saves the history once the workflow has closed: the read model may show an order ended a moment before its
 * workflow has written its last events, and a fixture cut there would replay into work it cannot do.
 */
async function saveHistory(h: Harness, name: string, workflowId: string): Promise<void> {
  const handle = h.client.workflow.getHandle(workflowId);
  await handle.result().catch(() => undefined);
  await writeHistory(name, await handle.fetchHistory());
}

async function writeHistory(
  name: string,
  history: Awaited<ReturnType<ReturnType<Harness['client']['workflow']['getHandle']>['fetchHistory']>>,
): Promise<void> {
  const json = History.toObject(History.fromObject(history), {
    longs: String,
    enums: String,
    bytes: String,
  });
  const suffix = process.env.RECORD_SUFFIX ? `-${process.env.RECORD_SUFFIX}` : '';
  const file = new URL(`./${name}${suffix}.history.json`, import.meta.url);
  // A fixture may be all that guards an older path: it is replaced only on purpose.
  if (existsSync(file) && !process.env.RECORD_OVERWRITE)
    throw new Error(
      `${name}${suffix}.history.json exists: give RECORD_SUFFIX=<what-changes> for a new fixture, or ` +
        'RECORD_OVERWRITE=1 to replace it (see README.md)',
    );
  writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
}

describe.runIf(process.env.RECORD_HISTORIES)('ORD-2, WO-1: recording histories of today’s code', () => {
  let h: Harness;
  let store: string;
  beforeAll(async () => {
    h = await startHarness({ config: { STEP_MAX_ATTEMPTS: '2' } });
    await h.db.update(dispatchRules).set({ enabled: false });
    store = await h.login('store01');
  });
  afterAll(async () => h?.close());

  const save = (name: string, workflowId: string) => saveHistory(h, name, workflowId);

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

describe.runIf(process.env.RECORD_HISTORIES)(
  'PC-5, PC-6: recording pre-cancellations of today’s code',
  () => {
    let h: Harness;
    let manager: string;
    const inGrace = (o: OrderView) => o.step === 'waitingForGraceEnd' || isTerminal(o.status);
    beforeAll(async () => {
      h = await startHarness({
        config: { STEP_MAX_ATTEMPTS: '2', PRE_CANCEL_GRACE_SECONDS: '3', PRE_CANCEL_VISIT_SECONDS: '3' },
      });
      manager = await h.login('manager01', 'STORE-BJ-001');
    });
    afterAll(async () => h?.close());

    const preCancel = async (msisdn: string) => {
      const res = await submitOrder(h.app, manager, preCancellationBody(msisdn));
      if (res.statusCode !== 202) throw new Error(res.body);
      return res.json<{ id: string }>().id;
    };
    const cancel = async (id: string, msisdn: string) => {
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/orders/${encodeURIComponent(id)}/cancel`,
        headers: { authorization: `Bearer ${manager}` },
        payload: { reason: '客户留下 customer stays', identity: preCancellationBody(msisdn).identity },
      });
      if (res.statusCode !== 200) throw new Error(res.body);
    };

    it('PC-4, PC-6: a pre-cancellation with an extra deposit paid in cash, revoked in its grace', async () => {
      const msisdn = '13900100002';
      const id = await preCancel(msisdn);
      const order = await waitForOrder(h.app, manager, id, inGrace);
      if (order.step !== 'waitingForGraceEnd') throw new Error(`ended ${order.status}`);
      await cancel(id, msisdn);
      await save('pre-cancellation-revoked', id);
    });

    it('PC-5: a pre-cancellation nobody came for, cancelled by the system', async () => {
      const id = await preCancel('13900100005');
      const order = await waitForOrder(h.app, manager, id, (o) => isTerminal(o.status));
      if (order.status !== 'completed') throw new Error(`ended ${order.status}`);
      await save('pre-cancellation-cancelled-without-visit', id);
    });

    it('ORD-6: a pre-cancellation cancelled while suspending, undone', async () => {
      await h.sim.setBehaviour('hlr', { latencyMs: 1_500 });
      try {
        const msisdn = '13900100006';
        const id = await preCancel(msisdn);
        await waitForOrder(h.app, manager, id, (o) => o.step === 'suspending');
        await cancel(id, msisdn);
        await save('pre-cancellation-cancelled', id);
      } finally {
        await h.sim.setBehaviour('hlr', { latencyMs: 0 });
      }
    });

    const save = (name: string, workflowId: string) => saveHistory(h, name, workflowId);
  },
);

describe.runIf(process.env.RECORD_HISTORIES)('ORD-1: recording one business of each kind', () => {
  let h: Harness;
  let ctx: JourneyContext;
  beforeAll(async () => {
    h = await startHarness({
      config: { STEP_MAX_ATTEMPTS: '2', MNP_SWITCH_WINDOW: '0-23', MNP_SWITCH_OVER_DELAY_SECONDS: '1' },
    });
    const api = injectApi(h.app);
    ctx = { submit: api, follow: api, sim: h.sim, people: await signInPeople(api) };
  });
  afterAll(async () => h?.close());

  // In order: the group's product is opened before its members join.
  it.each(journeys)('ORD-1: $name ($fixture)', async (journey) => {
    const id = await journey.run(ctx);
    await h.client.workflow.getHandle(id).result();
    await saveHistory(h, journey.fixture, id);
  });

  it('OPEN-2, RES-3: the tidy-up, one round and the loop that continues as new', async () => {
    const round = await h.client.workflow.start('tidyPreemptionsWorkflow', {
      taskQueue: h.taskQueue,
      workflowId: `tidy-round-${h.taskQueue}`,
      args: [],
    });
    await round.result();
    await saveHistory(h, 'tidy-preemptions-round', round.workflowId);
    const loop = await h.client.workflow.start('tidyLoopWorkflow', {
      taskQueue: h.taskQueue,
      workflowId: `tidy-loop-${h.taskQueue}`,
      args: [{ intervalSeconds: 1, roundsPerRun: 2 }],
    });
    // The first run ends by continuing as new after its two rounds; its history is the fixture.
    const firstRun = h.client.workflow.getHandle(loop.workflowId, loop.firstExecutionRunId, {
      followRuns: false,
    });
    await firstRun.result().catch(() => undefined);
    const history = await firstRun.fetchHistory();
    await loop.terminate('recorded');
    await writeHistory('tidy-loop-continued-as-new', history);
  });

  it('RES-3: the daily stock report', async () => {
    const report = await h.client.workflow.start('stockReportWorkflow', {
      taskQueue: h.taskQueue,
      workflowId: `stock-report-${h.taskQueue}`,
      args: [{ utcOffsetHours: 8 }],
    });
    await report.result();
    await saveHistory(h, 'stock-report-daily', report.workflowId);
  });
});
