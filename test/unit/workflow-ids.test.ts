import { describe, expect, it } from 'vitest';
import { orderTypes } from '../../domain/orders';
import { groupMemberOrderId, parseGroupMemberOrderId } from '../../workflows/contracts/group-member';
import { groupProductOrderId, parseGroupProductOrderId } from '../../workflows/contracts/group-product';
import { memberBatchId, parseMemberBatchId } from '../../workflows/contracts/member-batch';
import { openAccountOrderId, parseOpenAccountOrderId } from '../../workflows/contracts/open-account';
import { orderId, orderIdPrefixes, parseOrderId } from '../../workflows/contracts/orders';
import { parsePortInOrderId, portInOrderId } from '../../workflows/contracts/port-in';
import { parsePortOutOrderId, portOutOrderId } from '../../workflows/contracts/port-out';
import {
  parsePreCancellationOrderId,
  preCancellationOrderId,
} from '../../workflows/contracts/pre-cancellation';
import { parseServiceChangeOrderId, serviceChangeOrderId } from '../../workflows/contracts/service-change';
import { parseStockInWorkflowId, stockInWorkflowId } from '../../workflows/contracts/stock-in';
import {
  cardTicketWorkOrderId,
  isWorkOrderId,
  parseWorkOrderId,
  workOrderId,
} from '../../workflows/contracts/work-order';

const channelCode = 'STORE-BJ-001';
const key = 'store01-2024.06_01';

describe('workflow IDs of each business: built from their parts and read back', () => {
  it('ORD-3: every order type has its own ID prefix, and an order ID reads back to its type', () => {
    const prefixes = orderTypes.map((t) => orderIdPrefixes[t]);
    expect(new Set(prefixes).size).toBe(orderTypes.length);
    for (const type of orderTypes) {
      expect(parseOrderId(orderId(type, channelCode, key))).toEqual({ type, channelCode, key });
    }
  });

  it.each([
    ['openAccount', openAccountOrderId(channelCode, key), parseOpenAccountOrderId, 'OpenAccount'],
    ['preCancellation', preCancellationOrderId(channelCode, key), parsePreCancellationOrderId, 'PreCancel'],
    ['portIn', portInOrderId(channelCode, key), parsePortInOrderId, 'PortIn'],
    ['portOut', portOutOrderId(channelCode, key), parsePortOutOrderId, 'PortOut'],
    ['swapSim', serviceChangeOrderId('swapSim', channelCode, key), parseServiceChangeOrderId, 'SwapSim'],
    [
      'groupChange',
      groupProductOrderId('groupChange', channelCode, key),
      parseGroupProductOrderId,
      'GroupChange',
    ],
    [
      'groupMemberDelete',
      groupMemberOrderId('groupMemberDelete', channelCode, key),
      parseGroupMemberOrderId,
      'MemberDelete',
    ],
  ] as const)(
    'ORD-3: a %s order ID is `<Prefix>:<channel>:<key>` and its business reads it back',
    (type, id, parse, prefix) => {
      expect(id).toBe(`${prefix}:${channelCode}:${key}`);
      expect(parse(id)).toEqual({ type, channelCode, key });
      expect(id).toBe(orderId(type, channelCode, key));
    },
  );

  it("ORD-3: a business does not read another business's order ID", () => {
    const portIn = portInOrderId(channelCode, key);
    expect(parsePortOutOrderId(portIn)).toBeNull();
    expect(parseGroupProductOrderId(portIn)).toBeNull();
    expect(parsePreCancellationOrderId(openAccountOrderId(channelCode, key))).toBeNull();
    expect(parseServiceChangeOrderId(groupMemberOrderId('groupMemberAdd', channelCode, key))).toBeNull();
    expect(parseGroupMemberOrderId(groupProductOrderId('groupOpen', channelCode, key))).toBeNull();
  });

  it('WO-1, ORD-3: a work order ID is `WorkOrder:<channel>:<key>` and reads back to both', () => {
    const id = workOrderId(channelCode, key);
    expect(id).toBe(`WorkOrder:${channelCode}:${key}`);
    expect(isWorkOrderId(id)).toBe(true);
    expect(parseWorkOrderId(id)).toEqual({ channelCode, key });
  });

  it("Q-3: a recharge-card ticket's work order ID has the ticket's key and no channel", () => {
    const id = cardTicketWorkOrderId('RechargeCard-1234567890-2');
    expect(id).toBe('WorkOrder:RechargeCard-1234567890-2');
    expect(parseWorkOrderId(id)).toEqual({ ticketKey: 'RechargeCard-1234567890-2' });
  });

  it.each(['', 'WorkOrder:', 'WorkOrder::key', 'WorkOrder:a:b:c', 'OpenAccount:STORE-BJ-001:store01-2024'])(
    'WO-1: %j is not a work order ID',
    (id) => {
      expect(parseWorkOrderId(id)).toBeNull();
    },
  );

  it('GRP-6, ORD-3: a member batch ID is `MemberBatch:<channel>:<key>` and reads back to both', () => {
    const id = memberBatchId(channelCode, key);
    expect(id).toBe(`MemberBatch:${channelCode}:${key}`);
    expect(parseMemberBatchId(id)).toEqual({ channelCode, key });
    for (const other of [
      'MemberBatch:',
      'MemberBatch:only-channel',
      'MemberBatch:a:b:c',
      workOrderId('a', 'b'),
    ]) {
      expect(parseMemberBatchId(other), other).toBeNull();
    }
  });

  it("RES-1: a stock-in's workflow ID is `StockIn:<batchId>` and reads back to the batch", () => {
    const id = stockInWorkflowId('SB-0123456789abcdef01234567');
    expect(id).toBe('StockIn:SB-0123456789abcdef01234567');
    expect(parseStockInWorkflowId(id)).toEqual({ batchId: 'SB-0123456789abcdef01234567' });
    expect(parseStockInWorkflowId('StockIn:')).toBeNull();
    expect(parseStockInWorkflowId('SB-0123456789abcdef01234567')).toBeNull();
  });
});
