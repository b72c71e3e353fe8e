import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupMemberEvents, groupMembers, subscribers } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';
import { insertActiveSubscription, insertMembers, memberLine } from '../support/groups';
import { submitOrder, waitForOrder } from '../support/orders';

const GROUP = '1000000001';

const memberBody = (type: string, msisdn: string, extra: Record<string, unknown> = {}) => ({
  type,
  groupCode: GROUP,
  productCode: 'HDJ',
  msisdn,
  ...extra,
});
const addBody = (msisdn: string, attributes: Record<string, unknown> = { displayName: '张三' }) =>
  memberBody('groupMemberAdd', msisdn, { attributes });

describe('group members (成员新增/变更/删除) as orders', () => {
  let h: Harness;
  let token: string;
  let subscriptionId: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.login('manager01', 'STORE-BJ-001');
    subscriptionId = await insertActiveSubscription(h.db, GROUP);
  });
  afterAll(async () => h?.close());

  /** Submits the order as manager01 and waits for it to end. */
  async function run(body: Record<string, unknown>) {
    const res = await submitOrder(h.app, token, body);
    expect(res.statusCode, res.body).toBe(202);
    return waitForOrder(h.app, token, res.json<{ id: string }>().id);
  }

  const memberRow = async (msisdn: string) =>
    (
      await h.db
        .select()
        .from(groupMembers)
        .where(and(eq(groupMembers.subscriptionId, subscriptionId), eq(groupMembers.msisdn, msisdn)))
    )[0];
  const eventsOf = (source: string) =>
    h.db.select().from(groupMemberEvents).where(eq(groupMemberEvents.source, source));

  it('GRP-6: a member is added: order completed, member row, BBOSS told, event recorded', async () => {
    const msisdn = memberLine(0);
    const order = await run(addBody(msisdn, { displayName: '张三', role: 'dispatcher', priority: 2 }));
    expect(order.status).toBe('completed');
    expect(order.id.startsWith('MemberAdd:')).toBe(true);
    expect(order.timeline.map((t) => `${t.status}${t.step ? `/${t.step}` : ''}`)).toEqual([
      'acknowledged',
      'inProgress/checkingMember',
      'inProgress/reservingMember',
      'inProgress/syncingWithBboss',
      'inProgress/recordingMember',
      'completed',
    ]);
    expect(order.summary).toMatchObject({ action: 'add', msisdn, subscriptionId });

    expect(await memberRow(msisdn)).toMatchObject({
      addedBy: order.id,
      attributes: { displayName: '张三', role: 'dispatcher', priority: 2 },
    });
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ msisdn, action: 'add', subscriptionId, actor: 'manager01' }),
    ]);
    expect(await h.sim.bboss.appliedMemberChanges()).toContainEqual(
      expect.objectContaining({ action: 'add', msisdn, groupCode: GROUP, productCode: 'HDJ' }),
    );
  });

  it('GRP-6: the same member again is rejected AlreadyGroupMember; the member stays as it was', async () => {
    const msisdn = memberLine(1);
    const first = await run(addBody(msisdn));
    expect(first.status).toBe('completed');

    const again = await run(addBody(msisdn, { displayName: '另一个' }));
    expect(again.status).toBe('rejected');
    expect(again.failure).toMatchObject({ code: 'AlreadyGroupMember', reason: '该号码已是该集团产品的成员' });
    expect(await memberRow(msisdn)).toMatchObject({ addedBy: first.id, attributes: { displayName: '张三' } });
    expect(await eventsOf(again.id)).toHaveLength(0);
  });

  it('GRP-6: a number that is not our line in service is rejected MemberNotInService', async () => {
    // A free number of the pool, never opened as a line.
    const free = await run(addBody('13800100000'));
    expect(free.status).toBe('rejected');
    expect(free.failure).toMatchObject({ code: 'MemberNotInService', reason: '成员号码不是本网在用号码' });

    const cancelled = memberLine(190);
    await h.db.update(subscribers).set({ status: 'cancelled' }).where(eq(subscribers.msisdn, cancelled));
    const gone = await run(addBody(cancelled));
    expect(gone.failure?.code).toBe('MemberNotInService');
    expect(await memberRow(cancelled)).toBeUndefined();
  });

  it('GRP-6, ORD-5: BBOSS refuses the member: rejected MemberRefusedByBboss and the reserved row is undone', async () => {
    const msisdn = memberLine(2);
    await h.sim.setBehaviour('bboss', { memberRejectRate: 1 });
    try {
      const order = await run(addBody(msisdn));
      expect(order.status).toBe('rejected');
      expect(order.failure).toMatchObject({ code: 'MemberRefusedByBboss', reason: 'BBOSS 拒绝该成员加入' });
      expect(order.failure?.message).toContain('BBOSS refused add');
      expect(order.timeline.map((t) => t.step)).toContain('reservingMember');
    } finally {
      await h.sim.setBehaviour('bboss', { memberRejectRate: 0 });
    }
    expect(await memberRow(msisdn)).toBeUndefined();
  });

  it('GRP-7: a member change merges the given attributes into the member and is recorded', async () => {
    const msisdn = memberLine(10);
    await insertMembers(h.db, subscriptionId, [msisdn]);
    const order = await run(
      memberBody('groupMemberChange', msisdn, { attributes: { role: 'dispatcher', priority: 5 } }),
    );
    expect(order.status).toBe('completed');
    expect(order.timeline.map((t) => t.step).filter(Boolean)).toEqual([
      'checkingMember',
      'syncingWithBboss',
      'updatingMember',
    ]);
    const merged = { displayName: '成员 0010', role: 'dispatcher', priority: 5 };
    expect(order.summary.attributes).toEqual(merged);
    expect((await memberRow(msisdn))?.attributes).toEqual(merged);
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ msisdn, action: 'change', attributes: { role: 'dispatcher', priority: 5 } }),
    ]);
    expect(await h.sim.bboss.appliedMemberChanges()).toContainEqual(
      expect.objectContaining({ action: 'change', msisdn }),
    );
  });

  it('GRP-7: changing a number that is not a member is rejected NotGroupMember', async () => {
    const order = await run(memberBody('groupMemberChange', memberLine(11), { attributes: { priority: 1 } }));
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({ code: 'NotGroupMember', reason: '该号码不是该集团产品的成员' });
  });

  it('GRP-8: a member delete removes the member and records it', async () => {
    const msisdn = memberLine(12);
    await insertMembers(h.db, subscriptionId, [msisdn]);
    const order = await run(memberBody('groupMemberDelete', msisdn));
    expect(order.status).toBe('completed');
    expect(await memberRow(msisdn)).toBeUndefined();
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ msisdn, action: 'delete', subscriptionId, actor: 'manager01' }),
    ]);

    const again = await run(memberBody('groupMemberDelete', msisdn));
    expect(again.failure?.code).toBe('NotGroupMember');
  });

  it('GRP-6: a group without the product active is rejected GroupProductNotActive', async () => {
    const order = await run({ ...addBody(memberLine(20)), groupCode: '1000000002' });
    expect(order.status).toBe('rejected');
    expect(order.failure).toMatchObject({
      code: 'GroupProductNotActive',
      reason: '该集团未订购此产品，或产品不在正常使用状态',
    });
  });
});
