import { TransactionRollbackError } from 'drizzle-orm';
import { pruneRoundRobinTurns } from '../db/queries/dispatch-rules';
import { markParkedSecretUsed } from '../db/queries/parked-secrets';
import type { Db, DbOrTx, Tx } from '../db/client';
import { stockScopeOf } from '../db/queries/org-units';
import {
  claimNumber,
  claimSim,
  commitOrderResources,
  numberHolding,
  releaseExpiredPreemptions,
  releaseOrderResources,
  type StockScope,
} from '../db/queries/resources';
import { writeStockReport } from '../db/queries/stock-reports';
import { createSubscriber } from '../db/queries/subscribers';
import { businessFailure } from './failures';
import { countPreempted, countReleased } from './metrics';
import { parkedHash } from './parked-secrets';

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
    /**
     * Claims the chosen (or any free) number and a SIM together, or neither, from the stock the ordering
     * operator may take (a clerk: its outlet's; REQ: RES-2). `operatorId` is absent in orders started
     * before stock was held per outlet: they take the shared stock, as they always did.
     */
    async preemptResources(input: {
      orderId: string;
      msisdn?: string;
      operatorId?: string;
    }): Promise<HeldResources> {
      const scope = await stockScopeOf(db, input.operatorId);
      try {
        const held = await db.transaction(async (tx) => {
          const number = await claimNumber(tx, input.orderId, preemptionTtlSeconds, input.msisdn, scope);
          if (!number) throw new ClaimFailed(await numberRefusal(tx, scope, input.msisdn));
          const sim = await claimSim(tx, input.orderId, preemptionTtlSeconds, scope);
          if (!sim) throw new ClaimFailed(simRefusal(scope));
          return { ...number, ...sim };
        });
        countPreempted({ number: 1, sim: 1 });
        return held;
      } catch (err) {
        if (err instanceof ClaimFailed) throw err.failure;
        throw err;
      }
    },

    /** Undo of preemptResources: gives back whatever the order still holds. */
    async releaseResources(input: { orderId: string }): Promise<{ numbers: number; sims: number }> {
      const released = await releaseOrderResources(db, input.orderId);
      countReleased({ number: released.numbers, sim: released.sims });
      return released;
    },

    /**
     * Number and SIM become in use and bound to each other, and the line (subscriber) is created with the
     * deposit as its opening balance and the service password parked by the API, if one was given (REQ:
     * OPEN-6, Q-1: only its hash is copied; the parked secret is marked used); fails if the hold was lost.
     */
    async commitResources(input: {
      orderId: string;
      msisdn: string;
      iccid: string;
      customerId: string;
      productCode: string;
      internationalRoaming: boolean;
      openingBalanceFen: number;
      servicePasswordRef?: string;
    }): Promise<void> {
      const servicePasswordHash = input.servicePasswordRef
        ? await parkedHash(db, input.servicePasswordRef)
        : null;
      await commitHeld(
        db,
        async (tx) => {
          const sim = await commitOrderResources(tx, input.orderId, input.msisdn, input.iccid);
          if (!sim) tx.rollback();
          if (input.servicePasswordRef) await markParkedSecretUsed(tx, input.servicePasswordRef);
          await createSubscriber(tx, {
            servicePasswordHash,
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

    /**
     * Run by a Schedule every minute: expired pre-emptions and reservations released, ended cool-downs made
     * unused (RES-3); round-robin turns kept for retries forgotten after a day (WO-4).
     */
    async tidyExpiredPreemptions(): Promise<Awaited<ReturnType<typeof releaseExpiredPreemptions>>> {
      await pruneRoundRobinTurns(db);
      return releaseExpiredPreemptions(db);
    },

    /** Run by the daily Schedule: the day's stock report, replacing the day's rows (idempotent). */
    async writeDailyStockReport(input: { reportDate: string }): Promise<{ rows: number }> {
      return { rows: await writeStockReport(db, input.reportDate) };
    },
  };
}

/**
 * Why no number could be claimed: the chosen one is taken, unknown or — for a clerk — not in its outlet's
 * stock (its holder and state named); or the stock the operator may take has no free number left.
 */
export async function numberRefusal(
  db: DbOrTx,
  scope: StockScope,
  msisdn: string | undefined,
): Promise<ReturnType<typeof businessFailure>> {
  const stock = scope.kind === 'units' ? `the stock of ${scope.codes.join(' / ')}` : 'the shared stock';
  if (!msisdn) return businessFailure('NoNumberAvailable', `No free number is left in ${stock}`);
  const holding = await numberHolding(db, msisdn);
  const where = !holding
    ? 'unknown'
    : `state ${holding.status}, held by ${holding.holderCode ?? 'central stock'}`;
  const outside =
    scope.kind === 'units' && holding && !scope.codes.includes(holding.holderCode ?? '')
      ? "not in this outlet's stock; a clerk pre-empts only numbers issued to its outlet"
      : scope.kind === 'shared' && holding?.holderCode && holding.status === 'unused'
        ? 'issued into the organisation tree; only the clerks it was issued to may pre-empt it'
        : 'taken or unknown';
  return businessFailure('NumberUnavailable', `Number ${msisdn} is not available (${outside}; ${where})`, {
    msisdn,
    state: holding?.status ?? null,
    holderCode: holding?.holderCode ?? null,
  });
}

export function simRefusal(scope: StockScope): ReturnType<typeof businessFailure> {
  return businessFailure(
    'SimUnavailable',
    scope.kind === 'units'
      ? `No SIM card is available in the stock of ${scope.codes.join(' / ')}`
      : 'No SIM card is available in stock',
  );
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
