import type { Db } from '../db/client';
import { moveLineToNumber, swapLineSim } from '../db/queries/line-changes';
import { stockScopeOf } from '../db/queries/org-units';
import { claimNumber, claimSim } from '../db/queries/resources';
import type { AppConfig } from '../temporal.config';
import { businessFailure } from './failures';
import { countPreempted } from './metrics';
import { numberRefusal, simRefusal } from './resources';

/**
 * Number change (改号) and SIM swap / replacement (换卡/补卡) (REQ: CHG-1): the new number or SIM is claimed
 * like a pre-emption (undo: `releaseResources`, shared with account opening), and committed in one
 * transaction with the line once the HLR/HSS has it. Each claim comes with its price.
 */
export function createLineResourceActivities({ db, config }: { db: Db; config: AppConfig }) {
  const ttl = config.PREEMPTION_TTL_SECONDS;

  return {
    /**
     * Claims the chosen (or cheapest free) number from the stock the operator may take (a clerk: its
     * outlet's, REQ: RES-2); the fee is the change fee plus its selection fee.
     */
    async claimNewNumber(input: {
      orderId: string;
      msisdn?: string;
      operatorId?: string;
    }): Promise<{ msisdn: string; selectionFeeFen: number; feeFen: number }> {
      const scope = await stockScopeOf(db, input.operatorId);
      const number = await claimNumber(db, input.orderId, ttl, input.msisdn, scope);
      if (!number) throw await numberRefusal(db, scope, input.msisdn);
      countPreempted({ number: 1, sim: 0 });
      return { ...number, feeFen: config.CHANGE_NUMBER_FEE_FEN + number.selectionFeeFen };
    },

    /** Claims a free SIM card for the line, from the stock the operator may take. */
    async claimReplacementSim(input: {
      orderId: string;
      operatorId?: string;
    }): Promise<{ iccid: string; imsi: string; feeFen: number }> {
      const scope = await stockScopeOf(db, input.operatorId);
      const sim = await claimSim(db, input.orderId, ttl, scope);
      if (!sim) throw simRefusal(scope);
      countPreempted({ number: 0, sim: 1 });
      return { ...sim, feeFen: config.SIM_SWAP_FEE_FEN };
    },

    /** The line moves to its new number; the old one rests in the recycle pool for the cool-down. */
    async commitNumberChange(input: {
      orderId: string;
      oldMsisdn: string;
      newMsisdn: string;
    }): Promise<void> {
      const outcome = await moveLineToNumber(db, {
        ...input,
        cooldownSeconds: config.RECYCLE_COOLDOWN_DAYS * 86_400,
      });
      if (outcome === 'lost')
        throw businessFailure(
          'PreemptionExpired',
          `The hold on ${input.newMsisdn} expired before the number change could use it`,
        );
    },

    /** The held SIM goes in use on the line; the old SIM is retired. */
    async commitSimSwap(input: {
      orderId: string;
      msisdn: string;
      oldIccid: string;
      newIccid: string;
      newImsi: string;
    }): Promise<void> {
      if ((await swapLineSim(db, input)) === 'lost')
        throw businessFailure(
          'PreemptionExpired',
          `The hold on SIM ${input.newIccid} expired and it was taken`,
        );
    },
  };
}
