import { TransactionRollbackError } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import {
  claimNumber,
  claimSim,
  commitOrderResources,
  releaseExpiredPreemptions,
  releaseOrderResources,
} from '../db/queries/resources';
import { createSubscriber } from '../db/queries/subscribers';
import { businessFailure } from './failures';

export interface HeldResources {
  msisdn: string;
  selectionFeeFen: number;
  iccid: string;
  imsi: string;
}

class ClaimFailed extends Error {
  constructor(readonly failure: ReturnType<typeof businessFailure>) {
    super(failure.message);
  }
}

/** Numbers and SIM cards: pre-empt (预占) with a time limit, release, commit (REQ: OPEN-2, RES-6). */
export function createResourceActivities({
  db,
  preemptionTtlSeconds,
}: {
  db: Db;
  preemptionTtlSeconds: number;
}) {
  return {
    /** Claims the chosen (or any free) number and a SIM together, or neither. */
    async preemptResources(input: { orderId: string; msisdn?: string }): Promise<HeldResources> {
      try {
        return await db.transaction(async (tx) => {
          const number = await claimNumber(tx, input.orderId, preemptionTtlSeconds, input.msisdn);
          if (!number) {
            throw new ClaimFailed(
              input.msisdn
                ? businessFailure(
                    'NumberUnavailable',
                    `Number ${input.msisdn} is not available (taken or unknown)`,
                    {
                      msisdn: input.msisdn,
                    },
                  )
                : businessFailure('NoNumberAvailable', 'No free number is left in the pool'),
            );
          }
          const sim = await claimSim(tx, input.orderId, preemptionTtlSeconds);
          if (!sim)
            throw new ClaimFailed(businessFailure('SimUnavailable', 'No SIM card is available in stock'));
          return { ...number, ...sim };
        });
      } catch (err) {
        if (err instanceof ClaimFailed) throw err.failure;
        throw err;
      }
    },

    /** Undo of preemptResources: gives back whatever the order still holds. */
    async releaseResources(input: { orderId: string }): Promise<{ numbers: number; sims: number }> {
      return releaseOrderResources(db, input.orderId);
    },

    /**
     * Number and SIM become in use and bound to each other, and the line (subscriber) is created with the
     * deposit as its opening balance; fails if the hold was lost meanwhile.
     */
    async commitResources(input: {
      orderId: string;
      msisdn: string;
      iccid: string;
      customerId: string;
      productCode: string;
      internationalRoaming: boolean;
      openingBalanceFen: number;
    }): Promise<void> {
      await commitHeld(
        db,
        async (tx) => {
          const sim = await commitOrderResources(tx, input.orderId, input.msisdn, input.iccid);
          if (!sim) tx.rollback();
          await createSubscriber(tx, {
            msisdn: input.msisdn,
            customerId: input.customerId,
            iccid: input.iccid,
            imsi: sim?.imsi ?? '',
            productCode: input.productCode,
            internationalRoaming: input.internationalRoaming,
            balanceFen: input.openingBalanceFen,
          });
        },
        `The hold on ${input.msisdn} expired and was taken by another order`,
      );
    },

    /** Run by a Schedule: makes expired pre-emptions show as free. */
    async tidyExpiredPreemptions(): Promise<{ numbers: number; sims: number }> {
      return releaseExpiredPreemptions(db);
    },
  };
}

/**
 * Runs `commit` in one transaction. A `tx.rollback()` inside it means the order's hold was lost (expired and
 * taken by another order): nothing is written and the step fails with PreemptionExpired.
 */
export async function commitHeld(
  db: Db,
  commit: (tx: Tx) => Promise<void>,
  lostMessage: string,
): Promise<void> {
  const done = await db
    .transaction(async (tx) => {
      await commit(tx);
      return true;
    })
    .catch((err: unknown) => {
      if (err instanceof TransactionRollbackError) return false;
      throw err;
    });
  if (!done) throw businessFailure('PreemptionExpired', lostMessage);
}
