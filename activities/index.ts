import { createBillingActivities } from './billing';
import { createCustomerActivities } from './customers';
import { createGroupMemberActivities } from './group-members';
import { createGroupProductActivities } from './group-products';
import { createOrderActivities, writeOrderMove } from './orders';
import { createPortInActivities } from './port-in';
import { createPortOutActivities } from './port-out';
import { createPreCancellationActivities } from './pre-cancellation';
import { createProvisioningActivities } from './provisioning';
import { createResourceActivities } from './resources';
import { createServiceChangeActivities } from './service-changes';
import { createStockInActivities } from './stock-in';
import { createWorkOrderDispatchActivities } from './work-order-dispatch';
import { createWorkOrderSlaActivities } from './work-order-sla';
import { createWorkOrderActivities } from './work-orders';
import type { ActivityDeps } from './deps';
import { withCountedOutsideCalls } from './metrics';
import { withTrackedMoves } from './tracked';

export type { ActivityDeps };

/** Every activity the workers register, built from their dependencies. */
export function createActivities(given: ActivityDeps) {
  // Every call of an outside system is counted on the worker's metrics (activities/metrics.ts).
  const deps = withCountedOutsideCalls(given);
  const { db } = deps;
  // REQ: OPEN-2 — how long a hold lasts; every step of a running order extends it by as much again.
  const preemptionTtlSeconds = deps.config.PREEMPTION_TTL_SECONDS;
  // REQ: ORD-1, ORD-2 — every activity can write the move of the order step it does (activities/tracked.ts).
  return withTrackedMoves(
    {
      ...createOrderActivities({ db, preemptionTtlSeconds }),
      ...createResourceActivities({ db, preemptionTtlSeconds }),
      ...createCustomerActivities(deps),
      ...createBillingActivities({
        db,
        bank: deps.bank,
        roamingDepositFen: deps.config.ROAMING_DEPOSIT_FEN,
      }),
      ...createProvisioningActivities({ db, hlr: deps.hlr, preemptionTtlSeconds }),
      ...createPreCancellationActivities(deps),
      ...createServiceChangeActivities(deps),
      ...createPortInActivities({
        db,
        clearing: deps.clearing,
        preemptionTtlSeconds,
        secretsKey: deps.config.SECRETS_KEY,
      }),
      ...createPortOutActivities(deps),
      ...createGroupProductActivities(deps),
      ...createGroupMemberActivities(deps),
      ...createWorkOrderActivities(deps),
      ...createWorkOrderDispatchActivities(deps),
      ...createWorkOrderSlaActivities(deps),
      ...createStockInActivities(deps),
    },
    (move) => writeOrderMove(db, move, preemptionTtlSeconds),
  );
}

export type Activities = ReturnType<typeof createActivities>;
