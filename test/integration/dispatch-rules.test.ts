import { MockActivityEnvironment } from '@temporalio/testing';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createWorkOrderDispatchActivities } from '../../activities/work-order-dispatch';
import type { WorkOrderView } from '../../services/work-orders/work-order-view';
import { projectWorkOrder } from '../../db/queries/work-orders';
import { staffProfiles } from '../../db/schema';
import type { WorkOrderState } from '../../domain/work-orders';
import { startHarness, type Harness } from '../support/harness';

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
}

interface RuleView {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  kind: string;
  kindLabel: { zh: string; en: string };
  match: Record<string, unknown>;
  target: { outletCode?: string; staffIds?: string[] };
  updatedBy: string;
}

const seededOrder = ['R-TERRITORY-XICHENG', 'R-SKILL-TERMINAL', 'R-RR-WANGFUJING', 'R-LEAST-LOAD'];

/** A work order as its workflow holds it, accepted and waiting for dispatch unless told otherwise. */
function workOrder(over: Partial<WorkOrderState> = {}): WorkOrderState {
  const now = new Date().toISOString();
  return {
    id: `WorkOrder:dispatch-${randomBytes(6).toString('hex')}`,
    kind: 'standard',
    source: 'staff',
    category: 'broadbandRepair',
    greenChannelType: null,
    priority: 'P3',
    status: 'accepted',
    title: '宽带报修 Broadband repair',
    description: '宽带无法上网 No internet',
    customer: { name: '测试客户 Test customer', msisdn: '13800100001' },
    vip: false,
    city: 'Beijing',
    territory: null,
    requiredSkill: null,
    outletCode: null,
    assigneeId: null,
    appointment: null,
    result: null,
    commitments: [],
    createdBy: 'store01',
    channelCode: 'STORE-BJ-001',
    createdAt: now,
    sla: {
      responseDueAt: null,
      resolutionDueAt: null,
      respondedAt: null,
      resolvedAt: null,
      responseBreached: false,
      resolutionBreached: false,
    },
    events: 1,
    ...over,
  };
}

/** A mock activity context for one call of an activity in workflow `WorkOrder:dispatch-test`. */
function activityCall(activityId: string): MockActivityEnvironment {
  return new MockActivityEnvironment({
    activityId,
    workflowExecution: { workflowId: 'WorkOrder:dispatch-test', runId: 'run-1' },
  });
}

describe('dispatch rules (派工规则): kept by administrators, applied by automatic dispatch', () => {
  let h: Harness;
  let adminToken: string;
  let dispatcherToken: string;
  let storeToken: string;
  let dispatch: ReturnType<typeof createWorkOrderDispatchActivities>;
  /** The activity itself, as the work-order workflow calls it: each call its own activity (and turn key). */
  let calls = 0;
  type Choose = ReturnType<typeof createWorkOrderDispatchActivities>['chooseAssignee'];
  const chooseAssignee = (input: Parameters<Choose>[0]): ReturnType<Choose> =>
    activityCall(`choose-${++calls}`).run<[typeof input], Awaited<ReturnType<Choose>>, Choose>(
      (i) => dispatch.chooseAssignee(i),
      input,
    );

  beforeAll(async () => {
    h = await startHarness();
    [adminToken, dispatcherToken, storeToken] = await Promise.all([
      h.login('admin01', 'STORE-BJ-001'),
      h.login('dispatch01', 'STORE-BJ-001'),
      h.login('store01', 'STORE-BJ-001'),
    ]);
    dispatch = createWorkOrderDispatchActivities({ db: h.db });
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object, token = adminToken) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });

  const listIds = async (): Promise<string[]> =>
    (await call('GET', '/api/v1/dispatch-rules')).json<{ items: RuleView[] }>().items.map((r) => r.id);

  const reorder = (ids: string[]) => call('PUT', '/api/v1/dispatch-rules/order', { ids });

  /**
   * Gives the staff member `count` open (dispatched) work orders in the read model, written the way workflows
   * write it; the returned function closes them again so later tests start from no load.
   */
  async function giveLoad(staffId: string, count: number): Promise<() => Promise<void>> {
    const at = new Date().toISOString();
    const held = Array.from({ length: count }, () =>
      workOrder({ status: 'dispatched', assigneeId: staffId, events: 1 }),
    );
    for (const wo of held) {
      await projectWorkOrder(h.db, wo, {
        seq: 0,
        at,
        actor: 'dispatch01',
        action: 'dispatch',
        fromStatus: null,
        toStatus: 'dispatched',
        details: {},
      });
    }
    return async () => {
      for (const wo of held) {
        await projectWorkOrder(
          h.db,
          { ...wo, status: 'closed', events: 2 },
          {
            seq: 1,
            at,
            actor: 'test',
            action: 'close',
            fromStatus: 'dispatched',
            toStatus: 'closed',
            details: {},
          },
        );
      }
    };
  }

  async function withLoad(load: Record<string, number>, body: () => Promise<void>): Promise<void> {
    const releases = await Promise.all(Object.entries(load).map(([id, n]) => giveLoad(id, n)));
    try {
      await body();
    } finally {
      for (const release of releases) await release();
    }
  }

  describe('the rules through the API', () => {
    it('WO-4: only administrators keep the rules: 403 RoleNotAllowed for a dispatcher and front-line staff', async () => {
      for (const token of [dispatcherToken, storeToken]) {
        const list = await call('GET', '/api/v1/dispatch-rules', undefined, token);
        expect(list.statusCode).toBe(403);
        expect(list.json<ErrorBody>().code).toBe('RoleNotAllowed');
        const add = await call(
          'POST',
          '/api/v1/dispatch-rules',
          { id: 'R-NOT-ALLOWED', name: 'x', kind: 'leastLoad' },
          token,
        );
        expect(add.statusCode).toBe(403);
        const disable = await call('POST', '/api/v1/dispatch-rules/R-LEAST-LOAD/disable', undefined, token);
        expect(disable.statusCode).toBe(403);
        const order = await call('PUT', '/api/v1/dispatch-rules/order', { ids: seededOrder }, token);
        expect(order.statusCode).toBe(403);
      }
      expect(await listIds()).toEqual(seededOrder);
    });

    it('WO-4: the rules are listed in the order they are tried, with their kind in Chinese and English', async () => {
      const res = await call('GET', '/api/v1/dispatch-rules');
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: RuleView[] }>().items;
      expect(items.map((r) => [r.id, r.position, r.kind, r.enabled])).toEqual([
        ['R-TERRITORY-XICHENG', 10, 'territory', true],
        ['R-SKILL-TERMINAL', 20, 'skill', true],
        ['R-RR-WANGFUJING', 30, 'roundRobin', true],
        ['R-LEAST-LOAD', 40, 'leastLoad', true],
      ]);
      expect(items[2]).toMatchObject({
        kindLabel: { zh: '轮流派工', en: 'Round robin' },
        match: { outletCode: 'OUT-BJ-WFJ' },
        target: { staffIds: ['tech03', 'tech04'] },
      });
    });

    it('WO-4: an administrator adds, changes, disables and enables a rule; each change records who made it', async () => {
      const created = await call('POST', '/api/v1/dispatch-rules', {
        id: 'R-P1-INSTALL',
        name: 'P1 装机派海淀 P1 installation → Haidian',
        kind: 'leastLoad',
        match: { category: 'installation', priority: 'P1' },
        target: { outletCode: 'OUT-BJ-HD' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.headers.location).toBe('/api/v1/dispatch-rules/R-P1-INSTALL');
      expect(created.json<RuleView>()).toMatchObject({ position: 50, enabled: true, updatedBy: 'admin01' });

      const again = await call('POST', '/api/v1/dispatch-rules', {
        id: 'R-P1-INSTALL',
        name: 'again',
        kind: 'leastLoad',
      });
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorBody>()).toMatchObject({
        code: 'DispatchRuleExists',
        reason: '派工规则编号已存在',
      });

      const changed = await call('PUT', '/api/v1/dispatch-rules/R-P1-INSTALL', {
        name: 'P1 装机派陈晨 P1 installation → Chen Chen',
        position: 5,
        kind: 'leastLoad',
        match: { category: 'installation', priority: 'P1' },
        target: { staffIds: ['tech05'] },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json<RuleView>()).toMatchObject({ position: 5, target: { staffIds: ['tech05'] } });
      expect((await listIds())[0]).toBe('R-P1-INSTALL');

      const disabled = await call('POST', '/api/v1/dispatch-rules/R-P1-INSTALL/disable');
      expect(disabled.json<RuleView>()).toMatchObject({ enabled: false, updatedBy: 'admin01' });
      const p1Install = workOrder({ category: 'installation', priority: 'P1', outletCode: 'OUT-BJ-XD' });
      expect((await chooseAssignee({ workOrder: p1Install }))?.ruleId).toBe('R-LEAST-LOAD');
      const enabled = await call('POST', '/api/v1/dispatch-rules/R-P1-INSTALL/enable');
      expect(enabled.json<RuleView>().enabled).toBe(true);
      expect(await chooseAssignee({ workOrder: p1Install })).toEqual({
        assigneeId: 'tech05',
        outletCode: 'OUT-BJ-HD',
        ruleId: 'R-P1-INSTALL',
        ruleName: 'P1 装机派陈晨 P1 installation → Chen Chen',
      });

      const missing = await call('POST', '/api/v1/dispatch-rules/R-NOPE/disable');
      expect(missing.statusCode).toBe(404);
      expect(missing.json<ErrorBody>()).toMatchObject({
        code: 'DispatchRuleNotFound',
        reason: '派工规则不存在',
      });
      const missingPut = await call('PUT', '/api/v1/dispatch-rules/R-NOPE', {
        name: 'x',
        position: 1,
        kind: 'leastLoad',
      });
      expect(missingPut.statusCode).toBe(404);
    });

    it('WO-4: a rule the kind does not support, or naming unknown outlets or staff, is refused with the field named', async () => {
      const add = (body: object) =>
        call('POST', '/api/v1/dispatch-rules', { id: 'R-BAD', name: 'bad', ...body });
      const territoryWithoutOutlet = await add({ kind: 'territory', match: { territory: 'Chaoyang' } });
      expect(territoryWithoutOutlet.statusCode).toBe(422);
      expect(territoryWithoutOutlet.json<ErrorBody>()).toMatchObject({
        code: 'InvalidDispatchRule',
        reason: '派工规则不合法',
        message: expect.stringContaining('target.outletCode: is required for a territory rule') as string,
      });
      const rrWithoutStaff = await add({ kind: 'roundRobin', match: { outletCode: 'OUT-BJ-HD' } });
      expect(rrWithoutStaff.json<ErrorBody>().message).toContain(
        'target.staffIds: is required for a roundRobin rule',
      );
      const skillWithoutSkill = await add({ kind: 'skill', target: { outletCode: 'OUT-BJ-HD' } });
      expect(skillWithoutSkill.json<ErrorBody>().message).toContain(
        'match.skill: is required for a skill rule',
      );

      const unknownOutlet = await add({
        kind: 'territory',
        match: { territory: 'Chaoyang' },
        target: { outletCode: 'OUT-X' },
      });
      expect(unknownOutlet.statusCode).toBe(422);
      expect(unknownOutlet.json<ErrorBody>()).toMatchObject({
        code: 'OutletNotFound',
        message: 'target.outletCode: no outlet OUT-X',
      });
      const unknownStaff = await add({ kind: 'roundRobin', target: { staffIds: ['tech01', 'tech99'] } });
      expect(unknownStaff.json<ErrorBody>()).toMatchObject({
        code: 'StaffNotFound',
        message: 'target.staffIds: no service staff tech99',
      });

      const badShape = await add({ id: 'r-lower', kind: 'sometimes' });
      expect(badShape.statusCode).toBe(400);
      expect(badShape.json<ErrorBody>().code).toBe('ValidationFailed');
      expect(badShape.json<ErrorBody>().message).toMatch(/body\.id: .*A-Z/);

      const badChange = await call('PUT', '/api/v1/dispatch-rules/R-LEAST-LOAD', {
        name: 'x',
        position: 40,
        kind: 'roundRobin',
      });
      expect(badChange.statusCode).toBe(422);
      expect(await listIds()).not.toContain('R-BAD');
      expect((await call('GET', '/api/v1/dispatch-rules/R-LEAST-LOAD')).json<RuleView>().kind).toBe(
        'leastLoad',
      );
    });

    it('WO-4: re-ordering names every rule exactly once and renumbers the positions 10, 20, …', async () => {
      const before = await listIds();
      const reversed = [...before].reverse();
      const res = await reorder(reversed);
      expect(res.statusCode).toBe(200);
      const items = res.json<{ items: RuleView[] }>().items;
      expect(items.map((r) => r.id)).toEqual(reversed);
      expect(items.map((r) => r.position)).toEqual(reversed.map((_, i) => (i + 1) * 10));
      expect(items.every((r) => r.updatedBy === 'admin01')).toBe(true);

      const missingOne = await reorder(before.slice(1));
      expect(missingOne.statusCode).toBe(422);
      expect(missingOne.json<ErrorBody>()).toMatchObject({
        code: 'InvalidDispatchRule',
        message: `ids: must name every rule; missing: ${before[0]}`,
      });
      const repeated = await reorder([...before, before[0] ?? '']);
      expect(repeated.json<ErrorBody>().message).toContain('ids: must name each rule once; repeated:');
      const unknown = await reorder([...before, 'R-NOPE']);
      expect(unknown.json<ErrorBody>().message).toBe('ids: names no existing rule: R-NOPE');
      expect(await listIds()).toEqual(reversed);

      expect((await reorder(before)).statusCode).toBe(200);
      expect(await listIds()).toEqual(before);
    });

    it('WO-4: the OpenAPI document lists the rule routes under work orders and offers no delete', async () => {
      const doc = (await h.app.inject({ url: '/docs/json' })).json<{
        paths: Record<string, Record<string, { tags?: string[] }>>;
      }>();
      const rulePaths = Object.entries(doc.paths).filter(([path]) =>
        path.startsWith('/api/v1/dispatch-rules'),
      );
      expect(rulePaths.map(([path, ops]) => `${Object.keys(ops).sort().join(',')} ${path}`).sort()).toEqual([
        'get,post /api/v1/dispatch-rules',
        'get,put /api/v1/dispatch-rules/{id}',
        'post /api/v1/dispatch-rules/{id}/disable',
        'post /api/v1/dispatch-rules/{id}/enable',
        'put /api/v1/dispatch-rules/order',
      ]);
      for (const [, ops] of rulePaths)
        for (const op of Object.values(ops)) expect(op.tags).toEqual(['work orders']);
    });
  });

  describe('WO-4: automatic dispatch by each rule kind', () => {
    it('WO-4: territory — Xicheng work goes to the least-loaded Xidan staff member', async () => {
      const xicheng = workOrder({ territory: 'Xicheng' });
      expect(await chooseAssignee({ workOrder: xicheng })).toEqual({
        assigneeId: 'tech01',
        outletCode: 'OUT-BJ-XD',
        ruleId: 'R-TERRITORY-XICHENG',
        ruleName: '西城区工单派西单网点 Xicheng → Xidan',
      });
      await withLoad({ tech01: 2 }, async () => {
        expect(await chooseAssignee({ workOrder: xicheng })).toMatchObject({
          assigneeId: 'tech02',
          outletCode: 'OUT-BJ-XD',
          ruleId: 'R-TERRITORY-XICHENG',
        });
      });
    });

    it('WO-4: skill — terminal work goes to tech02, tech04 or tech06 by load, skipping deactivated staff', async () => {
      const terminal = workOrder({
        territory: 'Chaoyang',
        category: 'terminalSupport',
        requiredSkill: 'terminal',
      });
      const pick = async () => (await chooseAssignee({ workOrder: terminal }))?.assigneeId;
      expect(await chooseAssignee({ workOrder: terminal })).toMatchObject({
        assigneeId: 'tech02',
        ruleId: 'R-SKILL-TERMINAL',
      });
      await withLoad({ tech02: 1 }, async () => expect(await pick()).toBe('tech04'));
      await withLoad({ tech02: 1, tech04: 1 }, async () => {
        expect(await chooseAssignee({ workOrder: terminal })).toMatchObject({
          assigneeId: 'tech06',
          outletCode: 'OUT-SH-PD',
        });
      });
      await withLoad({ tech02: 1, tech04: 1, tech06: 1 }, async () => expect(await pick()).toBe('tech02'));

      await h.db.update(staffProfiles).set({ active: false }).where(eq(staffProfiles.operatorId, 'tech02'));
      try {
        expect(await pick()).toBe('tech04');
      } finally {
        await h.db.update(staffProfiles).set({ active: true }).where(eq(staffProfiles.operatorId, 'tech02'));
      }
    });

    it('WO-4: round robin — Wangfujing work alternates tech03, tech04, tech03, also under 10 concurrent calls', async () => {
      const wangfujing = workOrder({ territory: 'Dongcheng', outletCode: 'OUT-BJ-WFJ' });
      const pick = async (exclude?: string[]) =>
        (await chooseAssignee({ workOrder: wangfujing, exclude }))?.assigneeId;
      expect([await pick(), await pick(), await pick()]).toEqual(['tech03', 'tech04', 'tech03']);

      const concurrent = await Promise.all(Array.from({ length: 10 }, () => pick()));
      expect(concurrent.filter((id) => id === 'tech03')).toHaveLength(5);
      expect(concurrent.filter((id) => id === 'tech04')).toHaveLength(5);

      // Excluded staff (e.g. the assignee whose response time was breached) lose their turn.
      expect([await pick(['tech03']), await pick(['tech03'])]).toEqual(['tech04', 'tech04']);
      expect(await chooseAssignee({ workOrder: wangfujing })).toMatchObject({
        outletCode: 'OUT-BJ-WFJ',
        ruleId: 'R-RR-WANGFUJING',
        ruleName: '王府井网点轮流派工 Wangfujing round robin',
      });
    });

    it('WO-4: round robin — a retried attempt of one dispatch gets the same turn, so the rotation skips nobody', async () => {
      const wangfujing = workOrder({ territory: 'Dongcheng', outletCode: 'OUT-BJ-WFJ' });
      const attempt = async (activityId: string) =>
        (
          await activityCall(activityId).run<
            [{ workOrder: WorkOrderState }],
            Awaited<ReturnType<typeof dispatch.chooseAssignee>>,
            typeof dispatch.chooseAssignee
          >((i) => dispatch.chooseAssignee(i), { workOrder: wangfujing })
        )?.assigneeId;
      const first = await attempt('retried-dispatch');
      // The same activity retried (its first attempt's answer lost): the same turn, the same assignee.
      expect(await attempt('retried-dispatch')).toBe(first);
      expect(await attempt('retried-dispatch')).toBe(first);
      // The next dispatch takes the next turn: the other technician.
      const next = await attempt('next-dispatch');
      expect(next).not.toBe(first);
      expect([first, next].sort()).toEqual(['tech03', 'tech04']);
    });

    it('WO-4: least load — within the work order outlet only; no outlet, no automatic dispatch', async () => {
      const xidanOutlet = workOrder({ territory: 'Fengtai', outletCode: 'OUT-BJ-XD' });
      await withLoad({ tech01: 1 }, async () => {
        expect(await chooseAssignee({ workOrder: xidanOutlet })).toEqual({
          assigneeId: 'tech02',
          outletCode: 'OUT-BJ-XD',
          ruleId: 'R-LEAST-LOAD',
          ruleName: '网点内按负载最少派工 Least load within the outlet',
        });
      });
      expect(await chooseAssignee({ workOrder: xidanOutlet, exclude: ['tech01', 'tech02'] })).toBeNull();
      expect(await chooseAssignee({ workOrder: workOrder({ territory: 'Fengtai' }) })).toBeNull();
    });

    it('WO-4: disabling the first matching rule makes the next one apply', async () => {
      const xichengTerminal = workOrder({ territory: 'Xicheng', requiredSkill: 'terminal' });
      await withLoad({ tech02: 1 }, async () => {
        expect(await chooseAssignee({ workOrder: xichengTerminal })).toMatchObject({
          assigneeId: 'tech01',
          ruleId: 'R-TERRITORY-XICHENG',
        });
        expect((await call('POST', '/api/v1/dispatch-rules/R-TERRITORY-XICHENG/disable')).statusCode).toBe(
          200,
        );
        try {
          expect(await chooseAssignee({ workOrder: xichengTerminal })).toMatchObject({
            assigneeId: 'tech04',
            ruleId: 'R-SKILL-TERMINAL',
          });
        } finally {
          await call('POST', '/api/v1/dispatch-rules/R-TERRITORY-XICHENG/enable');
        }
        expect((await chooseAssignee({ workOrder: xichengTerminal }))?.ruleId).toBe('R-TERRITORY-XICHENG');
      });
    });

    it('WO-4: re-ordering the rules changes which one applies', async () => {
      const xichengTerminal = workOrder({ territory: 'Xicheng', requiredSkill: 'terminal' });
      const before = await listIds();
      const skillFirst = ['R-SKILL-TERMINAL', ...before.filter((id) => id !== 'R-SKILL-TERMINAL')];
      expect((await reorder(skillFirst)).statusCode).toBe(200);
      try {
        expect(await chooseAssignee({ workOrder: xichengTerminal })).toMatchObject({
          assigneeId: 'tech02',
          ruleId: 'R-SKILL-TERMINAL',
        });
      } finally {
        await reorder(before);
      }
      expect((await chooseAssignee({ workOrder: xichengTerminal }))?.ruleId).toBe('R-TERRITORY-XICHENG');
    });
  });

  describe('WO-4: end to end — the work-order workflow dispatches by rule after acceptance', () => {
    it('WO-1, WO-2, WO-4: a Xicheng work order created at the store and accepted is dispatched to Xidan staff, the rule named in its timeline', async () => {
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/v1/work-orders',
        headers: {
          authorization: `Bearer ${storeToken}`,
          'idempotency-key': `dispatch-e2e-${randomBytes(6).toString('hex')}`,
        },
        payload: {
          category: 'broadbandRepair',
          title: '宽带报修 Broadband repair',
          description: '光猫红灯 Red light on the modem',
          customer: { name: '王先生 Mr Wang', msisdn: '13900100005' },
          territory: 'Xicheng',
        },
      });
      expect(created.statusCode).toBe(202);
      const { id } = created.json<{ id: string }>();
      const accepted = await h.app.inject({
        method: 'POST',
        url: `/api/v1/work-orders/${encodeURIComponent(id)}/steps`,
        headers: { authorization: `Bearer ${dispatcherToken}` },
        payload: { action: 'accept' },
      });
      expect(accepted.statusCode).toBe(200);

      const dispatched = await vi.waitFor(
        async () => {
          const res = await h.app.inject({
            url: `/api/v1/work-orders/${encodeURIComponent(id)}`,
            headers: { authorization: `Bearer ${dispatcherToken}` },
          });
          const view = res.json<WorkOrderView>();
          if (view.status !== 'dispatched') throw new Error(`work order is ${view.status}`);
          return view;
        },
        { timeout: 20_000, interval: 100 },
      );
      expect(['tech01', 'tech02']).toContain(dispatched.assigneeId);
      expect(dispatched.outletCode).toBe('OUT-BJ-XD');
      expect(dispatched.timeline.find((e) => e.action === 'dispatch')).toMatchObject({
        actor: 'system',
        toStatus: 'dispatched',
        details: { ruleId: 'R-TERRITORY-XICHENG', ruleName: '西城区工单派西单网点 Xicheng → Xidan' },
      });
    });
  });
});
