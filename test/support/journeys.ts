import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatorsControl } from '../../simulators/control';
import { stockInWorkflowId } from '../../workflows/contracts/stock-in';
import { signIn, type Api, type ApiAnswer } from './api-client';
import { openAccountBody, portInBody } from './fixtures';
import { groupOpenBody, memberLine } from './groups';
import { demoLine, preCancellationBody } from './pre-cancellation';
import { workOrderBody } from './work-orders';

/**
 * One business driven end to end the way staff and the outside systems drive it — over the API only — as the
 * history recorder and the topology test both need it. `submit` takes the submission; `follow` is where the
 * business is read and its later steps are sent (another API replica in the topology test, the same API
 * elsewhere). Each journey ends in the state it names and answers with the workflow ID.
 */
export interface JourneyContext {
  submit: Api;
  follow: Api;
  sim: SimulatorsControl;
  people: People;
  /** The longest a journey waits for one state. */
  timeoutMs?: number;
}

/** The demo staff a journey acts as, signed in once. */
export interface People {
  store: string;
  manager: string;
  dispatcher: string;
  tech: string;
  admin: string;
}

export async function signInPeople(api: Api): Promise<People> {
  const [store, manager, dispatcher, tech, admin] = await Promise.all([
    signIn(api, 'store01'),
    signIn(api, 'manager01'),
    signIn(api, 'dispatch01'),
    signIn(api, 'tech01'),
    signIn(api, 'admin01'),
  ]);
  return { store, manager, dispatcher, tech, admin };
}

export interface Journey {
  /** The workflow type it runs (as the workers register it). */
  workflowType: string;
  /** What it does, for test titles. */
  name: string;
  /** The name of its history fixture (test/workflows/histories/<fixture>.history.json). */
  fixture: string;
  /** The state it ends in, as staff read it. */
  ends: string;
  /** Runs it; answers with its workflow's ID. */
  run: (ctx: JourneyContext) => Promise<string>;
}

export const newKey = (label: string): string => `${label}-${randomBytes(6).toString('hex')}`;

function expectStatus(res: ApiAnswer, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${res.text}`);
}

async function submitOrder(
  ctx: JourneyContext,
  token: string,
  body: unknown,
  label: string,
): Promise<string> {
  const res = await ctx.submit({
    method: 'POST',
    url: '/api/v1/orders',
    token,
    body,
    headers: { 'idempotency-key': newKey(label) },
  });
  expectStatus(res, 202, `submitting ${label}`);
  return res.json<{ id: string }>().id;
}

interface Seen {
  status: string;
  step?: string | null;
  summary?: Record<string, unknown>;
}

/** Reads `url` on `follow` every 300 ms until `until` holds; throws with the last state after the timeout. */
export async function waitUntil<T extends Seen>(
  ctx: JourneyContext,
  token: string,
  url: string,
  until: (seen: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + (ctx.timeoutMs ?? 60_000);
  let last = '';
  for (;;) {
    const res = await ctx.follow({ method: 'GET', url, token });
    if (res.status === 200) {
      const seen = res.json<T>();
      if (until(seen)) return seen;
      last = `${seen.status}/${seen.step ?? '-'}`;
    } else last = `${res.status} ${res.text.slice(0, 200)}`;
    if (Date.now() > deadline) throw new Error(`${url} did not reach the awaited state; last seen ${last}`);
    await sleep(300);
  }
}

const orderUrl = (id: string) => `/api/v1/orders/${encodeURIComponent(id)}`;

/** Follows the order until it has ended `status` (throws when it ended otherwise). */
async function ends(ctx: JourneyContext, token: string, id: string, status: string): Promise<Seen> {
  const terminal = ['completed', 'rejected', 'failed', 'cancelled'];
  const seen = await waitUntil(ctx, token, orderUrl(id), (o) => terminal.includes(o.status));
  if (seen.status !== status) throw new Error(`order ${id} ended ${seen.status}, not ${status}`);
  return seen;
}

/** The seeded group whose 和对讲 the journeys open, and its members. */
const GROUP = '1000000005';

export const journeys: readonly Journey[] = [
  {
    workflowType: 'openAccountWorkflow',
    fixture: 'open-account-paid-in-cash',
    name: 'an account opening paid in cash',
    ends: 'completed',
    run: async (ctx) => {
      const id = await submitOrder(ctx, ctx.people.store, openAccountBody(), 'open');
      await ends(ctx, ctx.people.store, id, 'completed');
      return id;
    },
  },
  {
    workflowType: 'serviceChangeWorkflow',
    fixture: 'service-change-fee-collected',
    name: 'a fee collected in cash on a line',
    ends: 'completed',
    run: async (ctx) => {
      const body = {
        type: 'collectFee',
        msisdn: '13900100019',
        amountFen: 3000,
        payment: { method: 'cash' },
      };
      const id = await submitOrder(ctx, ctx.people.store, body, 'fee');
      await ends(ctx, ctx.people.store, id, 'completed');
      return id;
    },
  },
  {
    workflowType: 'preCancellationWorkflow',
    fixture: 'pre-cancellation-revoked-in-grace',
    name: 'a pre-cancellation revoked in its grace',
    ends: 'cancelled (revoked)',
    run: async (ctx) => {
      const msisdn = '13900100020';
      const { manager } = ctx.people;
      const id = await submitOrder(ctx, manager, preCancellationBody(msisdn), 'pre-cancel');
      await waitUntil(ctx, manager, orderUrl(id), (o) => o.step === 'waitingForGraceEnd');
      const reason = '客户撤销预销号 customer stays';
      const { identity } = preCancellationBody(msisdn);
      const res = await ctx.follow({
        method: 'POST',
        url: `${orderUrl(id)}/cancel`,
        token: manager,
        body: { reason, identity },
      });
      expectStatus(res, 200, 'revoking');
      const order = res.json<Seen>();
      if (order.status !== 'cancelled' || order.summary?.outcome !== 'revoked')
        throw new Error(`revocation answered ${order.status}/${String(order.summary?.outcome)}`);
      return id;
    },
  },
  {
    workflowType: 'portInWorkflow',
    fixture: 'port-in-switched-over',
    name: 'a number ported in, answered by the clearing system',
    ends: 'completed',
    run: async (ctx) => {
      const msisdn = `1331234${String(randomInt(10_000)).padStart(4, '0')}`;
      const id = await submitOrder(ctx, ctx.people.store, portInBody(msisdn), 'port-in');
      await ends(ctx, ctx.people.store, id, 'completed');
      return id;
    },
  },
  {
    workflowType: 'portOutWorkflow',
    fixture: 'port-out-switched-over',
    name: 'a line ported out with the code texted to its holder',
    ends: 'completed (portedOut)',
    run: async (ctx) => {
      const msisdn = '13900100018';
      const identity = { idType: 'idCard', idNumber: demoLine(msisdn).customer.idNumber };
      const id = await submitOrder(ctx, ctx.people.store, { type: 'portOut', msisdn, identity }, 'port-out');
      await waitUntil(ctx, ctx.people.store, orderUrl(id), (o) => o.step === 'waitingForRecipient');
      const text = (await ctx.sim.sms.inbox(msisdn)).find((m) =>
        m.eventKey.startsWith(`${id}:portOutCode:`),
      )?.text;
      const code = /授权码为 ?([A-Z0-9]{6})/.exec(text ?? '')?.[1];
      if (!code) throw new Error(`no authorization code texted to ${msisdn}: ${text ?? 'no message'}`);
      await ctx.sim.clearing.requestPortOut({
        msisdn,
        authorizationCode: code,
        recipientOperator: 'China Telecom',
      });
      const order = await ends(ctx, ctx.people.store, id, 'completed');
      if (order.summary?.outcome !== 'portedOut')
        throw new Error(`port-out ended ${String(order.summary?.outcome)}`);
      return id;
    },
  },
  {
    workflowType: 'groupProductOrderWorkflow',
    fixture: 'group-product-opened-through-bboss',
    name: 'a group’s push-to-talk opened through BBOSS',
    ends: 'completed',
    run: async (ctx) => {
      await ctx.sim.setBehaviour('bboss', { answerDelayMs: 500 });
      const id = await submitOrder(ctx, ctx.people.manager, groupOpenBody(GROUP), 'group-open');
      await ends(ctx, ctx.people.manager, id, 'completed');
      return id;
    },
  },
  {
    workflowType: 'groupMemberOrderWorkflow',
    fixture: 'group-member-added',
    name: 'a member added to the group',
    ends: 'completed',
    run: async (ctx) => {
      const body = {
        type: 'groupMemberAdd',
        groupCode: GROUP,
        productCode: 'HDJ',
        msisdn: memberLine(150),
        attributes: { displayName: '调度 王师傅', role: 'dispatcher', priority: 2 },
      };
      const id = await submitOrder(ctx, ctx.people.manager, body, 'member-add');
      await ends(ctx, ctx.people.manager, id, 'completed');
      return id;
    },
  },
  {
    workflowType: 'memberBatchWorkflow',
    fixture: 'member-batch-one-row-refused',
    name: 'a batch of members from a file, one row refused',
    ends: 'completed, 2 accepted and 1 refused',
    run: async (ctx) => {
      const csv = `msisdn,displayName,role,priority\n${memberLine(151)},司机 151,member,4\n${memberLine(152)},司机 152,,\n139002000,坏号码,,\n`;
      const res = await ctx.submit({
        method: 'POST',
        url: `/api/v1/groups/${GROUP}/products/HDJ/member-batches`,
        token: ctx.people.manager,
        body: csv,
        headers: { 'content-type': 'text/csv', 'idempotency-key': newKey('batch') },
      });
      expectStatus(res, 202, 'uploading the member batch');
      const { id } = res.json<{ id: string }>();
      const batch = await waitUntil<Seen & { acceptedRows: number; rejectedRows: number }>(
        ctx,
        ctx.people.manager,
        `/api/v1/member-batches/${encodeURIComponent(id)}`,
        (b) => b.status === 'completed' || b.status === 'failed',
      );
      if (batch.status !== 'completed' || batch.acceptedRows !== 2 || batch.rejectedRows !== 1)
        throw new Error(
          `member batch ended ${batch.status}, ${batch.acceptedRows} accepted, ${batch.rejectedRows} refused`,
        );
      return id;
    },
  },
  {
    workflowType: 'stockInWorkflow',
    fixture: 'stock-in-numbers',
    name: 'numbers stocked in from a file',
    ends: 'completed, 2 accepted',
    run: async (ctx) => {
      const prefix = `147${String(randomInt(10_000)).padStart(4, '0')}`;
      const csv = `number,kind,segment\n${prefix}0001,mobile,${prefix}\n${prefix}0002,mobile,${prefix}\n`;
      const res = await ctx.submit({
        method: 'POST',
        url: '/api/v1/stock-batches?resourceType=numbers&fileName=journey.csv',
        token: ctx.people.admin,
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
      expectStatus(res, 202, 'uploading the stock file');
      const { id } = res.json<{ id: string }>();
      const batch = await waitUntil<Seen & { acceptedRows: number }>(
        ctx,
        ctx.people.admin,
        `/api/v1/stock-batches/${encodeURIComponent(id)}`,
        (b) => b.status === 'completed' || b.status === 'failed',
      );
      if (batch.status !== 'completed' || batch.acceptedRows !== 2)
        throw new Error(`stock-in ended ${batch.status} with ${batch.acceptedRows} accepted`);
      return stockInWorkflowId(id);
    },
  },
  {
    workflowType: 'workOrderWorkflow',
    fixture: 'work-order-dispatched-and-closed',
    name: 'a work order accepted, dispatched, done and closed',
    ends: 'closed',
    run: async (ctx) => {
      const { store, dispatcher, tech } = ctx.people;
      const res = await ctx.submit({
        method: 'POST',
        url: '/api/v1/work-orders',
        token: store,
        body: workOrderBody({ territory: 'Haidian' }),
        headers: { 'idempotency-key': newKey('wo') },
      });
      expectStatus(res, 202, 'creating the work order');
      const { id } = res.json<{ id: string }>();
      const url = `/api/v1/work-orders/${encodeURIComponent(id)}`;
      await waitUntil(ctx, store, url, (w) => w.status === 'created');
      const steps: [string, Record<string, unknown>][] = [
        [dispatcher, { action: 'accept' }],
        [dispatcher, { action: 'dispatch', assigneeId: 'tech01' }],
        [tech, { action: 'start' }],
        [tech, { action: 'complete', summary: '更换光猫 modem replaced' }],
        [dispatcher, { action: 'close' }],
      ];
      for (const [token, body] of steps) {
        const step = await ctx.follow({ method: 'POST', url: `${url}/steps`, token, body });
        expectStatus(step, 200, `work-order step ${String(body.action)}`);
      }
      await waitUntil(ctx, store, url, (w) => w.status === 'closed');
      return id;
    },
  },
];
