import { describe, expect, it } from 'vitest';
import type { OrderInput } from '../../domain/order-contract';
import type { AnyWorkflowRequest } from '../../domain/order-requests';
import { orderTypes, type OrderType } from '../../domain/orders';
import type { SettingsBusiness, WorkflowSettingsSource } from '../../domain/workflow-settings';
import {
  orderWorkflowCall,
  workflowCall,
  type WorkflowName,
} from '../../services/temporal/workflow-registry';

/** The workflow each order type runs on, and whose settings it gets. */
const expected: Record<OrderType, [WorkflowName, SettingsBusiness]> = {
  openAccount: ['openAccountWorkflow', 'openAccount'],
  preCancellation: ['preCancellationWorkflow', 'preCancellation'],
  changeNumber: ['serviceChangeWorkflow', 'serviceChange'],
  swapSim: ['serviceChangeWorkflow', 'serviceChange'],
  changeCustomerData: ['serviceChangeWorkflow', 'serviceChange'],
  transferOwnership: ['serviceChangeWorkflow', 'serviceChange'],
  suspend: ['serviceChangeWorkflow', 'serviceChange'],
  resume: ['serviceChangeWorkflow', 'serviceChange'],
  reportLoss: ['serviceChangeWorkflow', 'serviceChange'],
  changeFeatures: ['serviceChangeWorkflow', 'serviceChange'],
  changeDiscount: ['serviceChangeWorkflow', 'serviceChange'],
  recharge: ['serviceChangeWorkflow', 'serviceChange'],
  collectFee: ['serviceChangeWorkflow', 'serviceChange'],
  refundFee: ['serviceChangeWorkflow', 'serviceChange'],
  portIn: ['portInWorkflow', 'portIn'],
  portOut: ['portOutWorkflow', 'portOut'],
  groupOpen: ['groupProductOrderWorkflow', 'groupProduct'],
  groupChange: ['groupProductOrderWorkflow', 'groupProduct'],
  groupCancel: ['groupProductOrderWorkflow', 'groupProduct'],
  groupMemberAdd: ['groupMemberOrderWorkflow', 'groupMember'],
  groupMemberChange: ['groupMemberOrderWorkflow', 'groupMember'],
  groupMemberDelete: ['groupMemberOrderWorkflow', 'groupMember'],
};

/** Settings that say which business they were asked for. */
const settingsOf = ((business: SettingsBusiness) => ({
  stepTimeoutSeconds: 5,
  stepMaxAttempts: 2,
  business,
})) as WorkflowSettingsSource;

describe('the workflow registry', () => {
  it.each(orderTypes)(
    "ORD-1: a %s order starts its business workflow with the whole input and its business's settings",
    (type) => {
      // Only the type decides the workflow and its settings; the rest of the request is carried as it is.
      const order = {
        orderId: `Order:STORE-BJ-001:key-${type}`,
        origin: { operatorId: 'op-1', channelCode: 'STORE-BJ-001' },
        requestHash: 'hash',
        request: { type } as AnyWorkflowRequest,
      } satisfies Omit<OrderInput<AnyWorkflowRequest>, 'settings'>;
      const [workflow, business] = expected[type];
      const call = orderWorkflowCall(order, settingsOf);
      expect(call.name).toBe(workflow);
      expect(call.args).toEqual([{ ...order, settings: settingsOf(business) }]);
    },
  );

  it('a call carries its workflow name and arguments as given', () => {
    expect(workflowCall('stockReportWorkflow', { utcOffsetHours: 8 })).toEqual({
      name: 'stockReportWorkflow',
      args: [{ utcOffsetHours: 8 }],
    });
    expect(workflowCall('tidyPreemptionsWorkflow')).toEqual({ name: 'tidyPreemptionsWorkflow', args: [] });
  });
});
