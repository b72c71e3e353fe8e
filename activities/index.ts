import type { AppConfig } from '../temporal.config';
import type { Db } from '../db/client';
import type { BankAdapter } from './adapters/bank';
import type { BbossAdapter } from './adapters/bboss';
import type { ClearingSystemAdapter } from './adapters/clearing';
import type { HlrAdapter } from './adapters/hlr';
import type { SmsGateway } from './adapters/sms';
import { createBillingActivities } from './billing';
import { createCustomerActivities } from './customers';
import { createGroupMemberActivities } from './group-members';
import { createGroupProductActivities } from './group-products';
import { createOrderActivities } from './orders';
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

export interface ActivityDeps {
  db: Db;
  hlr: HlrAdapter;
  bank: BankAdapter;
  /** REQ: MNP-5 — the number portability clearing system. */
  clearing: ClearingSystemAdapter;
  /** REQ: GRP-4 — BBOSS, the national group business platform. */
  bboss: BbossAdapter;
  /** REQ: NOTIF-1 — the SMS gateway that texts customers. */
  sms: SmsGateway;
  config: AppConfig;
}

/** Every activity the workers register, built from their dependencies. */
export function createActivities(deps: ActivityDeps) {
  const { db } = deps;
  // REQ: OPEN-2 — how long a hold lasts; every step of a running order extends it by as much again.
  const preemptionTtlSeconds = deps.config.PREEMPTION_TTL_SECONDS;
  return {
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
  };
}

export type Activities = ReturnType<typeof createActivities>;
