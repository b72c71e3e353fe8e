import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrderView } from '../../services/work-orders/work-order-view';
import { startHarness, type Harness } from '../support/harness';
import { newWorkOrder, step, takeStep, waitForWorkOrder, workOrderBody } from '../support/work-orders';

/**
 * REQ: WO-4 — service staff (服务人员) an administrator creates and changes through the API take work at once:
 * they grab from their outlet's pool, manual dispatch accepts them, and dispatch rules pick them by outlet and
 * skill; a change of skills or a deactivation changes what dispatch does from the next work order on.
 */
const PASSWORD = 'Technician2026';
const seededRules = ['R-TERRITORY-XICHENG', 'R-SKILL-TERMINAL', 'R-RR-WANGFUJING', 'R-LEAST-LOAD'];

interface StaffProfile {
  outletCode: string;
  skills: string[];
  active: boolean;
}
interface Operator {
  id: string;
  roles: string[];
  outlets: string[];
  staff: StaffProfile | null;
}
interface ErrorBody {
  code: string;
  reason: string;
  message: string;
}

describe('service staff created by an administrator (WO-4)', () => {
  let h: Harness;
  let admin: string;
  let store: string;
  let dispatcher: string;

  beforeAll(async () => {
    h = await startHarness();
    [admin, store, dispatcher] = await Promise.all([
      h.login('admin01', 'STORE-BJ-001'),
      h.login('store01', 'STORE-BJ-001'),
      h.login('dispatch01', 'STORE-BJ-001'),
    ]);
    // Only the rules a test adds may dispatch: a grab needs the work order left in the pool.
    for (const id of seededRules) {
      const res = await call('POST', `/api/v1/dispatch-rules/${id}/disable`, admin);
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => h?.close());

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
    h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload ? { payload } : {}),
    });
  const createOperator = (body: Record<string, unknown>) =>
    call('POST', '/api/v1/operators', admin, {
      name: '新技师 New technician',
      password: PASSWORD,
      roles: ['serviceStaff'],
      channels: ['STORE-BJ-001'],
      ...body,
    });
  const changeOperator = (id: string, body: Record<string, unknown>) =>
    call('PATCH', `/api/v1/operators/${id}`, admin, body);
  const signIn = async (operatorId: string): Promise<string> => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId, password: PASSWORD, channelCode: 'STORE-BJ-001' },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ token: string }>().token;
  };
  /** A work order accepted by the dispatcher, once automatic dispatch has had its say. */
  const acceptedWorkOrder = async (body: Record<string, unknown> = workOrderBody()) => {
    const id = await newWorkOrder(h.app, store, body);
    await step(h.app, dispatcher, id, { action: 'accept' });
    return waitForWorkOrder(
      h.app,
      dispatcher,
      id,
      (w) => w.status === 'dispatched' || w.timeline.some((e) => e.action === 'noDispatchRule'),
    );
  };

  it('WO-4: a technician created with role serviceStaff and one outlet grabs from that outlet’s pool at once, and is dispatchable', async () => {
    const created = await createOperator({ id: 'tech-xd-new', outlets: ['OUT-BJ-XD'] });
    expect(created.statusCode, created.body).toBe(201);
    const technician = await signIn('tech-xd-new');
    const xidanColleague = await h.login('tech01', 'STORE-BJ-001');

    const pooled = await acceptedWorkOrder();
    expect(pooled.status).toBe('accepted');
    await step(h.app, dispatcher, pooled.id, { action: 'assignOutlet', outletCode: 'OUT-BJ-XD' });
    const grab = await takeStep(h.app, technician, pooled.id, { action: 'grab' });
    expect(grab.statusCode, grab.body).toBe(200);
    expect(grab.json<WorkOrderView>()).toMatchObject({
      status: 'dispatched',
      assigneeId: 'tech-xd-new',
      outletCode: 'OUT-BJ-XD',
    });
    const late = await takeStep(h.app, xidanColleague, pooled.id, { action: 'grab' });
    expect(late.statusCode).toBe(409);
    expect(late.json<ErrorBody>().code).toBe('AlreadyGrabbed');

    const manual = await acceptedWorkOrder();
    const dispatched = await takeStep(h.app, dispatcher, manual.id, {
      action: 'dispatch',
      assigneeId: 'tech-xd-new',
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json<WorkOrderView>()).toMatchObject({
      assigneeId: 'tech-xd-new',
      outletCode: 'OUT-BJ-XD',
    });

    // The one outlet it was given is where it works; the administrator sees the profile.
    expect(created.json<Operator>().staff).toEqual({ outletCode: 'OUT-BJ-XD', skills: [], active: true });
  });

  it('WO-4: a skill rule picks a technician created through the API; changing its skills or deactivating it changes what dispatch does', async () => {
    const created = await createOperator({
      id: 'tech-wfj-fibre',
      outlets: ['OUT-BJ-WFJ'],
      staff: { outletCode: 'OUT-BJ-WFJ', skills: ['fibreSplicing'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<Operator>().staff).toEqual({
      outletCode: 'OUT-BJ-WFJ',
      skills: ['fibreSplicing'],
      active: true,
    });
    const rule = await call('POST', '/api/v1/dispatch-rules', admin, {
      id: 'R-SKILL-FIBRE',
      name: '光纤熔接 Fibre splicing',
      kind: 'skill',
      match: { skill: 'fibreSplicing' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const fibreWork = () =>
      acceptedWorkOrder(workOrderBody({ category: 'networkFault', requiredSkill: 'fibreSplicing' }));

    const first = await fibreWork();
    expect(first).toMatchObject({
      status: 'dispatched',
      assigneeId: 'tech-wfj-fibre',
      outletCode: 'OUT-BJ-WFJ',
    });
    expect(first.timeline.find((e) => e.action === 'dispatch')).toMatchObject({
      actor: 'system',
      details: { ruleId: 'R-SKILL-FIBRE' },
    });

    const reskilled = await changeOperator('tech-wfj-fibre', { staff: { skills: ['terminal'] } });
    expect(reskilled.statusCode, reskilled.body).toBe(200);
    expect(reskilled.json<Operator>().staff).toEqual({
      outletCode: 'OUT-BJ-WFJ',
      skills: ['terminal'],
      active: true,
    });
    expect(await fibreWork()).toMatchObject({ status: 'accepted', assigneeId: null });

    const inactive = await changeOperator('tech-wfj-fibre', {
      staff: { skills: ['fibreSplicing', 'terminal'], active: false },
    });
    expect(inactive.statusCode, inactive.body).toBe(200);
    expect(await fibreWork()).toMatchObject({ status: 'accepted', assigneeId: null });

    expect((await changeOperator('tech-wfj-fibre', { staff: { active: true } })).statusCode).toBe(200);
    expect(await fibreWork()).toMatchObject({ status: 'dispatched', assigneeId: 'tech-wfj-fibre' });
  });

  it('WO-4: serviceStaff without an outlet is refused 422 naming staff.outletCode; a staff profile needs the role; nothing is half-written', async () => {
    const noOutlet = await createOperator({ id: 'tech-nowhere' });
    expect(noOutlet.statusCode).toBe(422);
    expect(noOutlet.json<ErrorBody>()).toMatchObject({
      code: 'StaffOutletRequired',
      reason: '服务人员须指定所属网点',
      message: expect.stringContaining('body.staff.outletCode') as string,
    });
    const twoOutlets = await createOperator({ id: 'tech-nowhere', outlets: ['OUT-BJ-XD', 'OUT-BJ-WFJ'] });
    expect(twoOutlets.statusCode).toBe(422);
    expect(twoOutlets.json<ErrorBody>().code).toBe('StaffOutletRequired');
    const unknownOutlet = await createOperator({ id: 'tech-nowhere', staff: { outletCode: 'OUT-XX-NONE' } });
    expect(unknownOutlet.statusCode).toBe(422);
    expect(unknownOutlet.json<ErrorBody>()).toMatchObject({
      code: 'OutletNotFound',
      message: expect.stringContaining('body.staff.outletCode') as string,
    });
    const notStaff = await createOperator({
      id: 'tech-nowhere',
      roles: ['frontline'],
      staff: { outletCode: 'OUT-BJ-XD' },
    });
    expect(notStaff.statusCode).toBe(422);
    expect(notStaff.json<ErrorBody>()).toMatchObject({
      code: 'StaffRoleRequired',
      message: expect.stringContaining('body.staff') as string,
    });
    expect((await call('GET', '/api/v1/operators/tech-nowhere', admin)).statusCode).toBe(404);

    // A front-line operator given the serviceStaff role later needs an outlet too; with one it can work.
    expect((await createOperator({ id: 'clerk-to-tech', roles: ['frontline'] })).statusCode).toBe(201);
    const roleOnly = await changeOperator('clerk-to-tech', { roles: ['frontline', 'serviceStaff'] });
    expect(roleOnly.statusCode).toBe(422);
    expect(roleOnly.json<ErrorBody>().message).toContain('body.staff.outletCode');
    const unchanged = await call('GET', '/api/v1/operators/clerk-to-tech', admin);
    expect(unchanged.json<Operator>()).toMatchObject({ roles: ['frontline'], staff: null });
    const promoted = await changeOperator('clerk-to-tech', {
      roles: ['frontline', 'serviceStaff'],
      staff: { outletCode: 'OUT-BJ-XD', skills: ['broadband'] },
    });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json<Operator>().staff).toEqual({
      outletCode: 'OUT-BJ-XD',
      skills: ['broadband'],
      active: true,
    });
    const work = await acceptedWorkOrder();
    const dispatched = await takeStep(h.app, dispatcher, work.id, {
      action: 'dispatch',
      assigneeId: 'clerk-to-tech',
    });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
  });
});
