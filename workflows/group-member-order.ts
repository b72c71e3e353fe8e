import type { GroupMemberRequest } from '../domain/groups';
import type { GroupMemberOrderInput, GroupMemberSummary } from './contracts/group-member';
import type { OrderState } from './contracts/orders-common';
import { startOrderRun } from './order-run';

/** Outcomes that are the business saying no: the order ends `rejected`, not `failed`. */
const rejections = [
  'GroupProductNotActive',
  'MemberNotInService',
  'AlreadyGroupMember',
  'NotGroupMember',
  'MemberRefusedByBboss',
] as const;

const actions = {
  groupMemberAdd: 'add',
  groupMemberChange: 'change',
  groupMemberDelete: 'delete',
} as const satisfies Record<GroupMemberRequest['type'], GroupMemberSummary['action']>;

/**
 * A member order of a group product (成员管理), REQ: GRP-6…GRP-8. Every action first checks that the group's
 * product is active and the number fits (GRP-6: our line in service; GRP-7, GRP-8: a member), then:
 * - add (成员新增): the member row is reserved (undone on failure) → BBOSS is told → the add is recorded;
 * - change (成员变更): BBOSS is told → the given attributes are merged into the member's and recorded;
 * - delete (成员删除): BBOSS is told → the member row is removed and the removal recorded.
 * Once BBOSS is asked, the change is BBOSS's to apply: a cancel is refused from there on (REQ: ORD-6).
 * The attributes were checked against the product's member specification before the order started.
 */
export async function groupMemberOrderWorkflow(input: GroupMemberOrderInput): Promise<OrderState> {
  const { request, orderId } = input;
  const action = actions[request.type];
  const { groupCode, productCode, msisdn } = request;
  const summary: GroupMemberSummary = { action, groupCode, productCode, msisdn };
  const { act, finish, order, saga, step, passPointOfNoReturn, finishWithFailure } = await startOrderRun(
    request.type,
    input,
    summary,
  );
  const actor = input.origin.operatorId;
  const bboss = (change: Parameters<typeof act.syncMemberWithBboss>[0]['change']) =>
    step('syncingWithBboss', act.syncMemberWithBboss, { orderId, groupCode, productCode, change });

  try {
    const { subscriptionId } = await step('checkingMember', act.checkMemberOrder, {
      action,
      groupCode,
      productCode,
      msisdn,
    });
    summary.subscriptionId = subscriptionId;
    const member = { orderId, subscriptionId, msisdn };

    switch (request.type) {
      case 'groupMemberAdd': {
        const { attributes } = request;
        summary.attributes = attributes;
        saga.addUndo(() => finish.releaseGroupMember(member));
        await step('reservingMember', act.reserveGroupMember, { ...member, attributes });
        passPointOfNoReturn();
        await bboss({ action, msisdn, attributes });
        await step('recordingMember', act.recordMemberAdded, { ...member, attributes, actor });
        break;
      }
      case 'groupMemberChange': {
        const { attributes } = request;
        passPointOfNoReturn();
        await bboss({ action, msisdn, attributes });
        summary.attributes = await step('updatingMember', act.changeGroupMember, {
          ...member,
          attributes,
          actor,
        });
        break;
      }
      case 'groupMemberDelete':
        passPointOfNoReturn();
        await bboss({ action, msisdn });
        await step('removingMember', act.removeGroupMember, { ...member, actor });
        break;
    }
    await order.move('completed', null, 'system', `member ${msisdn}: ${action} done`);
  } catch (err) {
    await finishWithFailure(err, { rejectOn: rejections });
  }
  return order.closed();
}
