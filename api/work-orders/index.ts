import type { RouteDeps, RoutePlugin } from '../route-deps';
import { dispatchPreviewRoutes } from './dispatch-preview';
import { dispatchRuleRoutes } from './dispatch-rules';
import { greenChannelRoutes } from './green-channel';
import { notificationRoutes } from './notifications';
import { outletRoutes } from './outlets';
import { workOrderViewRoutes } from './work-order-views';
import { workOrderRoutes } from './work-orders';

/**
 * REQ: WO-1…WO-6, GC-1…GC-3 — work orders, dispatchers' views, rules and their preview, outlets and their staff,
 * the green channel, SLA notices.
 */
export function workOrderAreaRoutes({
  db,
  client,
  config,
  policy,
  startWorkOrder,
}: RouteDeps): RoutePlugin[] {
  return [
    workOrderRoutes({ db, client, config, startWorkOrder }),
    workOrderViewRoutes({ db }),
    dispatchRuleRoutes({ db }),
    dispatchPreviewRoutes({ db, client }),
    outletRoutes({ db }),
    greenChannelRoutes({ db, config, startWorkOrder, policy }),
    notificationRoutes({ db }),
  ];
}
