import { describe, expect, it } from 'vitest';
import type { OrderInput } from '../../domain/order-contract';
import type { AnyWorkflowRequest } from '../../domain/order-requests';
import { orderTypes, type OrderType } from '../../domain/orders';
import type { WorkflowSettings } from '../../domain/workflow-settings';
import {
  orderWorkflowCall,
  workflowCall,
  type WorkflowName,
} from '../../services/temporal/workflow-registry';

/** The workflow each order type runs on. */
const expected: Record<OrderType, WorkflowName> = {
  openAccount: 'openAccountWorkflow',
  preCancellation: 'preCancellationWorkflow',
  changeNumber: 'serviceChangeWorkflow',
  swapSim: 'serviceChangeWorkflow',
  changeCustomerData: 'serviceChangeWorkflow',
  transferOwnership: 'serviceChangeWorkflow',
  suspend: 'serviceChangeWorkflow',
  resume: 'serviceChangeWorkflow',
  reportLoss: 'serviceChangeWorkflow',
  changeFeatures: 'serviceChangeWorkflow',
  changeDiscount: 'serviceChangeWorkflow',
  recharge: 'serviceChangeWorkflow',
  collectFee: 'serviceChangeWorkflow',
  refundFee: 'serviceChangeWorkflow',
  portIn: 'portInWorkflow',
  portOut: 'portOutWorkflow',
  groupOpen: 'groupProductOrderWorkflow',
  groupChange: 'groupProductOrderWorkflow',
  groupCancel: 'groupProductOrderWorkflow',
  groupMemberAdd: 'groupMemberOrderWorkflow',
  groupMemberChange: 'groupMemberOrderWorkflow',
  groupMemberDelete: 'groupMemberOrderWorkflow',
};

describe('the workflow registry', () => {
  it.each(orderTypes)('ORD-1: a %s order starts its business workflow with the whole input', (type) => {
    // Only the type decides the workflow; the rest of the request is carried as it is.
    const input = {
      orderId: `Order:STORE-BJ-001:key-${type}`,
      origin: { operatorId: 'op-1', channelCode: 'STORE-BJ-001' },
      requestHash: 'hash',
      settings: {} as WorkflowSettings,
      request: { type } as AnyWorkflowRequest,
    } satisfies OrderInput<AnyWorkflowRequest>;
    const call = orderWorkflowCall(input);
    expect(call.name).toBe(expected[type]);
    expect(call.args).toEqual([input]);
  });

  it('a call carries its workflow name and arguments as given', () => {
    expect(workflowCall('stockReportWorkflow', { utcOffsetHours: 8 })).toEqual({
      name: 'stockReportWorkflow',
      args: [{ utcOffsetHours: 8 }],
    });
    expect(workflowCall('tidyPreemptionsWorkflow')).toEqual({ name: 'tidyPreemptionsWorkflow', args: [] });
  });
});
