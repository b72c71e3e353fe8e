import type { Db } from '../db/client';
import type { AppConfig } from '../temporal.config';
import type { HlrAdapter } from './adapters/hlr';
import { createLineBalanceActivities } from './line-balance';
import { createLineChangeActivities } from './line-changes';
import { createLineResourceActivities } from './line-resources';

/**
 * Every activity of the service changes of a live line (REQ: CHG-1, CHG-2), run by `serviceChangeWorkflow`.
 * Money in and its refund reuse billing's `chargePayment` / `refundPayment`; releasing a claimed number or
 * SIM reuses `releaseResources`.
 */
export function createServiceChangeActivities(deps: { db: Db; hlr: HlrAdapter; config: AppConfig }) {
  return {
    ...createLineChangeActivities(deps),
    ...createLineResourceActivities(deps),
    ...createLineBalanceActivities(deps),
  };
}
