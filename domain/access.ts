import { z } from 'zod';

/** Operator roles (see REQUIREMENTS "Who uses the system"). */
export const roles = [
  'frontline',
  'customerManager',
  'dispatcher',
  'serviceStaff',
  'dutyManager',
  'approver',
  'admin',
] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** REQ: CH-1 — channel interface types. */
export const channelTypes = ['bank', 'agentL1', 'agentL2', 'ownStore', 'website', 'callCentre'] as const;
export const channelTypeSchema = z.enum(channelTypes);
export type ChannelType = z.infer<typeof channelTypeSchema>;

/** The authenticated caller of an API request (REQ: ORD-4, CH-3). */
export interface Principal {
  operatorId: string;
  operatorName: string;
  roles: Role[];
  channelCode: string;
  channelType: ChannelType;
  /** What the channel (outlet) is designated for, e.g. `preCancellation`. */
  channelCapabilities: string[];
}

/** A rule that says who may use a route: any of these roles, through any of these channel types. */
export interface AccessRule {
  roles: readonly Role[];
  channelTypes: readonly ChannelType[];
  /** A capability the outlet must be designated for. */
  channelCapability?: string;
}

export const frontlineChannels: readonly ChannelType[] = [
  'ownStore',
  'website',
  'callCentre',
  'agentL1',
  'agentL2',
];

/** Who may submit and follow subscriber orders. */
export const orderDesk: AccessRule = {
  roles: ['frontline', 'customerManager', 'dutyManager', 'admin'],
  channelTypes: frontlineChannels,
};

export function accessDenial(
  principal: Principal,
  rule: AccessRule,
): 'RoleNotAllowed' | 'ChannelNotAllowed' | null {
  if (!principal.roles.some((r) => rule.roles.includes(r))) return 'RoleNotAllowed';
  if (!rule.channelTypes.includes(principal.channelType)) return 'ChannelNotAllowed';
  if (rule.channelCapability && !principal.channelCapabilities.includes(rule.channelCapability)) {
    return 'ChannelNotAllowed';
  }
  return null;
}

/** REQ: PC-1 — pre-cancellation only by a customer manager at an outlet designated for it. */
export const preCancellationDesk: AccessRule = {
  roles: ['customerManager'],
  channelTypes: ['ownStore'],
  channelCapability: 'preCancellation',
};

/** REQ: GRP-1…GRP-9 — who may take group business: account managers and front-line staff (product permission aside). */
export const groupDesk: AccessRule = orderDesk;

/** REQ: GRP-3 — who approves a tariff that needs approval (资费审核). */
export const approverDesk: AccessRule = {
  roles: ['approver'],
  channelTypes: frontlineChannels,
};

/** Who manages operators' product permissions (REQ: GRP-1 "ask an administrator"). */
export const adminDesk: AccessRule = {
  roles: ['admin'],
  channelTypes: frontlineChannels,
};

/** REQ: WO-1 — staff who may create work orders. */
export const workOrderCreators: AccessRule = {
  roles: ['frontline', 'customerManager', 'dispatcher', 'dutyManager', 'admin'],
  channelTypes: frontlineChannels,
};

/** REQ: WO-2…WO-5 — everyone who works on or follows work orders; each step checks its own roles. */
export const workOrderDesk: AccessRule = {
  roles: ['frontline', 'customerManager', 'dispatcher', 'serviceStaff', 'dutyManager', 'admin'],
  channelTypes: frontlineChannels,
};

/** REQ: WO-3, WO-4 — dispatchers' views and tools. */
export const dispatcherDesk: AccessRule = {
  roles: ['dispatcher', 'dutyManager', 'admin'],
  channelTypes: frontlineChannels,
};

/** REQ: GC-1 — the hotline duty manager and above open green-channel work orders. */
export const greenChannelDesk: AccessRule = {
  roles: ['dutyManager', 'admin'],
  channelTypes: ['callCentre'],
};
