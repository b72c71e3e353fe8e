import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispatchPreview } from '../../services/work-orders/dispatch-preview';
import type { Harness } from '../support/harness';
import { startHarness } from '../support/harness';
import { eq } from 'drizzle-orm';
import { dispatchRules, staffProfiles } from '../../db/schema';
import { newWorkOrder, step, takeStep, waitForWorkOrder, workOrderBody } from '../support/work-orders';
import { replayOnTodaysCode } from '../support/replay';

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
}

interface OutletItem {
  code: string;
  name: string;
  city: string;
  territory: string;
  active: boolean;
  staffCount: number;
}

interface ListItem {
  id: string;
  title: string;
  status: string;
  priority: string;
  vip: boolean;
  outletCode: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  responseDueAt: string | null;
  late: boolean;
}

interface StaffItem {
  operatorId: string;
  name: string;
  skills: string[];
  active: boolean;
  openLoad: number;
}

/**
 * The server side of the console's work-order desks (REQ: UI-1 with WO-2…WO-4, WO-6): the dispatch preview,
 * outlets and their staff, as a dispatcher, a clerk and service staff see them through the API.
 */
describe('work-order desks: dispatch preview, outlets and staff', () => {
  let h: Harness;
  let dispatcher: string;
  let store: string;
  let tech01: string;

  beforeAll(async () => {
    h = await startHarness();
    [dispatcher, store, tech01] = await Promise.all([
      h.login('dispatch01'),
      h.login('store01'),
      h.login('tech01'),
    ]);
  });
  afterAll(async () => h?.close());

  const get = (url: string, token = dispatcher) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const previewOf = (id: string, query = '') =>
    get(`/api/v1/work-orders/${encodeURIComponent(id)}/dispatch-preview${query}`);

  /** A work order with no outlet, territory or skill: no rule dispatches it; it stays `created`. */
  const plainWorkOrder = (title: string) =>
    newWorkOrder(h.app, store, workOrderBody({ title, territory: undefined }));

  describe('UI-1 WO-4: the dispatch preview (派工预演)', () => {
    it('UI-1 WO-4: as if at OUT-BJ-XD, R-LEAST-LOAD picks tech01 of Xidan; every enabled rule is explained in order', async () => {
      const id = await plainWorkOrder('预演 Preview Xidan');
      const res = await previewOf(id, '?outletCode=OUT-BJ-XD');
      expect(res.statusCode, res.body).toBe(200);
      const preview = res.json<DispatchPreview>();
      expect(preview.workOrderId).toBe(id);
      expect(preview.asIf).toEqual({ outletCode: 'OUT-BJ-XD' });
      expect(preview.rules.map((r) => [r.id, r.position, r.matches])).toEqual([
        ['R-TERRITORY-XICHENG', 10, false],
        ['R-SKILL-TERMINAL', 20, false],
        ['R-RR-WANGFUJING', 30, false],
        ['R-LEAST-LOAD', 40, true],
      ]);
      expect(preview.rules[2]?.note.en).toBe(
        'does not match: the rule needs outlet OUT-BJ-WFJ; the work order has OUT-BJ-XD',
      );
      expect(preview.rules[2]?.note.zh).toContain('网点');
      const least = preview.rules[3];
      expect(least).toMatchObject({
        kind: 'leastLoad',
        kindLabel: { zh: '按负载最少派工', en: 'Least load' },
        pick: { operatorId: 'tech01', name: '周强 Zhou Qiang', outletCode: 'OUT-BJ-XD' },
      });
      expect(least?.candidates.map((c) => [c.operatorId, c.openLoad, c.active])).toEqual([
        ['tech01', 0, true],
        ['tech02', 0, true],
      ]);
      expect(least?.candidates[0]?.skills).toEqual(['broadband', 'fiber']);
      expect(preview.decision).toEqual({
        ruleId: 'R-LEAST-LOAD',
        ruleName: '网点内按负载最少派工 Least load within the outlet',
        assigneeId: 'tech01',
        assigneeName: '周强 Zhou Qiang',
        outletCode: 'OUT-BJ-XD',
      });
      expect(preview.message.en).toContain('tech01');
      expect(preview.message.zh).toContain('周强');
      // Nothing changed: the work order is still waiting to be accepted, nobody assigned.
      const after = await waitForWorkOrder(h.app, dispatcher, id, () => true);
      expect(after).toMatchObject({ status: 'created', assigneeId: null, outletCode: null });
    });

    it('UI-1 WO-4: without an outlet no rule picks anyone, and the preview says why', async () => {
      const id = await plainWorkOrder('预演 Preview nowhere');
      const preview = (await previewOf(id)).json<DispatchPreview>();
      expect(preview.asIf).toEqual({ outletCode: null });
      expect(preview.decision).toBeNull();
      expect(preview.rules[3]).toMatchObject({
        id: 'R-LEAST-LOAD',
        matches: true,
        pick: null,
        candidates: [],
      });
      expect(preview.rules[3]?.note.en).toContain('draws from no one');
      expect(preview.message.en).toContain('waits for a dispatcher or a grab');
      expect(preview.message.zh).toContain('抢单');
    });

    it('UI-1 WO-4: round robin names the next in turn without taking it', async () => {
      const id = await plainWorkOrder('预演 Preview Wangfujing');
      for (let i = 0; i < 2; i++) {
        const preview = (await previewOf(id, '?outletCode=OUT-BJ-WFJ')).json<DispatchPreview>();
        expect(preview.decision).toMatchObject({ ruleId: 'R-RR-WANGFUJING', assigneeId: 'tech03' });
        expect(preview.rules[2]?.candidates.map((c) => c.operatorId)).toEqual(['tech03', 'tech04']);
        expect(preview.rules[2]?.note.en).toContain('next in turn');
      }
    });

    it('UI-1 WO-4: for a dispatched work order the current assignee is left out, as a re-dispatch by rule does', async () => {
      const id = await newWorkOrder(h.app, store, workOrderBody({ title: 'Xicheng', territory: 'Xicheng' }));
      await step(h.app, dispatcher, id, { action: 'accept' });
      const dispatched = await waitForWorkOrder(h.app, dispatcher, id, (w) => w.status === 'dispatched');
      expect(dispatched.assigneeId).toBe('tech01');
      const preview = (await previewOf(id)).json<DispatchPreview>();
      expect(preview.rules[0]).toMatchObject({ id: 'R-TERRITORY-XICHENG', matches: true });
      expect(preview.rules[0]?.candidates.find((c) => c.operatorId === 'tech01')).toMatchObject({
        excluded: true,
        openLoad: 1,
      });
      expect(preview.decision).toMatchObject({ ruleId: 'R-TERRITORY-XICHENG', assigneeId: 'tech02' });
    });

    it('UI-1 WO-4: an unknown outlet, an unknown work order and a clerk are refused', async () => {
      const id = await plainWorkOrder('预演 Preview refused');
      const badOutlet = await previewOf(id, '?outletCode=OUT-NOPE');
      expect(badOutlet.statusCode).toBe(422);
      expect(badOutlet.json<ErrorBody>()).toMatchObject({
        code: 'OutletNotFound',
        message: 'querystring.outletCode: OUT-NOPE is not an active outlet (网点)',
      });
      const missing = await previewOf('WorkOrder:STORE-BJ-001:no-such-order');
      expect(missing.statusCode).toBe(404);
      expect(missing.json<ErrorBody>().code).toBe('WorkOrderNotFound');
      const clerk = await get(`/api/v1/work-orders/${encodeURIComponent(id)}/dispatch-preview`, store);
      expect(clerk.statusCode).toBe(403);
      expect(clerk.json<ErrorBody>().code).toBe('RoleNotAllowed');
    });
  });

  describe('UI-1 WO-3 WO-4: outlets (网点) and their service staff', () => {
    it('UI-1 WO-3: the outlets by code with their staff count; active filter and paging with X-Total-Count', async () => {
      const all = await get('/api/v1/outlets', store);
      expect(all.statusCode, all.body).toBe(200);
      expect(all.headers['x-total-count']).toBe('4');
      const items = all.json<{ items: OutletItem[] }>().items;
      expect(items.map((o) => [o.code, o.staffCount])).toEqual([
        ['OUT-BJ-HD', 1],
        ['OUT-BJ-WFJ', 2],
        ['OUT-BJ-XD', 2],
        ['OUT-SH-PD', 1],
      ]);
      expect(items[2]).toEqual({
        code: 'OUT-BJ-XD',
        name: '西单网点 Xidan',
        city: 'Beijing',
        territory: 'Xicheng',
        active: true,
        staffCount: 2,
      });
      const page = await get('/api/v1/outlets?active=true&offset=1&limit=2', tech01);
      expect(page.headers['x-total-count']).toBe('4');
      expect(page.json<{ items: OutletItem[] }>().items.map((o) => o.code)).toEqual([
        'OUT-BJ-WFJ',
        'OUT-BJ-XD',
      ]);
      const inactive = await get('/api/v1/outlets?active=false');
      expect(inactive.headers['x-total-count']).toBe('0');
      expect(inactive.json<{ items: OutletItem[] }>().items).toEqual([]);
    });

    it("UI-1 WO-4: an outlet's staff with skills and open load, for a dispatcher choosing a technician", async () => {
      const id = await newWorkOrder(h.app, store, workOrderBody({ title: 'load', territory: undefined }));
      await step(h.app, dispatcher, id, { action: 'accept' });
      await step(h.app, dispatcher, id, { action: 'dispatch', assigneeId: 'tech04' });
      const res = await get('/api/v1/outlets/OUT-BJ-WFJ/staff');
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{ outlet: object; items: StaffItem[] }>();
      expect(body.outlet).toEqual({ code: 'OUT-BJ-WFJ', name: '王府井网点 Wangfujing', city: 'Beijing' });
      expect(body.items.map((s) => [s.operatorId, s.name, s.active, s.openLoad])).toEqual([
        ['tech03', '郑洁 Zheng Jie', true, 0],
        ['tech04', '冯涛 Feng Tao', true, 1],
      ]);
      expect(body.items[1]?.skills).toContain('terminal');

      const unknown = await get('/api/v1/outlets/OUT-NOPE/staff');
      expect(unknown.json<ErrorBody>()).toMatchObject({
        code: 'OutletNotFound',
        message: 'params.code: no outlet (网点) OUT-NOPE',
      });
      const clerk = await get('/api/v1/outlets/OUT-BJ-WFJ/staff', store);
      expect(clerk.statusCode).toBe(403);
    });
  });

  describe("WO-4: dispatch by rule on a dispatcher's request (按规则派工)", () => {
    it('WO-4: the workflow lets the rules choose and dispatches as the dispatcher; the rule is in the timeline; a second one is refused', async () => {
      const id = await plainWorkOrder('按规则派工 By rule');
      await step(h.app, dispatcher, id, { action: 'accept' });
      // With rules off, assigning the outlet leaves it waiting; then the rules are back for the step.
      await h.db.update(dispatchRules).set({ enabled: false });
      try {
        const waiting = await step(h.app, dispatcher, id, {
          action: 'assignOutlet',
          outletCode: 'OUT-BJ-HD',
        });
        expect(waiting).toMatchObject({ status: 'outletAssigned', assigneeId: null });
        const nothing = await takeStep(h.app, dispatcher, id, { action: 'dispatchByRule' });
        expect(nothing.statusCode).toBe(409);
        const refused = nothing.json<ErrorBody & { details: { rules: unknown[] } }>();
        expect(refused).toMatchObject({ code: 'NoDispatchRuleMatched' });
        expect(refused.reason).toContain('派工规则');
        expect(refused.message).toContain('outlet OUT-BJ-HD');
        expect(refused.details.rules).toEqual([]);
      } finally {
        await h.db.update(dispatchRules).set({ enabled: true });
      }
      expect((await waitForWorkOrder(h.app, dispatcher, id, () => true)).status).toBe('outletAssigned');

      const clerk = await takeStep(h.app, store, id, { action: 'dispatchByRule' });
      expect(clerk.statusCode).toBe(403);
      expect(clerk.json<ErrorBody>().code).toBe('RoleNotAllowed');
      const staff = await takeStep(h.app, tech01, id, { action: 'dispatchByRule' });
      expect(staff.json<ErrorBody>().code).toBe('RoleNotAllowed');

      const dispatched = await step(h.app, dispatcher, id, { action: 'dispatchByRule' });
      expect(dispatched).toMatchObject({
        status: 'dispatched',
        assigneeId: 'tech05',
        outletCode: 'OUT-BJ-HD',
      });
      const event = dispatched.timeline.at(-1);
      expect(event).toMatchObject({
        actor: 'dispatch01',
        action: 'dispatch',
        toStatus: 'dispatched',
        details: {
          assigneeId: 'tech05',
          ruleId: 'R-LEAST-LOAD',
          ruleName: '网点内按负载最少派工 Least load within the outlet',
        },
      });
      const again = await takeStep(h.app, dispatcher, id, { action: 'dispatchByRule' });
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorBody>()).toMatchObject({ code: 'IllegalWorkOrderStep' });
      expect(again.json<ErrorBody>().message).toContain('dispatched');

      // Determinism guard: the history with the refused and the applied request replays against today's code.
      const history = await h.client.workflow.getHandle(id).fetchHistory();
      await expect(replayOnTodaysCode(history, id)).resolves.toBeUndefined();
    });

    it('WO-4: no rule picks anyone for a work order without an outlet: 409 NoDispatchRuleMatched, each rule with why, nothing changed', async () => {
      const id = await plainWorkOrder('按规则派工 Nowhere');
      await step(h.app, dispatcher, id, { action: 'accept' });
      const res = await takeStep(h.app, dispatcher, id, { action: 'dispatchByRule' });
      expect(res.statusCode).toBe(409);
      const body = res.json<
        ErrorBody & {
          details: { message: { zh: string; en: string }; rules: { id: string; note: object }[] };
        }
      >();
      expect(body.code).toBe('NoDispatchRuleMatched');
      expect(body.message).toContain('R-LEAST-LOAD: draws from no one');
      expect(body.details.rules.map((r) => r.id)).toEqual([
        'R-TERRITORY-XICHENG',
        'R-SKILL-TERMINAL',
        'R-RR-WANGFUJING',
        'R-LEAST-LOAD',
      ]);
      expect(body.details.message.zh).toContain('抢单');
      const after = await waitForWorkOrder(h.app, dispatcher, id, () => true);
      expect(after).toMatchObject({ status: 'accepted', assigneeId: null });
      expect(after.timeline.map((e) => e.action)).not.toContain('dispatch');
    });

    it('WO-4: round robin by request takes the turn the preview named, as automatic dispatch does; the preview then names the next', async () => {
      const waitingAt = async (title: string, outletCode: string) => {
        const id = await plainWorkOrder(title);
        await step(h.app, dispatcher, id, { action: 'accept' });
        await h.db.update(dispatchRules).set({ enabled: false });
        try {
          await step(h.app, dispatcher, id, { action: 'assignOutlet', outletCode });
          // The outlet's automatic dispatch chance runs after the step answers: the rules stay off until it
          // has looked (and found none), or it could dispatch by the re-enabled rules.
          await waitForWorkOrder(h.app, dispatcher, id, (w) => {
            const actions = w.timeline.map((e) => e.action);
            return actions.lastIndexOf('noDispatchRule') > actions.lastIndexOf('assignOutlet');
          });
        } finally {
          await h.db.update(dispatchRules).set({ enabled: true });
        }
        return id;
      };
      const id = await waitingAt('按规则派工 Wangfujing', 'OUT-BJ-WFJ');
      const before = (await previewOf(id)).json<DispatchPreview>();
      expect(before.decision?.ruleId).toBe('R-RR-WANGFUJING');
      const next = before.decision?.assigneeId;
      const dispatched = await step(h.app, dispatcher, id, { action: 'dispatchByRule' });
      expect(dispatched.assigneeId).toBe(next);
      expect(dispatched.timeline.at(-1)?.details).toMatchObject({ ruleId: 'R-RR-WANGFUJING' });

      const other = await plainWorkOrder('按规则派工 Wangfujing 2');
      const after = (await previewOf(other, '?outletCode=OUT-BJ-WFJ')).json<DispatchPreview>();
      expect(after.decision?.ruleId).toBe('R-RR-WANGFUJING');
      expect(after.decision?.assigneeId).not.toBe(next);
    });
  });

  describe('WO-4: the grab pool (抢单池)', () => {
    it('WO-4 UI-1: service staff see the work orders they may grab now — their outlet or none, nobody assigned — P1 first', async () => {
      await h.db.update(dispatchRules).set({ enabled: false });
      const ids: Record<string, string> = {};
      try {
        const make = async (name: string, body: Record<string, unknown>, outlet?: string) => {
          const id = await newWorkOrder(
            h.app,
            store,
            workOrderBody({ title: `Pool ${name}`, territory: undefined, ...body }),
          );
          await step(h.app, dispatcher, id, { action: 'accept' });
          if (outlet) await step(h.app, dispatcher, id, { action: 'assignOutlet', outletCode: outlet });
          ids[name] = id;
        };
        await make('p3-none', { priority: 'P3' });
        await make('p2-xd', { priority: 'P2' }, 'OUT-BJ-XD');
        await make('p3-hd', { priority: 'P3' }, 'OUT-BJ-HD');
        await make('p1-none', { priority: 'P1' });
        await make('taken', { priority: 'P1' }, 'OUT-BJ-XD');
        await step(h.app, dispatcher, ids.taken ?? '', { action: 'dispatch', assigneeId: 'tech02' });
        await newWorkOrder(h.app, store, workOrderBody({ title: 'Pool not accepted', territory: undefined }));
      } finally {
        await h.db.update(dispatchRules).set({ enabled: true });
      }
      const res = await get('/api/v1/work-orders/grab-pool', tech01);
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json<{ items: ListItem[] }>().items.filter((i) => i.title.startsWith('Pool '));
      expect(items.map((i) => i.title)).toEqual(['Pool p1-none', 'Pool p2-xd', 'Pool p3-none']);
      expect(
        items.every((i) => i.assigneeId === null && ['accepted', 'outletAssigned'].includes(i.status)),
      ).toBe(true);
      const total = Number(res.headers['x-total-count']);
      expect(total).toBeGreaterThanOrEqual(3);
      const page = await get('/api/v1/work-orders/grab-pool?offset=0&limit=1', tech01);
      expect(page.json<{ items: ListItem[] }>().items).toHaveLength(1);
      expect(page.headers['x-total-count']).toBe(String(total));

      // Haidian's staff see Haidian's and the outlet-less ones, not Xidan's.
      const haidian = await get('/api/v1/work-orders/grab-pool', await h.login('tech05'));
      const seen = haidian.json<{ items: ListItem[] }>().items.map((i) => i.title);
      expect(seen).toContain('Pool p3-hd');
      expect(seen).not.toContain('Pool p2-xd');

      // What the pool lists, a grab takes.
      const grabbed = await step(h.app, tech01, ids['p2-xd'] ?? '', { action: 'grab' });
      expect(grabbed.assigneeId).toBe('tech01');
      const afterGrab = (await get('/api/v1/work-orders/grab-pool', tech01)).json<{ items: ListItem[] }>();
      expect(afterGrab.items.map((i) => i.title)).not.toContain('Pool p2-xd');

      const notStaff = await get('/api/v1/work-orders/grab-pool', dispatcher);
      expect(notStaff.statusCode).toBe(403);
      expect(notStaff.json<ErrorBody>()).toMatchObject({
        code: 'StaffProfileRequired',
        reason: '只有在岗的服务人员（有有效的服务人员资料）可以查看抢单池',
      });
      expect(notStaff.json<ErrorBody>().message).toContain('serviceStaff');
      const tech06 = await h.login('tech06');
      await h.db.update(staffProfiles).set({ active: false }).where(eq(staffProfiles.operatorId, 'tech06'));
      try {
        const inactive = await get('/api/v1/work-orders/grab-pool', tech06);
        expect(inactive.statusCode).toBe(403);
        expect(inactive.json<ErrorBody>()).toMatchObject({
          code: 'StaffProfileRequired',
          message: 'grab pool: tech06 has no active service staff profile (outlet) to grab for',
        });
      } finally {
        await h.db.update(staffProfiles).set({ active: true }).where(eq(staffProfiles.operatorId, 'tech06'));
      }
    });
  });

  describe('WO-6 UI-1: the board by SLA', () => {
    it('WO-6 UI-1: sort=sla lists the nearest unmet due time first, and each item names its assignee', async () => {
      const p4 = await plainWorkOrder('SLA P4');
      const p1 = await newWorkOrder(
        h.app,
        store,
        workOrderBody({ title: 'SLA P1', territory: undefined, priority: 'P1' }),
      );
      await waitForWorkOrder(h.app, dispatcher, p1, (w) => w.timeline.length > 0);
      await waitForWorkOrder(h.app, dispatcher, p4, (w) => w.timeline.length > 0);
      const res = await get('/api/v1/work-orders?sort=sla&status=created&limit=200');
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json<{ items: ListItem[] }>().items;
      const due = items.map((i) => i.responseDueAt).filter((d): d is string => d !== null);
      expect(due).toEqual([...due].sort());
      const titles = items.map((i) => i.title);
      expect(titles.indexOf('SLA P1')).toBeLessThan(titles.indexOf('SLA P4'));

      const held = await get('/api/v1/work-orders?assigneeId=tech01');
      const heldItems = held.json<{ items: ListItem[] }>().items;
      expect(heldItems.length).toBeGreaterThan(0);
      expect(heldItems.every((i) => i.assigneeName === '周强 Zhou Qiang')).toBe(true);
      const waiting = (await get('/api/v1/work-orders?status=created')).json<{ items: ListItem[] }>().items;
      expect(waiting.every((i) => i.assigneeName === null)).toBe(true);
    });
  });
});
