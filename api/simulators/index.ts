import type { RouteDeps, RoutePlugin } from '../route-deps';
import { smsSimulatorRoutes } from './sms-simulator';

/** REQ: NOTIF-1 — the simulated SMS gateway's demo inbox, only when that simulator runs in this process. */
export function simulatorAreaRoutes({ smsInbox }: RouteDeps): RoutePlugin[] {
  return smsInbox ? [smsSimulatorRoutes({ sms: smsInbox })] : [];
}
