import { describe, expect, it } from 'vitest';
import { accessDenial, orderDesk, type AccessRule, type Principal } from '../../domain/access';

const clerk: Principal = {
  operatorId: 'store01',
  operatorName: '王五',
  roles: ['frontline'],
  channelCode: 'STORE-BJ-001',
  channelType: 'ownStore',
  channelCapabilities: [],
  outletCode: null,
};

describe('access by role and channel', () => {
  it('CH-2, ORD-4: front-line staff at their own store may use the order desk', () => {
    expect(accessDenial(clerk, orderDesk)).toBeNull();
  });

  it('CH-2: a role the rule does not name is refused with RoleNotAllowed', () => {
    expect(accessDenial({ ...clerk, roles: ['dispatcher', 'serviceStaff'] }, orderDesk)).toBe(
      'RoleNotAllowed',
    );
    expect(accessDenial({ ...clerk, roles: [] }, orderDesk)).toBe('RoleNotAllowed');
  });

  it('CH-2: any one allowed role among several is enough', () => {
    expect(accessDenial({ ...clerk, roles: ['dispatcher', 'customerManager'] }, orderDesk)).toBeNull();
  });

  it('CH-1, CH-2: a channel type the rule does not name is refused with ChannelNotAllowed', () => {
    expect(accessDenial({ ...clerk, channelType: 'bank', channelCode: 'BANK-BJ-001' }, orderDesk)).toBe(
      'ChannelNotAllowed',
    );
  });

  it('CH-2: the role is checked before the channel', () => {
    const rule: AccessRule = {
      permission: 'test',
      zh: '测试',
      en: 'test',
      roles: ['admin'],
      channelTypes: ['website'],
    };
    expect(accessDenial({ ...clerk, channelType: 'bank' }, rule)).toBe('RoleNotAllowed');
    expect(accessDenial({ ...clerk, roles: ['admin'], channelType: 'bank' }, rule)).toBe('ChannelNotAllowed');
    expect(accessDenial({ ...clerk, roles: ['admin'], channelType: 'website' }, rule)).toBeNull();
  });
});
