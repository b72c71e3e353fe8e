import { describe, expect, it } from 'vitest';
import type { Principal } from '../../domain/access';
import {
  orderCancelDenial,
  orderListScope,
  orderReadDenial,
  type OrderAccessFacts,
  type OrderCaller,
} from '../../domain/order-access';

const principal = (over: Partial<Principal> = {}): Principal => ({
  operatorId: 'clerk.xd',
  operatorName: 'clerk',
  roles: ['frontline'],
  channelCode: 'STORE-BJ-001',
  channelType: 'ownStore',
  channelCapabilities: [],
  outletCode: 'OUT-BJ-XD',
  ...over,
});

const caller = (over: Partial<Principal> = {}, grants: Partial<OrderCaller> = {}): OrderCaller => ({
  principal: principal(over),
  productPermissions: [],
  boundOutlets: over.outletCode ? [over.outletCode] : [],
  ...grants,
});

const recharge: OrderAccessFacts = {
  type: 'recharge',
  channelCode: 'STORE-BJ-001',
  outletCode: 'OUT-BJ-XD',
  productCode: null,
};
const atNoOutlet: OrderAccessFacts = { ...recharge, outletCode: null };
const groupOpen: OrderAccessFacts = { ...recharge, type: 'groupOpen', productCode: 'HDJ' };
const preCancellation: OrderAccessFacts = { ...recharge, type: 'preCancellation' };

describe('who may read and cancel an order', () => {
  it('ORD-6: the outlet it was taken at cancels it; a clerk of another outlet, or of its channel at no outlet, may not', () => {
    expect(orderCancelDenial(caller(), recharge)).toBeNull();
    expect(orderCancelDenial(caller({ outletCode: 'OUT-BJ-WFJ' }), recharge)).toBe('CancelNotAllowed');
    expect(orderCancelDenial(caller({ outletCode: null }), recharge)).toBe('CancelNotAllowed');
  });

  it("ORD-6: the outlet's duty manager cancels it wherever signed in; a duty manager of another outlet may not", () => {
    const duty = { roles: ['dutyManager' as const], outletCode: 'OUT-BJ-WFJ' };
    expect(
      orderCancelDenial(caller(duty, { boundOutlets: ['OUT-BJ-WFJ', 'OUT-BJ-XD'] }), recharge),
    ).toBeNull();
    expect(orderCancelDenial(caller(duty, { boundOutlets: ['OUT-BJ-WFJ'] }), recharge)).toBe(
      'CancelNotAllowed',
    );
    // Bound to the outlet without being its duty manager is not enough.
    expect(
      orderCancelDenial(caller({ outletCode: 'OUT-BJ-WFJ' }, { boundOutlets: ['OUT-BJ-XD'] }), recharge),
    ).toBe('CancelNotAllowed');
  });

  it('ORD-6: an order taken at no outlet is cancelled by operators of its channel; an administrator cancels any', () => {
    expect(orderCancelDenial(caller({ outletCode: 'OUT-BJ-WFJ' }), atNoOutlet)).toBeNull();
    expect(orderCancelDenial(caller({ channelCode: 'STORE-BJ-002' }), atNoOutlet)).toBe('CancelNotAllowed');
    const admin = caller({ roles: ['admin'], channelCode: 'WEB-BJ-001', outletCode: null });
    expect(orderCancelDenial(admin, recharge)).toBeNull();
    expect(orderCancelDenial(admin, atNoOutlet)).toBeNull();
  });

  it('PC-6: a pre-cancellation is revoked by a customer manager at a designated outlet, whichever outlet took it', () => {
    const designated = { channelCapabilities: ['preCancellation'], outletCode: 'OUT-BJ-WFJ' };
    expect(
      orderCancelDenial(caller({ ...designated, roles: ['customerManager'] }), preCancellation),
    ).toBeNull();
    expect(orderCancelDenial(caller({ ...designated, roles: ['frontline'] }), preCancellation)).toBe(
      'RoleNotAllowed',
    );
    expect(orderCancelDenial(caller({ roles: ['admin'] }), preCancellation)).toBe('RoleNotAllowed');
    expect(orderCancelDenial(caller({ roles: ['customerManager'] }), preCancellation)).toBe(
      'ChannelNotAllowed',
    );
  });

  it('GRP-1: a group order is read and cancelled only with its product permission, by an administrator too', () => {
    expect(orderReadDenial(caller(), groupOpen)).toBe('ProductPermissionRequired');
    expect(orderCancelDenial(caller({ roles: ['admin'] }), groupOpen)).toBe('ProductPermissionRequired');
    expect(orderReadDenial(caller({}, { productPermissions: ['HDJ'] }), groupOpen)).toBeNull();
    expect(orderCancelDenial(caller({}, { productPermissions: ['HDJ'] }), groupOpen)).toBeNull();
    expect(
      orderReadDenial(caller({}, { productPermissions: ['HDJ'] }), { ...groupOpen, productCode: null }),
    ).toBe('ProductPermissionRequired');
    expect(orderReadDenial(caller(), recharge)).toBeNull();
  });

  it("CH-1: an agent reads only its own channel's orders; another channel's is as if it did not exist", () => {
    const agent = caller({ channelCode: 'AG1-BJ-001', channelType: 'agentL1', outletCode: null });
    expect(orderReadDenial(agent, recharge)).toBe('OrderNotFound');
    expect(orderCancelDenial(agent, recharge)).toBe('OrderNotFound');
    expect(orderReadDenial(agent, { ...atNoOutlet, channelCode: 'AG1-BJ-001' })).toBeNull();
    expect(orderCancelDenial(agent, { ...atNoOutlet, channelCode: 'AG1-BJ-001' })).toBeNull();
    expect(
      orderReadDenial(caller({ channelCode: 'WEB-BJ-001', channelType: 'website' }), recharge),
    ).toBeNull();
  });

  it('CH-1, GRP-1: the list scope keeps an agent to its channel and group orders to permitted products', () => {
    const agent = caller(
      { channelCode: 'AG2-BJ-001', channelType: 'agentL2' },
      { productPermissions: ['HDJ'] },
    );
    expect(orderListScope(agent)).toEqual({ channelCode: 'AG2-BJ-001', groupProductCodes: ['HDJ'] });
    expect(orderListScope(caller())).toEqual({ channelCode: null, groupProductCodes: [] });
  });
});
