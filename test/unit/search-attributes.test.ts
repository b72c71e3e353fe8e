import type { SearchAttributePair } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import type { OrderInput } from '../../domain/order-contract';
import type { AnyWorkflowRequest } from '../../domain/order-requests';
import {
  memberBatchSearchAttributes,
  orderSearchAttributes,
  orderTypeValue,
  workOrderSearchAttributes,
} from '../../workflows/contracts/search-attributes';

/** The attributes as the UI shows them: name → value. */
const shown = (pairs: SearchAttributePair[]) => Object.fromEntries(pairs.map((p) => [p.key.name, p.value]));

const orderOf = (request: Record<string, unknown>, outletCode: string | null = 'OUT-BJ-WFJ') =>
  ({
    orderId: 'x',
    origin: { operatorId: 'store01', channelCode: 'STORE-BJ-001', outletCode },
    requestHash: 'h',
    request,
  }) as unknown as OrderInput<AnyWorkflowRequest>;

describe('search attributes built from a start input (OPS)', () => {
  it('OPS: an order type is shown with a capital first letter', () => {
    expect(orderTypeValue('openAccount')).toBe('OpenAccount');
    expect(orderTypeValue('groupMemberAdd')).toBe('GroupMemberAdd');
  });

  it('OPS: an account opening carries its chosen number; one the system picks carries none', () => {
    expect(shown(orderSearchAttributes(orderOf({ type: 'openAccount', msisdn: '13800100088' })))).toEqual({
      OrderType: 'OpenAccount',
      Msisdn: '13800100088',
      ChannelCode: 'STORE-BJ-001',
      OutletCode: 'OUT-BJ-WFJ',
    });
    expect(shown(orderSearchAttributes(orderOf({ type: 'openAccount' }, null)))).toEqual({
      OrderType: 'OpenAccount',
      ChannelCode: 'STORE-BJ-001',
    });
  });

  it('OPS: a service change, pre-cancellation or port carries its line; group business its group', () => {
    for (const type of ['suspend', 'preCancellation', 'portIn', 'portOut'])
      expect(shown(orderSearchAttributes(orderOf({ type, msisdn: '13900100001' })))).toMatchObject({
        Msisdn: '13900100001',
      });
    expect(
      shown(
        orderSearchAttributes(orderOf({ type: 'groupMemberAdd', groupCode: 'G1', msisdn: '13900200001' })),
      ),
    ).toMatchObject({ OrderType: 'GroupMemberAdd', GroupCode: 'G1', Msisdn: '13900200001' });
    expect(shown(orderSearchAttributes(orderOf({ type: 'groupOpen', groupCode: 'G1' })))).not.toHaveProperty(
      'Msisdn',
    );
  });

  it("OPS: a work order carries the customer's number, its channel and the outlet it is routed to", () => {
    const request = { customer: { msisdn: '13800100001' } };
    expect(
      shown(
        workOrderSearchAttributes({
          channelCode: 'CC-10086-BJ',
          resolved: { vip: false, city: null, outletCode: 'OUT-BJ-HD' },
          request,
        } as Parameters<typeof workOrderSearchAttributes>[0]),
      ),
    ).toEqual({ Msisdn: '13800100001', ChannelCode: 'CC-10086-BJ', OutletCode: 'OUT-BJ-HD' });
    expect(shown(memberBatchSearchAttributes({ groupCode: 'G1', channelCode: 'STORE-BJ-001' }))).toEqual({
      GroupCode: 'G1',
      ChannelCode: 'STORE-BJ-001',
    });
  });
});
