import type { RouteDeps, RoutePlugin } from '../route-deps';
import { simulatorLatencyRoutes } from './simulator-latency';
import { smsSimulatorRoutes } from './sms-simulator';

/**
 * The simulators' demo routes, only when the outside systems are simulated: the SMS gateway's inbox
 * (REQ: NOTIF-1) and the HLR's and bank's latency (REQ: UI-1), through the simulators' control routes.
 */
export function simulatorAreaRoutes({ simulators }: RouteDeps): RoutePlugin[] {
  return simulators ? [smsSimulatorRoutes(simulators), simulatorLatencyRoutes(simulators)] : [];
}
