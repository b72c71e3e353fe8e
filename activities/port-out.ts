import { and, eq, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { findPortOutFacts } from '../db/queries/number-portability';
import { numbers, simCards, subscribers, customers } from '../db/schema';
import { portOutEligibility, type PortOutFailure } from '../domain/number-portability';
import type { PortOutRequest } from '../domain/port-out';
import type { AppConfig } from '../temporal.config';
import type { ClearingSystemAdapter } from './adapters/clearing';
import { businessFailure, transientFailure } from './failures';

/**
 * Port-out (携号转网, we are the donor), REQ: MNP-1, MNP-5: eligibility and identity, the order's hold on the
 * line (`locked_by`), the answer to the clearing system and the line closed at switch-over. Every write is
 * conditional on the hold, so retries change nothing twice.
 */
export function createPortOutActivities({
  db,
  clearing,
  config,
}: {
  db: Db;
  clearing: ClearingSystemAdapter;
  config: AppConfig;
}) {
  const heldBy = (msisdn: string, orderId: string) =>
    and(eq(subscribers.msisdn, msisdn), eq(subscribers.lockedBy, orderId));

  return {
    /**
     * REQ: MNP-1 — every reason the number cannot port out now, and whether the identity shown matches the
     * owner (null when no identity is given).
     */
    async assessPortOut(input: {
      orderId: string;
      msisdn: string;
      identity: PortOutRequest['identity'] | null;
    }): Promise<{ failures: PortOutFailure[]; identityMatches: boolean | null }> {
      const facts = await findPortOutFacts(db, input.msisdn);
      const { failures } = portOutEligibility(
        { line: facts, now: new Date() },
        { minTenureDays: config.MNP_MIN_TENURE_DAYS },
      );
      if (!input.identity) return { failures, identityMatches: null };
      const [owner] = await db
        .select({ idType: customers.idType, idNumber: customers.idNumber })
        .from(subscribers)
        .innerJoin(customers, eq(customers.id, subscribers.customerId))
        .where(eq(subscribers.msisdn, input.msisdn));
      const identityMatches =
        !!owner &&
        owner.idType === input.identity.idType &&
        owner.idNumber.toUpperCase() === input.identity.idNumber.toUpperCase();
      return { failures, identityMatches };
    },

    /** Holds the line for the order (no other order may change it); already held by the order is fine. */
    async holdLineForPortOut(input: { orderId: string; msisdn: string }): Promise<void> {
      await db
        .update(subscribers)
        .set({ lockedBy: input.orderId, updatedAt: sql`now()` })
        .where(
          and(
            eq(subscribers.msisdn, input.msisdn),
            isNull(subscribers.lockedBy),
            notInArray(subscribers.status, ['cancelled', 'preCancelled']),
          ),
        );
      const [line] = await db
        .select({ msisdn: subscribers.msisdn })
        .from(subscribers)
        .where(heldBy(input.msisdn, input.orderId));
      if (!line)
        throw businessFailure(
          'SubscriberNotActive',
          `Line ${input.msisdn} is held by another order or no longer open`,
          { msisdn: input.msisdn },
        );
    },

    /** Undo of `holdLineForPortOut`: the line is free again (unless it was already closed). */
    async releasePortOutHold(input: { orderId: string; msisdn: string }): Promise<void> {
      await db
        .update(subscribers)
        .set({ lockedBy: null, updatedAt: sql`now()` })
        .where(and(heldBy(input.msisdn, input.orderId), ne(subscribers.status, 'cancelled')));
    },

    /** REQ: MNP-5 — our answer to a recipient's request, through the clearing system. */
    async answerPortOut(input: {
      orderId: string;
      clearingRef: string;
      accept: boolean;
      reasonCode?: string;
    }): Promise<void> {
      try {
        await clearing.answerPortOut({
          requestId: `${input.orderId}:answer:${input.clearingRef}`,
          clearingRef: input.clearingRef,
          accept: input.accept,
          ...(input.reasonCode === undefined ? {} : { reasonCode: input.reasonCode }),
        });
      } catch (err) {
        throw transientFailure('ClearingSystemFailed', `Port-out answer failed: ${(err as Error).message}`);
      }
    },

    /** The balance the final bill settles, of the line the order holds. */
    async portOutBalance(input: { orderId: string; msisdn: string }): Promise<{ balanceFen: number }> {
      const [row] = await db
        .select({ balanceFen: subscribers.balanceFen })
        .from(subscribers)
        .where(heldBy(input.msisdn, input.orderId));
      if (!row)
        throw businessFailure('SubscriberNotActive', `Line ${input.msisdn} is not held by this order`);
      return { balanceFen: row.balanceFen };
    },

    /**
     * REQ: MNP-5 — at switch-over, in one transaction: line `cancelled` (zero balance, the final bill was
     * settled just before), number `portedOut` (never sold again by us), SIM retired. Re-running is a no-op.
     */
    async closePortedOutLine(input: { orderId: string; msisdn: string }): Promise<void> {
      await db.transaction(async (tx) => {
        const [line] = await tx
          .update(subscribers)
          .set({ status: 'cancelled', balanceFen: 0, updatedAt: sql`now()` })
          .where(and(heldBy(input.msisdn, input.orderId), ne(subscribers.status, 'cancelled')))
          .returning({ iccid: subscribers.iccid });
        if (!line) return;
        await tx
          .update(numbers)
          .set({
            status: 'portedOut',
            preemptedBy: null,
            preemptedUntil: null,
            availableFrom: null,
            updatedAt: sql`now()`,
          })
          .where(eq(numbers.msisdn, input.msisdn));
        await tx
          .update(simCards)
          .set({ status: 'damaged', msisdn: null, updatedAt: sql`now()` })
          .where(eq(simCards.iccid, line.iccid));
      });
    },
  };
}
