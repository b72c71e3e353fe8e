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
  /** The outlet (网点) the operator signed in at, if any (CH-2: operators are bound to outlets). */
  outletCode: string | null;
}

/**
 * A named permission (权限) a route declares: which roles hold it, through which channel types, and a
 * capability the outlet must be designated for. Roles are granted permissions here, in code reviewed like any
 * other rule; product permissions (GRP-1) are the other kind, granted per operator by an administrator.
 */
export interface AccessRule {
  permission: string;
  zh: string;
  en: string;
  roles: readonly Role[];
  channelTypes: readonly ChannelType[];
  /** A capability the outlet must be designated for. */
  channelCapability?: string;
}

/**
 * A route's rule that depends on a field of its body, e.g. the order type: `rule` is checked as the request
 * arrives, the rule of the body's value (if it names one) once the body is valid.
 */
export interface BodyKeyedAccess {
  rule: AccessRule;
  /** The body field whose value picks the rule, e.g. `type`. */
  bodyField: string;
  /** What the body describes, for the refusal message, e.g. `order`: "A preCancellation order needs…". */
  noun: string;
  byValue: Readonly<Record<string, AccessRule>>;
}

/** Who may call a route: anyone, any signed-in operator, a role-and-channel rule, or one keyed by the body. */
export type RouteAccess = 'public' | 'authenticated' | AccessRule | BodyKeyedAccess;

export const frontlineChannels: readonly ChannelType[] = [
  'ownStore',
  'website',
  'callCentre',
  'agentL1',
  'agentL2',
];

/** Who may submit and follow subscriber orders, and ask the service-password queries. */
export const orderDesk: AccessRule = {
  permission: 'orders',
  zh: '受理与跟踪个人业务订单、服务密码查询',
  en: 'submit and follow subscriber orders; service-password queries',
  roles: ['frontline', 'customerManager', 'dutyManager', 'admin'],
  channelTypes: frontlineChannels,
};

export function accessDenial<P extends Pick<Principal, 'roles' | 'channelType' | 'channelCapabilities'>>(
  principal: P,
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
  permission: 'preCancellation',
  zh: '预销号（指定营业厅）',
  en: 'pre-cancellation, at a store designated for it',
  roles: ['customerManager'],
  channelTypes: ['ownStore'],
  channelCapability: 'preCancellation',
};

/** REQ: GRP-1…GRP-9 — who may take group business: account managers and front-line staff (product permission aside). */
export const groupDesk: AccessRule = {
  ...orderDesk,
  permission: 'groups',
  zh: '集团业务（另需产品权限）',
  en: 'group business (each product also needs its product permission)',
};

/** REQ: GRP-3 — who approves a tariff that needs approval (资费审核). */
export const approverDesk: AccessRule = {
  permission: 'approvals',
  zh: '资费审核',
  en: 'approve or reject tariffs that need approval',
  roles: ['approver'],
  channelTypes: frontlineChannels,
};

/**
 * Administration: channels, operators, product permissions, customer categories, dispatch rules, the audit
 * log (REQ: GRP-1 "ask an administrator", CUST-1, WO-4, CH-1, CH-2, ORD-4).
 */
export const adminDesk: AccessRule = {
  permission: 'admin',
  zh: '系统管理：渠道、工号、产品权限、客户类别、派单规则、审计日志',
  en: 'administration: channels, operators, product permissions, customer categories, dispatch rules, audit log',
  roles: ['admin'],
  channelTypes: frontlineChannels,
};

/** REQ: WO-1 — staff who may create work orders. */
export const workOrderCreators: AccessRule = {
  permission: 'workOrders.create',
  zh: '创建工单',
  en: 'create work orders',
  roles: ['frontline', 'customerManager', 'dispatcher', 'dutyManager', 'admin'],
  channelTypes: frontlineChannels,
};

/** REQ: WO-2…WO-5 — everyone who works on or follows work orders; each step checks its own roles. */
export const workOrderDesk: AccessRule = {
  permission: 'workOrders.work',
  zh: '处理与查看工单（各步骤另有角色要求）',
  en: 'work on and follow work orders (each step checks its own roles)',
  roles: ['frontline', 'customerManager', 'dispatcher', 'serviceStaff', 'dutyManager', 'admin'],
  channelTypes: frontlineChannels,
};

/** REQ: WO-3, WO-4 — dispatchers' views and tools. */
export const dispatcherDesk: AccessRule = {
  permission: 'workOrders.dispatch',
  zh: '调度视图：工单列表、网点积压、SLA 通知',
  en: "dispatchers' views: work-order lists, outlet backlogs, SLA notices",
  roles: ['dispatcher', 'dutyManager', 'admin'],
  channelTypes: frontlineChannels,
};

/** REQ: GC-1 — the hotline duty manager and above open green-channel work orders. */
export const greenChannelDesk: AccessRule = {
  permission: 'greenChannel',
  zh: '绿色通道工单（10086 值班长及以上）',
  en: 'green-channel work orders (hotline duty manager and above)',
  roles: ['dutyManager', 'admin'],
  channelTypes: ['callCentre'],
};

/** Every permission a route may declare, in the order the README's roles table lists them. */
export const permissionCatalogue: readonly AccessRule[] = [
  orderDesk,
  preCancellationDesk,
  groupDesk,
  approverDesk,
  workOrderCreators,
  workOrderDesk,
  dispatcherDesk,
  greenChannelDesk,
  adminDesk,
];

/** REQ: UI-1 — the permissions a principal holds (role and channel), so the console shows only what it may do. */
export function permissionsOf(
  principal: Pick<Principal, 'roles' | 'channelType' | 'channelCapabilities'>,
): string[] {
  return permissionCatalogue
    .filter((rule) => accessDenial(principal, rule) === null)
    .map((rule) => rule.permission);
}
