import type { RouteDeps, RoutePlugin } from '../route-deps';
import { numberRoutes } from './numbers';
import { resourceListRoutes } from './resource-lists';
import { resourceMovementRoutes } from './resource-movements';
import { resourceStateRoutes } from './resource-states';
import { segmentRoutes } from './segments';
import { selectionFeeRoutes } from './selection-fee-rules';
import { stockBatchRoutes } from './stock-batches';
import { stockReportRoutes } from './stock-reports';

/** Numbers, SIMs and their states, segments, selection fees, stock-in batches, movements and stock reports. */
export function resourceAreaRoutes({ db, client, config }: RouteDeps): RoutePlugin[] {
  return [
    numberRoutes({ db }),
    resourceListRoutes({ db }),
    resourceMovementRoutes({ db }),
    resourceStateRoutes({ db, reservationMaxDays: config.RESERVATION_MAX_DAYS }),
    selectionFeeRoutes({ db }),
    segmentRoutes({ db }),
    stockReportRoutes({ db }),
    stockBatchRoutes({ db, client, config }),
  ];
}
