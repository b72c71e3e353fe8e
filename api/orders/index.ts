import { checkOrder } from '../../services/orders/order-checks';
import { createOrderService } from '../../services/orders/order-service';
import { workflowSettingsSource } from '../../temporal.config';
import type { RouteDeps, RoutePlugin } from '../route-deps';
import { approvalRoutes } from './approvals';
import { formalCancellationRoutes } from './formal-cancellation';
import { lineRoutes } from './lines';
import { numberPortabilityRoutes } from './number-portability';
import { openingQuoteRoutes } from './opening-quote';
import { orderRoutes } from './orders';
import { productRoutes } from './products';

/** Subscriber and group orders: submit, follow, cancel, approve, formally cancel; port-out eligibility. */
export function orderAreaRoutes({ db, client, config }: RouteDeps): RoutePlugin[] {
  const orders = createOrderService({
    client,
    db,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    settings: workflowSettingsSource(config),
    secretsKey: config.SECRETS_KEY,
  });
  return [
    numberPortabilityRoutes({ db, minTenureDays: config.MNP_MIN_TENURE_DAYS }),
    orderRoutes({
      orders,
      check: (principal, request) => checkOrder(db, principal, request),
      utcOffsetHours: config.BUSINESS_UTC_OFFSET_HOURS,
    }),
    openingQuoteRoutes({ db, roamingDepositFen: config.ROAMING_DEPOSIT_FEN }),
    productRoutes({ db }),
    lineRoutes({ db, orders }),
    approvalRoutes({ orders, db }),
    formalCancellationRoutes({ orders }),
  ];
}
