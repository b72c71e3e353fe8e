import type { RouteDeps, RoutePlugin } from '../route-deps';
import { groupRoutes } from './groups';
import { memberBatchRoutes } from './member-batches';
import { productPermissionRoutes } from './product-permissions';

/** Groups and their products, operators' product permissions, member batches. */
export function groupAreaRoutes({ db, client, config }: RouteDeps): RoutePlugin[] {
  return [groupRoutes({ db }), productPermissionRoutes({ db }), memberBatchRoutes({ db, client, config })];
}
