import type { RouteDeps, RoutePlugin } from '../route-deps';
import { queryRoutes } from './queries';
import { selfServiceRoutes } from './self-service';

/** Service-password queries of a line (bills, balance, usage…) and the subscribers' self-service. */
export function queryAreaRoutes({ db, client, config, policy, startWorkOrder }: RouteDeps): RoutePlugin[] {
  return [
    queryRoutes({ db, policy, config, startWorkOrder }),
    selfServiceRoutes({ db, client, config, startWorkOrder, policy }),
  ];
}
