import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { findParkedSecret, markParkedSecretUsed } from '../db/queries/parked-secrets';
import { claimSim } from '../db/queries/resources';
import { createSubscriber } from '../db/queries/subscribers';
import { numbers, simCards } from '../db/schema';
import { createSecretBox } from '../infra/secret-box';
import type { ClearingSystemAdapter } from './adapters/clearing';
import { businessFailure, transientFailure } from './failures';
import { commitHeld } from './resources';

/** The segment a number brought in from another operator is filed under in our pool. */
export const PORTED_SEGMENT = 'ported';

/**
 * Port-in (携号转网, we are the recipient), REQ: MNP-3…MNP-5: the SIM for the incoming number, the calls to
 * the clearing system, and the line created at switch-over.
 */
export function createPortInActivities({
  db,
  clearing,
  preemptionTtlSeconds,
  secretsKey,
}: {
  db: Db;
  clearing: ClearingSystemAdapter;
  preemptionTtlSeconds: number;
  /** Config `SECRETS_KEY`: opens the authorization code parked (sealed) with the order. */
  secretsKey: string;
}) {
  const box = createSecretBox(secretsKey);

  return {
    /** Pre-empts a SIM (only: the number is the donor's until switch-over). Undo: `releaseResources`. */
    async preemptPortInSim(input: { orderId: string }): Promise<{ iccid: string; imsi: string }> {
      const sim = await claimSim(db, input.orderId, preemptionTtlSeconds);
      if (!sim) throw businessFailure('SimUnavailable', 'No SIM card is available in stock');
      return sim;
    },

    /**
     * REQ: MNP-5 — asks the donor, through the clearing system, to let the number go, quoting the customer's
     * authorization code: parked sealed with the order, opened here only, so it is in no workflow input,
     * argument or history. Idempotent per `attempt`: re-submitting (a new attempt) makes the clearing system
     * re-send its answer.
     */
    async submitPortIn(input: {
      orderId: string;
      attempt: number;
      msisdn: string;
      authorizationCodeRef: string;
    }): Promise<{ clearingRef: string }> {
      const parked = await findParkedSecret(db, input.authorizationCodeRef);
      if (!parked?.sealed || parked.orderId !== input.orderId) {
        throw businessFailure(
          'AuthorizationCodeUnavailable',
          `The authorization code of port-in ${input.orderId} was already used or never given`,
        );
      }
      const authorizationCode = box.open(parked.sealed);
      try {
        return await clearing.submitPortIn({
          requestId: `${input.orderId}:submit:${input.attempt}`,
          msisdn: input.msisdn,
          authorizationCode,
          recipientOrderId: input.orderId,
        });
      } catch (err) {
        throw transientFailure(
          'ClearingSystemFailed',
          `Port-in submission failed: ${(err as Error).message}`,
        );
      }
    },

    /**
     * REQ: MNP-5 — the code is no longer needed once the donor has answered (or the order is undone): the
     * sealed copy is wiped and the parked secret marked used. Re-running changes nothing.
     */
    async forgetPortInAuthorizationCode(input: { authorizationCodeRef: string }): Promise<void> {
      await markParkedSecretUsed(db, input.authorizationCodeRef);
    },

    /** Undo of `submitPortIn`: withdraws the port-in at the clearing system (MNP-5, before switch-over). */
    async cancelPortInRequest(input: { orderId: string; clearingRef: string }): Promise<void> {
      try {
        await clearing.cancelPortIn({ requestId: `${input.orderId}:cancel`, clearingRef: input.clearingRef });
      } catch (err) {
        throw transientFailure(
          'ClearingSystemFailed',
          `Port-in withdrawal failed: ${(err as Error).message}`,
        );
      }
    },

    /**
     * At switch-over: the ported number enters our pool in use (segment `ported`), the pre-empted SIM is
     * bound to it and the line is created. Re-running after success is a no-op.
     */
    async commitPortInLine(input: {
      orderId: string;
      msisdn: string;
      iccid: string;
      customerId: string;
      productCode: string;
    }): Promise<void> {
      await commitHeld(
        db,
        async (tx) => {
          await tx
            .insert(numbers)
            .values({
              msisdn: input.msisdn,
              segment: PORTED_SEGMENT,
              status: 'inUse',
              preemptedBy: input.orderId,
            })
            .onConflictDoUpdate({
              target: numbers.msisdn,
              set: {
                segment: PORTED_SEGMENT,
                status: 'inUse',
                preemptedBy: input.orderId,
                preemptedUntil: null,
                availableFrom: null,
                updatedAt: sql`now()`,
              },
            });
          const [sim] = await tx
            .update(simCards)
            .set({ status: 'inUse', msisdn: input.msisdn, preemptedUntil: null, updatedAt: sql`now()` })
            .where(and(eq(simCards.iccid, input.iccid), eq(simCards.preemptedBy, input.orderId)))
            .returning({ imsi: simCards.imsi });
          if (!sim) tx.rollback();
          await createSubscriber(tx, {
            msisdn: input.msisdn,
            customerId: input.customerId,
            iccid: input.iccid,
            imsi: sim?.imsi ?? '',
            productCode: input.productCode,
            internationalRoaming: false,
            balanceFen: 0,
          });
        },
        `The hold on SIM ${input.iccid} expired and was taken by another order`,
      );
    },
  };
}
