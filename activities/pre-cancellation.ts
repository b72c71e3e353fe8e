import type { Db } from '../db/client';
import { recordPayout } from '../db/queries/billing';
import {
  billsBefore,
  closeLine,
  enterGrace,
  heldBalance,
  leaveGrace,
  lineHeldBy,
  recordLineSettlement,
} from '../db/queries/pre-cancellation';
import { findLineWithOwner } from '../db/queries/subscribers';
import { businessDateTime } from '../domain/business-calendar';
import {
  extraDepositDue,
  preCancellationIdentityRefusal,
  preCancellationOwner,
  type IdentityRefusal,
  type PreCancellationIdentity,
} from '../domain/pre-cancellation';
import type { AppConfig } from '../temporal.config';
import type { HlrAdapter } from './adapters/hlr';
import type { SmsGateway } from './adapters/sms';
import { businessFailure, transientFailure } from './failures';
import { stableRef } from './keys';
import { createSmsSender } from './sms';

/** What the counter learns about the line before anything changes (REQ: PC-3, PC-4). */
export interface PreCancellationAssessment {
  /** The identity rule broken, or null (REQ: PC-3). A refusal is an answer, not an error. */
  refusal: IdentityRefusal | null;
  customerKind: 'individual' | 'enterprise';
  internationalRoaming: boolean;
  balanceFen: number;
  /** What the customer owes today: the negative part of the prepaid balance, which already carries this month. */
  arrearsFen: number;
  averageBillFen: number;
  /** REQ: PC-4 — extra deposit due; 0 when neither roaming nor a high average bill. */
  extraDepositFen: number;
  /** Taken now: the month settled (arrears) plus the extra deposit, only when the deposit is due (PC-4). */
  settlementFen: number;
}

/**
 * Pre-cancellation (预销号) and formal cancellation (销号), source §6.3. Each effect sits next to its undo;
 * all are idempotent per order, because the database writes are conditional on the order's hold on the line
 * and the HLR calls carry `<order>:<step>` request IDs.
 */
export function createPreCancellationActivities({
  db,
  hlr,
  sms,
  config,
}: {
  db: Db;
  hlr: HlrAdapter;
  sms: SmsGateway;
  config: AppConfig;
}) {
  const sendSms = createSmsSender({ db, sms });
  const hlrCall = async (what: string, call: () => Promise<void>) => {
    try {
      await call();
    } catch (err) {
      throw transientFailure('ProvisioningFailed', `HLR ${what} failed: ${(err as Error).message}`);
    }
  };

  /** Un-bars and returns the line to `active` while the order holds it; `debitFen` leaves the balance. */
  const release = async (input: { orderId: string; msisdn: string; debitFen: number }, step: string) => {
    // Checked first: a line the order never held may be barred for another reason and must stay so.
    if (!(await lineHeldBy(db, input.msisdn, input.orderId))) return;
    await hlrCall('un-barring', () =>
      hlr.setBarring({ requestId: `${input.orderId}:${step}`, msisdn: input.msisdn, barred: false }),
    );
    await leaveGrace(db, input);
  };

  return {
    /** Reads the line and its owner; refuses a line that does not exist or is not active. */
    async assessPreCancellation(input: {
      orderId: string;
      msisdn: string;
      identity: PreCancellationIdentity;
    }): Promise<PreCancellationAssessment> {
      const found = await findLineWithOwner(db, input.msisdn);
      if (!found?.owner)
        throw businessFailure('SubscriberNotFound', `No line with number ${input.msisdn}`, {
          msisdn: input.msisdn,
        });
      const { line, owner } = found;
      if (line.status !== 'active' || line.lockedBy)
        throw businessFailure(
          'SubscriberNotActive',
          `Line ${input.msisdn} is ${line.status}${line.lockedBy ? `, held by order ${line.lockedBy}` : ''}; ` +
            'only an active line that no other order holds can be pre-cancelled',
          { msisdn: input.msisdn, status: line.status },
        );
      const refusal = preCancellationIdentityRefusal(preCancellationOwner(owner), input.identity);
      const deposit = extraDepositDue({
        internationalRoaming: line.internationalRoaming,
        lastThreeBillsFen: await billsBefore(db, input.msisdn, currentPeriod(config), 3),
        thresholdFen: config.PRE_CANCEL_BILL_THRESHOLD_FEN,
        depositFen: config.PRE_CANCEL_EXTRA_DEPOSIT_FEN,
      });
      const arrearsFen = Math.max(0, -line.balanceFen);
      return {
        refusal,
        customerKind: owner.kind,
        internationalRoaming: line.internationalRoaming,
        balanceFen: line.balanceFen,
        arrearsFen,
        averageBillFen: deposit.averageBillFen,
        extraDepositFen: deposit.amountFen,
        settlementFen: deposit.due ? arrearsFen + deposit.amountFen : 0,
      };
    },

    /**
     * REQ: PC-5 — the grace starts: the line becomes `preCancelled`, held by the order, the settlement paid
     * just before is credited to its balance, and all service is barred on the HLR.
     */
    async suspendForGrace(input: { orderId: string; msisdn: string; creditFen: number }): Promise<void> {
      if (!(await enterGrace(db, input)))
        throw businessFailure('SubscriberNotActive', `Line ${input.msisdn} changed state before the grace`, {
          msisdn: input.msisdn,
        });
      await hlrCall('barring', () =>
        hlr.setBarring({ requestId: `${input.orderId}:bar`, msisdn: input.msisdn, barred: true }),
      );
    },

    /** Undo of suspendForGrace: service back and the settlement credit taken off again (it is refunded). */
    async restoreService(input: { orderId: string; msisdn: string; creditFen: number }): Promise<void> {
      await release({ ...input, debitFen: input.creditFen }, 'restore');
    },

    /**
     * REQ: PC-6 — the customer revokes during the grace: service is restored. What was paid at
     * pre-cancellation stays on the prepaid balance, where it pays the line's next bills.
     */
    async revokePreCancellation(input: { orderId: string; msisdn: string }): Promise<void> {
      await release({ ...input, debitFen: 0 }, 'revoke');
    },

    /**
     * REQ: PC-5 — the grace has ended and service stays barred: the customer is texted to come in person by
     * `visitBy` (business time in the text). Once per order: the event key is `<order>:graceEnded`.
     */
    async remindGraceEnded(input: { orderId: string; msisdn: string; visitBy: string }): Promise<void> {
      await sendSms({
        eventKey: `${input.orderId}:graceEnded`,
        msisdn: input.msisdn,
        template: 'preCancellationGraceEnded',
        params: {
          msisdn: input.msisdn,
          visitBy: businessDateTime(new Date(input.visitBy), config.BUSINESS_UTC_OFFSET_HOURS),
        },
      });
    },

    /**
     * REQ: PC-5 — who came to the counter for the formal cancellation, against the owner of the line the order
     * still holds: the PC-3 rules (an individual in person with the original ID; an enterprise's agent with
     * both documents). A refusal is an answer, not an error.
     */
    async verifyVisitor(input: {
      orderId: string;
      msisdn: string;
      identity: PreCancellationIdentity;
    }): Promise<{ refusal: IdentityRefusal | null }> {
      const found = await findLineWithOwner(db, input.msisdn);
      if (!found?.owner || found.line.status !== 'preCancelled' || found.line.lockedBy !== input.orderId)
        throw businessFailure('SubscriberNotActive', `Line ${input.msisdn} is no longer held by this order`);
      return { refusal: preCancellationIdentityRefusal(preCancellationOwner(found.owner), input.identity) };
    },

    /**
     * REQ: PC-5 — a line cancelled without the customer's visit: a credit is kept for refund on request
     * (`refundDue`), arrears are handed to collection (`collection`); nothing is paid out or charged.
     */
    async recordUnsettledBalance(input: {
      orderId: string;
      msisdn: string;
      balanceFen: number;
    }): Promise<void> {
      if (input.balanceFen === 0) return;
      await recordLineSettlement(db, {
        orderId: input.orderId,
        msisdn: input.msisdn,
        kind: input.balanceFen > 0 ? 'refundDue' : 'collection',
        amountFen: Math.abs(input.balanceFen),
      });
    },

    /** REQ: PC-5 — the balance the final bill settles: positive is overpayment, negative is arrears. */
    async finalBalance(input: { orderId: string; msisdn: string }): Promise<{ balanceFen: number }> {
      const balanceFen = await heldBalance(db, input.msisdn, input.orderId);
      if (balanceFen === null)
        throw businessFailure('SubscriberNotActive', `Line ${input.msisdn} is no longer in this grace`);
      return { balanceFen };
    },

    /**
     * REQ: PC-5 — overpayment paid back to the customer, recorded as money out with its receipt: handed over
     * in cash at the counter, or (the simulated bank has no payout call) recorded for the finance run to pay
     * to the customer's card or account.
     */
    async refundOverpayment(input: {
      orderId: string;
      paymentKey: string;
      amountFen: number;
      method: string;
    }): Promise<{ receiptNo: string }> {
      return recordPayout(db, {
        id: input.paymentKey,
        orderId: input.orderId,
        method: input.method,
        amountFen: input.amountFen,
        receiptNo: stableRef('RFND', input.paymentKey),
      });
    },

    /**
     * REQ: PC-5 — formal cancellation: line cancelled, number to the recycle pool for the cool-down, SIM
     * retired. Run after the HLR de-provisioning.
     */
    async closeLine(input: { orderId: string; msisdn: string }): Promise<{ availableFrom: string | null }> {
      const { closed, availableFrom } = await closeLine(db, {
        ...input,
        cooldownSeconds: config.RECYCLE_COOLDOWN_DAYS * 86_400,
      });
      if (!closed)
        throw businessFailure('SubscriberNotActive', `Line ${input.msisdn} is no longer in this grace`);
      return { availableFrom: availableFrom?.toISOString() ?? null };
    },
  };
}

/** `YYYY-MM` of today in business time: the month being billed, left out of the previous three (PC-4). */
function currentPeriod(config: AppConfig, now = new Date()): string {
  const local = new Date(now.getTime() + config.BUSINESS_UTC_OFFSET_HOURS * 3_600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}
