import type { RouteAccess } from '../../api/plugins/route-access';
import { demoChannels, demoOperators } from '../../db/seed';
import type { Harness } from './harness';

/**
 * Issue 7 — the callers that tests covering every route use: one sign-in per seeded role, and a front-line
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
export function admits(access: RouteAccess, caller: RouteCaller): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return (
    access.roles.some((r) => caller.roles.includes(r)) &&
    access.channelTypes.some((t) => t === caller.channelType) &&
    (access.channelCapability === undefined || caller.capabilities.includes(access.channelCapability))
  );
}
