import type { RouteDeps, RoutePlugin } from '../route-deps';
import { simulatorLatencyRoutes } from './simulator-latency';
import { smsSimulatorRoutes } from './sms-simulator';

/**
 * The simulators' demo routes, each only when its simulators run in this process: the SMS gateway's inbox
 * (REQ: NOTIF-1) and the HLR's and bank's latency (REQ: UI-1).
 */
export function simulatorAreaRoutes({ smsInbox, simulatorLatency }: RouteDeps): RoutePlugin[] {
  return [
    ...(smsInbox ? [smsSimulatorRoutes({ sms: smsInbox })] : []),
    ...(simulatorLatency ? [simulatorLatencyRoutes(simulatorLatency)] : []),
  ];
}
