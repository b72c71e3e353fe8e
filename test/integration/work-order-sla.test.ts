import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkOrderView } from '../../services/work-orders/work-order-view';
import { dispatchRules } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';
import { newKey } from '../support/orders';

/**
 * Service levels of work orders (REQ: WO-6) end to end: the real work-order workflow with its durable SLA
 * timers, the API and PostgreSQL. Targets are seconds on the continuous clock (WO_SLA in fractions of a
 * minute), so breaches happen while the test waits for them through the API.
 */

let h: Harness;
let clerk: string;
let dispatcher: string;
let duty: string;

beforeAll(async () => {
  h = await startHarness({
    config: {
      WO_SLA_CLOCK: 'continuous',
      // P2: respond (dispatch) within 6 s, resolve within 12 s.
      WO_SLA: 'P1:0.05/0.1,P2:0.1/0.2,P3:60/480,P4:120/960',
      WO_REDISPATCH_ON_BREACH: 'true',
      WO_ESCALATION_ROLE: 'dutyManager',
    },
  });
  [clerk, dispatcher, duty] = await Promise.all([
    h.login('store01', 'STORE-BJ-001'),
    h.login('dispatch01', 'STORE-BJ-001'),
    h.login('duty01', 'CC-10086-BJ'),
  ]);
});
afterAll(async () => h?.close());

/** With every dispatch rule off, nobody is dispatched unless a person does it (REQ: WO-4). */
const setDispatchRules = (enabled: boolean) => h.db.update(dispatchRules).set({ enabled });
beforeEach(async () => {
  await setDispatchRules(true);
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function createWorkOrder(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/work-orders',
    headers: { ...auth(clerk), 'idempotency-key': newKey('sla') },
    payload: {
      category: 'broadbandRepair',
      priority: 'P2',
      title: '宽带无法上网 Broadband down',
      description: 'No connection since the morning',
      customer: { name: '测试用户 Test 06', msisdn: '13900100006' },
      ...overrides,
    },
  });
  expect(res.statusCode).toBe(202);
  return res.json<{ id: string }>().id;
}

async function step(id: string, command: Record<string, unknown>): Promise<WorkOrderView> {
  const res = await h.app.inject({
    method: 'POST',
    url: `/api/v1/work-orders/${encodeURIComponent(id)}/steps`,
    headers: auth(dispatcher),
    payload: command,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function getWorkOrder(id: string): Promise<WorkOrderView> {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/v1/work-orders/${encodeURIComponent(id)}`,
    headers: auth(dispatcher),
  });
  expect(res.statusCode).toBe(200);
  return res.json();
}

/** Reads the work order through the API until `until` holds (the SLA timers run in the workflow). */
const waitForWorkOrder = (id: string, until: (w: WorkOrderView) => boolean) =>
  vi.waitFor(
    async () => {
      const wo = await getWorkOrder(id);
      if (!until(wo)) throw new Error(`work order ${id} is ${wo.status}`);
      return wo;
    },
    { timeout: 30_000, interval: 200 },
  );

interface NoticeView {
  id: string;
  recipientRole: string;
  outletCode: string | null;
  workOrderId: string | null;
  kind: string;
  message: { zh: string; en: string };
  readAt: string | null;
}

async function notices(query: string): Promise<{ items: NoticeView[]; total: number }> {
  const res = await h.app.inject({
    method: 'GET',
    url: `/api/v1/notifications?${query}`,
    headers: auth(duty),
  });
  expect(res.statusCode).toBe(200);
  return { items: res.json<{ items: NoticeView[] }>().items, total: Number(res.headers['x-total-count']) };
}

const markRead = (id: string) =>
  h.app.inject({
    method: 'POST',
    url: `/api/v1/notifications/${encodeURIComponent(id)}/read`,
    headers: auth(duty),
  });

const actions = (wo: WorkOrderView) => wo.timeline.map((e) => e.action);

describe('work-order service levels', () => {
  it("WO-6: a work order nobody dispatches breaches its response target — flagged, on its timeline, and its outlet's duty manager is told", async () => {
    await setDispatchRules(false);
    const id = await createWorkOrder();
    await step(id, { action: 'accept' });
    await step(id, { action: 'assignOutlet', outletCode: 'OUT-BJ-HD' });

    const breached = await waitForWorkOrder(id, (w) => w.sla.responseBreached);
    expect(breached.status).toBe('outletAssigned');
    expect(breached.sla.respondedAt).toBeNull();
    const line = breached.timeline.find((e) => e.action === 'slaBreached');
    expect(line).toMatchObject({
      actor: 'system',
      details: { kind: 'response', dueAt: breached.sla.responseDueAt },
    });
    expect(Date.parse(line?.at ?? '')).toBeGreaterThanOrEqual(Date.parse(breached.sla.responseDueAt ?? ''));

    // The notice is written by the escalation step just after the breach shows on the work order.
    const notice = await vi.waitFor(async () => {
      const unread = await notices('role=dutyManager&outletCode=OUT-BJ-HD&unread=true');
      const found = unread.items.find((n) => n.workOrderId === id);
      if (!found) throw new Error(`no notice for ${id} yet`);
      return found;
    });
    expect(notice).toMatchObject({
      id: `${id}:response`,
      recipientRole: 'dutyManager',
      outletCode: 'OUT-BJ-HD',
      kind: 'sla.responseBreached',
      readAt: null,
    });
    expect(notice?.message.zh).toContain(id);
    expect(notice?.message.zh).toContain('响应时限已超时');
    expect(notice?.message.en).toMatch(new RegExp(`${id}.*missed its response target .* by \\d+ s`));

    // Read once, it leaves the unread list and keeps the time it was first read.
    const read = await markRead(`${id}:response`);
    expect(read.statusCode).toBe(200);
    const readAt = read.json<NoticeView>().readAt;
    expect(readAt).not.toBeNull();
    expect((await markRead(`${id}:response`)).json<NoticeView>().readAt).toBe(readAt);
    const stillUnread = await notices('role=dutyManager&outletCode=OUT-BJ-HD&unread=true');
    expect(stillUnread.items.map((n) => n.id)).not.toContain(`${id}:response`);
    expect((await notices('outletCode=OUT-BJ-HD&unread=false')).items.map((n) => n.id)).toContain(
      `${id}:response`,
    );
  });

  it('WO-6: with WO_REDISPATCH_ON_BREACH a response breach dispatches the work order by rule', async () => {
    await setDispatchRules(false);
    const id = await createWorkOrder();
    await step(id, { action: 'accept' });
    await step(id, { action: 'assignOutlet', outletCode: 'OUT-BJ-WFJ' });
    // Nobody was found when the outlet was assigned; by the time the target passes, the rules are back.
    await waitForWorkOrder(id, (w) =>
      actions(w).slice(actions(w).indexOf('assignOutlet')).includes('noDispatchRule'),
    );
    await setDispatchRules(true);

    const dispatched = await waitForWorkOrder(id, (w) => w.status === 'dispatched');
    expect(dispatched.sla.responseBreached).toBe(true);
    expect(['tech03', 'tech04']).toContain(dispatched.assigneeId);
    const breachAt = actions(dispatched).indexOf('slaBreached');
    const dispatchAt = actions(dispatched).lastIndexOf('dispatch');
    expect(breachAt).toBeGreaterThan(-1);
    expect(dispatchAt).toBeGreaterThan(breachAt);
    expect(dispatched.timeline[dispatchAt]).toMatchObject({
      actor: 'system',
      details: { assigneeId: dispatched.assigneeId, ruleId: 'R-RR-WANGFUJING' },
    });
  });

  it('WO-6: a work order dispatched in time does not breach its response target', async () => {
    const id = await createWorkOrder({ territory: 'Xicheng' });
    await step(id, { action: 'accept' });
    const dispatched = await waitForWorkOrder(id, (w) => w.status === 'dispatched');
    expect(Date.parse(dispatched.sla.respondedAt ?? '')).toBeLessThan(
      Date.parse(dispatched.sla.responseDueAt ?? ''),
    );

    // The resolution target (after the response target) passes unmet: by then the response timer has ended too.
    const late = await waitForWorkOrder(id, (w) => w.sla.resolutionBreached);
    expect(late.sla.responseBreached).toBe(false);
    expect(late.timeline.filter((e) => e.action === 'slaBreached').map((e) => e.details.kind)).toEqual([
      'resolution',
    ]);
    expect((await markRead(`${id}:response`)).json()).toMatchObject({ code: 'NotificationNotFound' });
    // The notice is written by the escalation step just after the breach shows on the work order.
    const resolutionNotice = await vi.waitFor(async () => {
      const found = (await notices('role=dutyManager&outletCode=OUT-BJ-XD')).items.find(
        (n) => n.id === `${id}:resolution`,
      );
      if (!found) throw new Error('no resolution notice yet');
      return found;
    });
    expect(resolutionNotice.message.en).toContain('missed its resolution target');
  });
});
