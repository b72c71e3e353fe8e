import type { RouteAccess } from '../../api/plugins/route-access';
import { DEMO_PASSWORD, demoChannels, demoOperators } from '../../db/seed';
import type { Harness } from './harness';

/**
 * CH-2, CH-3 — the callers that tests covering every route use: one sign-in per seeded role, and a front-line
 * operator at a bank, a channel type no desk admits.
 */
export const routeCallerSignIns = [
  { operatorId: 'store01', channelCode: 'STORE-BJ-001' },
  { operatorId: 'manager01', channelCode: 'STORE-BJ-001' },
  { operatorId: 'dispatch01', channelCode: 'STORE-BJ-001' },
  { operatorId: 'tech01', channelCode: 'STORE-BJ-001' },
  { operatorId: 'duty01', channelCode: 'CC-10086-BJ' },
  { operatorId: 'approver01', channelCode: 'STORE-BJ-001' },
  { operatorId: 'admin01', channelCode: 'STORE-BJ-001' },
  { operatorId: 'bank01', channelCode: 'BANK-BJ-001' },
] as const;

export interface RouteCaller {
  operatorId: string;
  roles: string[];
  channelType: string;
  capabilities: string[];
  token: string;
}

/** Signs every caller in, with the roles and channel facts its seed gives it. */
export async function signInRouteCallers(h: Harness): Promise<RouteCaller[]> {
  const callers: RouteCaller[] = [];
  for (const { operatorId, channelCode } of routeCallerSignIns) {
    const operator = demoOperators.find((o) => o.id === operatorId);
    const channel = demoChannels.find((c) => c.code === channelCode);
    if (!operator || !channel) throw new Error(`${operatorId} @ ${channelCode} is not seeded`);
    callers.push({
      operatorId,
      roles: operator.roles,
      channelType: channel.type,
      capabilities: channel.capabilities ?? [],
      token: await h.login(operatorId, channelCode),
    });
  }
  return callers;
}

/** Whether the declared rule admits the caller — written out here, independent of the auth plugin's code. */
export function admits(declared: RouteAccess, caller: RouteCaller): boolean {
  if (declared === 'public' || declared === 'authenticated') return true;
  // A rule keyed by a body field is its base rule for a body that names no other (the matrix sends `{}`).
  const access = 'byValue' in declared ? declared.rule : declared;
  return (
    access.roles.some((r) => caller.roles.includes(r)) &&
    access.channelTypes.some((t) => t === caller.channelType) &&
    (access.channelCapability === undefined || caller.capabilities.includes(access.channelCapability))
  );
}

/** The callers of the per-order rules (REQ: ORD-6, GRP-1, CH-1), signed in; see `signInOrderAccessCallers`. */
export interface OrderAccessCallers {
  /** Front-line clerk at outlet OUT-BJ-XD of STORE-BJ-001. */
  clerkXd: string;
  /** Front-line clerk at outlet OUT-BJ-WFJ of the same store channel. */
  clerkWfj: string;
  /** Front-line clerk of STORE-BJ-001 at no particular outlet. */
  clerkStore: string;
  /** The duty manager (值班长) of outlet OUT-BJ-XD. */
  dutyXd: string;
  /** A front-line operator of a level-1 agent channel (一级代理商). */
  agent: string;
  agentChannel: string;
}

/**
 * REQ: ORD-6, GRP-1, CH-1 — the seed has no operator bound to a store outlet and no agent: an administrator
 * creates them through the API (each store operator holding the 和对讲 product permission, so that a group
 * order tells the outlet rule apart from the product rule) and they sign in, each at its one outlet.
 */
export async function signInOrderAccessCallers(h: Harness, admin: string): Promise<OrderAccessCallers> {
  const call = async (method: 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${admin}` },
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const agentChannel = (
    await call('POST', '/api/v1/channels', { type: 'agentL1', location: 'BJ', name: '一级代理商 Agent One' })
  ).json<{ code: string }>().code;
  const operators = [
    { id: 'clerk.xd', roles: ['frontline'], channels: ['STORE-BJ-001'], outlets: ['OUT-BJ-XD'] },
    { id: 'clerk.wfj', roles: ['frontline'], channels: ['STORE-BJ-001'], outlets: ['OUT-BJ-WFJ'] },
    { id: 'clerk.store', roles: ['frontline'], channels: ['STORE-BJ-001'], outlets: [] },
    { id: 'duty.xd', roles: ['dutyManager'], channels: ['STORE-BJ-001'], outlets: ['OUT-BJ-XD'] },
    { id: 'agent.one', roles: ['frontline'], channels: [agentChannel], outlets: [] },
  ];
  for (const o of operators) {
    await call('POST', '/api/v1/operators', { ...o, name: o.id, password: DEMO_PASSWORD });
    if (o.id !== 'agent.one') await call('PUT', `/api/v1/operators/${o.id}/product-permissions/HDJ`);
  }
  return {
    clerkXd: await h.login('clerk.xd', 'STORE-BJ-001'),
    clerkWfj: await h.login('clerk.wfj', 'STORE-BJ-001'),
    clerkStore: await h.login('clerk.store', 'STORE-BJ-001'),
    dutyXd: await h.login('duty.xd', 'STORE-BJ-001'),
    agent: await h.login('agent.one', agentChannel),
    agentChannel,
  };
}
