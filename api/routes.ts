import { accessAreaRoutes } from './access';
import { callbackAreaRoutes } from './callbacks';
import { groupAreaRoutes } from './groups';
import { orderAreaRoutes } from './orders';
import { queryAreaRoutes } from './queries';
import { resourceAreaRoutes } from './resources';
import type { RouteDeps, RoutePlugin } from './route-deps';
import { simulatorAreaRoutes } from './simulators';
import { workOrderAreaRoutes } from './work-orders';

/** Every route plugin under the API prefix, area by area: the one place the API's routes are assembled. */
export function apiRoutes(deps: RouteDeps): RoutePlugin[] {
  return [
    ...accessAreaRoutes(deps),
    ...resourceAreaRoutes(deps),
    ...orderAreaRoutes(deps),
    ...groupAreaRoutes(deps),
    ...queryAreaRoutes(deps),
    ...workOrderAreaRoutes(deps),
    ...simulatorAreaRoutes(deps),
    ...callbackAreaRoutes(deps),
  ];
}
