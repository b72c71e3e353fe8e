import { Context } from '@temporalio/activity';
import { and, eq, isNull, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { findPortOutFacts } from '../db/queries/number-portability';
import { setWrongPortOutCodes } from '../db/queries/port-out-codes';
import { numbers, portOutCodes, simCards, subscribers, customers } from '../db/schema';
import { businessDateTime } from '../domain/business-calendar';
import { identityMatches } from '../domain/identity-documents';
import { portOutEligibility, type PortOutFailure } from '../domain/number-portability';
import type { PortOutRequest } from '../domain/port-out';
import { hashAuthorizationCode, randomAuthorizationCode } from '../infra/authorization-codes';
import type { AppConfig } from '../temporal.config';
import type { ClearingSystemAdapter } from './adapters/clearing';
import type { SmsGateway } from './adapters/sms';
import { businessFailure, transientFailure } from './failures';
import { createSmsSender } from './sms';

/**
 * Port-out (携号转网, we are the donor), REQ: MNP-1, MNP-5: eligibility and identity, the order's hold on the
 * line (`locked_by`), the answer to the clearing system and the line closed at switch-over. Every write is
 * conditional on the hold, so retries change nothing twice.
 */
export function createPortOutActivities({
  db,
  clearing,
  sms,
  config,
}: {
  db: Db;
  clearing: ClearingSystemAdapter;
  sms: SmsGateway;
  config: AppConfig;
}) {
  const heldBy = (msisdn: string, orderId: string) =>
    and(eq(subscribers.msisdn, msisdn), eq(subscribers.lockedBy, orderId));
  const sendSms = createSmsSender({ db, sms });
  const texted = async (send: () => Promise<unknown>) => {
    try {
      await send();
    } catch (err) {
      throw transientFailure('SmsGatewayFailed', `The SMS could not be sent: ${(err as Error).message}`);
    }
  };

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
      return { failures, identityMatches: identityMatches(input.identity, owner) };
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

    /**
     * REQ: MNP-5, NOTIF-1 — draws the order's authorization code from the cryptographic random source, stores
     * its keyed hash with the expiry and texts the code to the holder's phone; answers when it was sent, never
     * the code. The row is locked while one attempt texts: once a code was sent, a retry sends nothing and the
     * holder keeps it; a code stored by an attempt that died before sending it is replaced. Only an attempt
     * that died after the gateway took its message leaves the holder a second text, whose new code is then
     * the only valid one (each attempt has its own event key, so the gateway never merges two codes).
     */
    async issuePortOutCode(input: {
      orderId: string;
      msisdn: string;
      expiresAt: string;
    }): Promise<{ sentAt: string }> {
      const code = randomAuthorizationCode();
      const codeHash = hashAuthorizationCode(config.SECRETS_KEY, input.orderId, code);
      const expiresAt = new Date(input.expiresAt);
      const attempt = Context.current().info.attempt;
      const thisOrder = eq(portOutCodes.orderId, input.orderId);
      return db.transaction(async (tx) => {
        await tx
          .insert(portOutCodes)
          .values({ orderId: input.orderId, msisdn: input.msisdn, codeHash, expiresAt })
          .onConflictDoNothing();
        const [row] = await tx.select().from(portOutCodes).where(thisOrder).for('update');
        if (row?.sentAt) return { sentAt: row.sentAt.toISOString() };
        if (row?.codeHash !== codeHash) {
          await tx.update(portOutCodes).set({ codeHash, expiresAt }).where(thisOrder);
        }
        // The message is recorded in this transaction too: it holds one connection, not two, while it waits.
        await texted(() =>
          createSmsSender({ db: tx, sms })({
            eventKey: `${input.orderId}:portOutCode:${attempt}`,
            msisdn: input.msisdn,
            template: 'portOutAuthorizationCode',
            params: { expiresAt: businessDateTime(expiresAt, config.BUSINESS_UTC_OFFSET_HOURS) },
            secretParams: { code },
          }),
        );
        const [sent] = await tx
          .update(portOutCodes)
          .set({ sentAt: sql`now()` })
          .where(thisOrder)
          .returning({ sentAt: portOutCodes.sentAt });
        return { sentAt: (sent?.sentAt ?? new Date()).toISOString() };
      });
    },

    /** REQ: MNP-5 — the wrong codes the order has refused so far, kept with its code (never counted twice). */
    async recordWrongPortOutCodes(input: { orderId: string; wrongCodes: number }): Promise<void> {
      await setWrongPortOutCodes(db, input.orderId, input.wrongCodes);
    },

    /**
     * REQ: MNP-5, NOTIF-1 — tells the holder by SMS that too many wrong codes made the code void and the
     * port-out ended; once per order.
     */
    async notifyPortOutCodeVoided(input: { orderId: string; msisdn: string }): Promise<void> {
      await texted(() =>
        sendSms({
          eventKey: `${input.orderId}:portOutCodeVoided`,
          msisdn: input.msisdn,
          template: 'portOutCodeVoided',
          params: { msisdn: input.msisdn },
        }),
      );
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
