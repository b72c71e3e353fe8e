import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrderView } from '../../services/work-orders/work-order-view';
import { dispatchRules, workOrderEvents, workOrders } from '../../db/schema';
import { workOrderStateQuery } from '../../workflows/contracts/work-order';
import type { Harness } from '../support/harness';
import { startHarness } from '../support/harness';
import { newKey } from '../support/orders';
import {
  createWorkOrder,
  getWorkOrder,
  newWorkOrder,
  step,
  takeStep,
  waitForWorkOrder,
  workOrderBody,
} from '../support/work-orders';

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

/** The people's steps on the timeline (system notes left out), as `action by actor`. */
const stepsOf = (w: WorkOrderView) =>
  w.timeline.filter((e) => e.actor !== 'system').map((e) => `${e.action} by ${e.actor}`);

const errorOf = (res: { statusCode: number; json: <T>() => T }) => ({
  status: res.statusCode,
  ...res.json<{ code: string; message: string }>(),
});

describe('work orders (工单) through the API', () => {
  let h: Harness;
  /** store01 (frontline) creates; dispatch01 (dispatcher) accepts, assigns, dispatches and closes. */
  let store: string;
  let dispatcher: string;
  /** tech01…tech06 (service staff), signed in at STORE-BJ-001. */
  const tech: Record<string, string> = {};

  beforeAll(async () => {
    h = await startHarness();
    // Manual dispatch and grabbing are what this file tests: no rule may dispatch first (one test turns a
    // rule on for itself).
    await h.db.update(dispatchRules).set({ enabled: false });
    [store, dispatcher] = await Promise.all([h.login('store01'), h.login('dispatch01')]);
    for (const n of [1, 2, 3, 4, 5, 6]) tech[`tech0${n}`] = await h.login(`tech0${n}`);
  });
  afterAll(async () => h?.close());

  const t = (id: string): string => tech[id] ?? '';

  it('WO-1…WO-5: the five steps — create, accept, assign outlet, dispatch, book and change the appointment, then start, complete, close', async () => {
    const { app } = h;
    const key = newKey('five');
    const created = await createWorkOrder(app, store, workOrderBody(), key);
    expect(created.statusCode).toBe(202);
    const { id, status, replayed } = created.json<{ id: string; status: string; replayed: boolean }>();
    expect({ id, status, replayed }).toEqual({
      id: `WorkOrder:STORE-BJ-001:${key}`,
      status: 'created',
      replayed: false,
    });
    // WO-1: the same submission again is the same work order.
    const again = await createWorkOrder(app, store, workOrderBody(), key);
    expect(again.json()).toMatchObject({ id, replayed: true });

    const fresh = await waitForWorkOrder(app, store, id, (w) => w.timeline.length >= 1);
    expect(fresh).toMatchObject({
      status: 'created',
      statusLabel: { zh: '新建', en: 'Created' },
      city: 'Beijing',
      createdBy: 'store01',
      channelCode: 'STORE-BJ-001',
      assigneeId: null,
    });
    expect(fresh.sla.responseDueAt).not.toBeNull();

    // WO-2 受理
    expect((await step(app, dispatcher, id, { action: 'accept' })).status).toBe('accepted');
    expect(errorOf(await takeStep(app, dispatcher, id, { action: 'accept' }))).toMatchObject({
      status: 409,
      code: 'IllegalWorkOrderStep',
      message: expect.stringContaining('is accepted') as string,
    });
    // WO-4: no rule matched (rules are off here), so the work order waits for a dispatcher or a grab.
    const waiting = await waitForWorkOrder(app, dispatcher, id, (w) =>
      w.timeline.some((e) => e.action === 'noDispatchRule'),
    );
    expect(waiting.timeline.find((e) => e.action === 'noDispatchRule')).toMatchObject({
      actor: 'system',
      toStatus: 'accepted',
      details: { message: expect.stringContaining('no dispatch rule matched') as string },
    });

    // WO-3 分配网点, WO-4 手动派工
    const assigned = await step(app, dispatcher, id, { action: 'assignOutlet', outletCode: 'OUT-BJ-XD' });
    expect(assigned).toMatchObject({ status: 'outletAssigned', outletCode: 'OUT-BJ-XD' });
    const dispatched = await step(app, dispatcher, id, { action: 'dispatch', assigneeId: 'tech01' });
    expect(dispatched).toMatchObject({ status: 'dispatched', assigneeId: 'tech01', outletCode: 'OUT-BJ-XD' });
    expect(dispatched.sla.respondedAt).not.toBeNull();

    // Illegal steps: completing before starting; someone else booking the appointment.
    expect(
      errorOf(await takeStep(app, t('tech01'), id, { action: 'complete', summary: 'done' })),
    ).toMatchObject({
      status: 409,
      code: 'IllegalWorkOrderStep',
      reason: '工单当前状态不允许该操作',
      message: expect.stringContaining('is dispatched') as string,
    });
    const firstTime = inDays(1);
    expect(
      errorOf(await takeStep(app, t('tech02'), id, { action: 'bookAppointment', at: firstTime })),
    ).toMatchObject({ status: 403, code: 'NotAssignee' });

    // WO-5 客户预约: booked, then changed with a reason.
    const booked = await step(app, t('tech01'), id, {
      action: 'bookAppointment',
      at: firstTime,
      note: '上门前电话联系 call first',
    });
    expect(booked.appointment).toEqual({
      at: firstTime,
      note: '上门前电话联系 call first',
      bookedBy: 'tech01',
    });
    const secondTime = inDays(2);
    const changed = await step(app, t('tech01'), id, {
      action: 'changeAppointment',
      at: secondTime,
      reason: '客户出差 customer away',
    });
    expect(changed.appointment?.at).toBe(secondTime);
    const appointments = await app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${encodeURIComponent(id)}/appointments`,
      headers: { authorization: `Bearer ${dispatcher}` },
    });
    expect(appointments.statusCode).toBe(200);
    expect(appointments.json()).toMatchObject({
      appointment: { at: secondTime, bookedBy: 'tech01' },
      history: [
        {
          action: 'bookAppointment',
          by: 'tech01',
          from: null,
          to: firstTime,
          note: '上门前电话联系 call first',
        },
        {
          action: 'changeAppointment',
          by: 'tech01',
          from: firstTime,
          to: secondTime,
          reason: '客户出差 customer away',
        },
      ],
    });

    expect((await step(app, t('tech01'), id, { action: 'start' })).status).toBe('inService');
    const completed = await step(app, t('tech01'), id, {
      action: 'complete',
      summary: '更换光猫 modem replaced',
    });
    expect(completed).toMatchObject({
      status: 'completed',
      result: { summary: '更换光猫 modem replaced', resolved: true },
    });
    expect(completed.sla.resolvedAt).not.toBeNull();
    const closed = await step(app, dispatcher, id, { action: 'close' });
    expect(closed).toMatchObject({ status: 'closed', statusLabel: { zh: '已关闭', en: 'Closed' } });

    // The timeline lists every step with who took it.
    const final = await getWorkOrder(app, store, id);
    expect(stepsOf(final)).toEqual([
      'create by store01',
      'accept by dispatch01',
      'assignOutlet by dispatch01',
      'dispatch by dispatch01',
      'bookAppointment by tech01',
      'changeAppointment by tech01',
      'start by tech01',
      'complete by tech01',
      'close by dispatch01',
    ]);
    expect(final.timeline.map((e) => e.seq)).toEqual(final.timeline.map((_, i) => i));
    expect(final.timeline.find((e) => e.action === 'close')).toMatchObject({
      fromStatus: 'completed',
      toStatus: 'closed',
    });
    const [row] = await h.db.select().from(workOrders).where(eq(workOrders.id, id));
    expect(row).toMatchObject({ status: 'closed', assigneeId: 'tech01' });
    expect(row?.closedAt).not.toBeNull();

    // A closed work order takes no more steps.
    expect(
      errorOf(await takeStep(app, dispatcher, id, { action: 'cancel', reason: 'too late' })),
    ).toMatchObject({
      status: 409,
      code: 'IllegalWorkOrderStep',
      message: expect.stringContaining('closed') as string,
    });
  });

  it('WO-1, WO-2: a step sent the moment the work order is created is kept', async () => {
    const { app } = h;
    const id = await newWorkOrder(app, store);
    expect((await step(app, dispatcher, id, { action: 'accept' })).status).toBe('accepted');
    // The workflow went on from `accepted` (it looked for a dispatch rule) instead of forgetting the step.
    const w = await waitForWorkOrder(app, store, id, (v) =>
      v.timeline.some((e) => e.action === 'noDispatchRule'),
    );
    expect(w.status).toBe('accepted');
    expect((await h.client.workflow.getHandle(id).query(workOrderStateQuery)).status).toBe('accepted');
  });

  it('WO-2: a frontline operator cannot accept; a rejection needs a reason and ends the work order', async () => {
    const { app } = h;
    const id = await newWorkOrder(app, store);
    // Readable at once (from the workflow while the read model is not written yet).
    expect(await getWorkOrder(app, store, id)).toMatchObject({ id, status: 'created' });
    expect(errorOf(await takeStep(app, store, id, { action: 'accept' }))).toMatchObject({
      status: 403,
      code: 'RoleNotAllowed',
      message: expect.stringContaining('dispatcher, dutyManager, admin') as string,
    });
    expect(errorOf(await takeStep(app, dispatcher, id, { action: 'reject' }))).toMatchObject({
      status: 400,
      code: 'ValidationFailed',
      message: expect.stringContaining('body.reason') as string,
    });
    const rejected = await step(app, dispatcher, id, {
      action: 'reject',
      reason: '重复工单 duplicate of another',
    });
    expect(rejected.status).toBe('rejected');
    expect(rejected.timeline.at(-1)).toMatchObject({
      action: 'reject',
      actor: 'dispatch01',
      fromStatus: 'created',
      toStatus: 'rejected',
      details: { reason: '重复工单 duplicate of another' },
    });
    expect((await takeStep(app, dispatcher, id, { action: 'accept' })).statusCode).toBe(409);
  });

  it('WO-1, WO-2: the creator (or a dispatcher) cancels with a reason; another frontline operator may not', async () => {
    const { app } = h;
    const id = await newWorkOrder(app, store);
    await step(app, dispatcher, id, { action: 'accept' });
    const hotline = await h.login('hotline01', 'CC-10086-BJ');
    expect(errorOf(await takeStep(app, hotline, id, { action: 'cancel', reason: 'x' }))).toMatchObject({
      status: 403,
      code: 'RoleNotAllowed',
      message: expect.stringContaining('creator (store01)') as string,
    });
    expect((await takeStep(app, store, id, { action: 'cancel' })).statusCode).toBe(400);
    const cancelled = await step(app, store, id, {
      action: 'cancel',
      reason: '客户已自行解决 solved by the customer',
    });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusLabel: { zh: '已取消' } });
    expect(cancelled.timeline.at(-1)).toMatchObject({
      action: 'cancel',
      actor: 'store01',
      fromStatus: 'accepted',
      details: { reason: '客户已自行解决 solved by the customer' },
    });
  });

  it('WO-3, WO-4: re-dispatch needs a reason and staff of the outlet; re-assigning the outlet needs a reason and clears assignee and appointment', async () => {
    const { app } = h;
    const id = await newWorkOrder(app, store);
    await step(app, dispatcher, id, { action: 'accept' });
    expect(
      errorOf(await takeStep(app, dispatcher, id, { action: 'assignOutlet', outletCode: 'OUT-NOWHERE' })),
    ).toMatchObject({
      status: 422,
      code: 'OutletNotFound',
      message: expect.stringContaining('body.outletCode') as string,
    });
    await step(app, dispatcher, id, { action: 'assignOutlet', outletCode: 'OUT-BJ-XD' });
    expect(
      errorOf(await takeStep(app, dispatcher, id, { action: 'dispatch', assigneeId: 'nobody' })),
    ).toMatchObject({
      status: 422,
      code: 'StaffNotFound',
    });
    // tech03 works at Wangfujing, not at Xidan.
    expect(
      errorOf(await takeStep(app, dispatcher, id, { action: 'dispatch', assigneeId: 'tech03' })),
    ).toMatchObject({
      status: 422,
      code: 'StaffNotFound',
      message: expect.stringContaining('OUT-BJ-WFJ') as string,
    });
    await step(app, dispatcher, id, { action: 'dispatch', assigneeId: 'tech01' });
    const at = inDays(1);
    await step(app, t('tech01'), id, { action: 'bookAppointment', at });

    // 重新派工
    expect(
      (await takeStep(app, dispatcher, id, { action: 'redispatch', assigneeId: 'tech02' })).statusCode,
    ).toBe(400);
    const redispatched = await step(app, dispatcher, id, {
      action: 'redispatch',
      assigneeId: 'tech02',
      reason: 'tech01 休假 on leave',
    });
    expect(redispatched).toMatchObject({ status: 'dispatched', assigneeId: 'tech02', appointment: { at } });
    expect(redispatched.timeline.at(-1)).toMatchObject({
      action: 'redispatch',
      details: { previousAssignee: 'tech01', assigneeId: 'tech02', reason: 'tech01 休假 on leave' },
    });
    expect(
      errorOf(
        await takeStep(app, t('tech01'), id, { action: 'changeAppointment', at: inDays(2), reason: 'x' }),
      ),
    ).toMatchObject({ status: 403, code: 'NotAssignee' });

    // 重新分配网点
    expect(
      errorOf(await takeStep(app, dispatcher, id, { action: 'assignOutlet', outletCode: 'OUT-BJ-WFJ' })),
    ).toMatchObject({
      status: 400,
      code: 'ValidationFailed',
      message: expect.stringContaining('reason') as string,
    });
    const moved = await step(app, dispatcher, id, {
      action: 'assignOutlet',
      outletCode: 'OUT-BJ-WFJ',
      reason: '客户地址在东城 customer is in Dongcheng',
    });
    expect(moved).toMatchObject({
      status: 'outletAssigned',
      outletCode: 'OUT-BJ-WFJ',
      assigneeId: null,
      appointment: null,
    });
    const history = await app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${encodeURIComponent(id)}/appointments`,
      headers: { authorization: `Bearer ${dispatcher}` },
    });
    expect(history.json<{ history: unknown[] }>().history.at(-1)).toMatchObject({
      action: 'assignOutlet',
      from: at,
      to: null,
    });
    expect((await step(app, dispatcher, id, { action: 'dispatch', assigneeId: 'tech03' })).assigneeId).toBe(
      'tech03',
    );
  });

  it('WO-4: 50 concurrent grabbers → exactly one assignee', async () => {
    const { app } = h;
    const id = await newWorkOrder(app, store);
    await step(app, dispatcher, id, { action: 'accept' });
    const grabbers = ['tech01', 'tech02', 'tech03', 'tech04', 'tech05'];
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        takeStep(app, t(grabbers[i % grabbers.length] ?? ''), id, { action: 'grab' }),
      ),
    );
    const won = answers.filter((a) => a.statusCode === 200);
    expect(won).toHaveLength(1);
    const winner = won[0]?.json<WorkOrderView>().assigneeId ?? '';
    expect(grabbers).toContain(winner);
    const lost = answers.filter((a) => a.statusCode !== 200).map(errorOf);
    expect(lost).toHaveLength(49);
    for (const l of lost) {
      expect(l).toMatchObject({ status: 409, code: 'AlreadyGrabbed', reason: '工单已被他人抢单' });
      expect(l.message).toContain(`already taken by ${winner}`);
    }

    const [row] = await h.db.select().from(workOrders).where(eq(workOrders.id, id));
    expect(row).toMatchObject({ status: 'dispatched', assigneeId: winner });
    const grabs = await h.db
      .select()
      .from(workOrderEvents)
      .where(eq(workOrderEvents.workOrderId, id))
      .then((events) => events.filter((e) => e.action === 'grab'));
    expect(grabs).toEqual([expect.objectContaining({ actor: winner, toStatus: 'dispatched' })]);
  });

  it('WO-4: automatic dispatch — an accepted work order goes to whom the first matching rule picks, as system', async () => {
    const { app } = h;
    const territoryRule = 'R-TERRITORY-XICHENG';
    await h.db
      .update(dispatchRules)
      .set({ enabled: true })
      .where(inArray(dispatchRules.id, [territoryRule]));
    try {
      const id = await newWorkOrder(app, store, workOrderBody({ territory: 'Xicheng' }));
      await step(app, dispatcher, id, { action: 'accept' });
      const dispatched = await waitForWorkOrder(app, dispatcher, id, (w) => w.status === 'dispatched');
      expect(dispatched.outletCode).toBe('OUT-BJ-XD');
      expect(['tech01', 'tech02']).toContain(dispatched.assigneeId);
      expect(dispatched.timeline.at(-1)).toMatchObject({
        action: 'dispatch',
        actor: 'system',
        fromStatus: 'accepted',
        details: { assigneeId: dispatched.assigneeId, ruleId: territoryRule },
      });
    } finally {
      await h.db.update(dispatchRules).set({ enabled: false });
    }
  });
});
