import type { Db } from '../db/client';
import { findPayment, recordPayout } from '../db/queries/billing';
import { finishOnHold } from '../db/queries/line-changes';
import { findLineWithOwner } from '../db/queries/subscribers';
import { businessFailure } from './failures';
import { stableRef } from './keys';

/**
 * The line's prepaid balance (REQ: CHG-1 recharge 充值, fee collection and refund 收/退通信费). Money comes
 * in through billing's `chargePayment` (undo `refundPayment`); these only move the balance, in the change's
 * last write, which is conditional on the order's hold — so a retried step moves it once.
 */
export function createLineBalanceActivities({ db }: { db: Db }) {
  const currentBalance = async (msisdn: string): Promise<number> => {
    const found = await findLineWithOwner(db, msisdn);
    if (!found) throw businessFailure('SubscriberNotFound', `No line with number ${msisdn}`, { msisdn });
    return found.line.balanceFen;
  };

  return {
    /** Puts money already paid on the line's balance; returns the balance after. */
    async creditBalance(input: {
      orderId: string;
      msisdn: string;
      amountFen: number;
    }): Promise<{ balanceFen: number }> {
      const line = await finishOnHold(db, { ...input, change: {}, balanceDeltaFen: input.amountFen });
      return { balanceFen: line?.balanceFen ?? (await currentBalance(input.msisdn)) };
    },

    /**
     * Pays money back from the balance at the counter: the balance must cover it, and the payout is recorded
     * as money out with its receipt — both in one transaction.
     */
    async refundFromBalance(input: {
      orderId: string;
      msisdn: string;
      amountFen: number;
    }): Promise<{ balanceFen: number; receiptNo: string }> {
      const { orderId, msisdn, amountFen } = input;
      const paymentKey = `${orderId}:refundFee`;
      const done = await db.transaction(async (tx) => {
        const line = await finishOnHold(tx, {
          msisdn,
          orderId,
          change: {},
          balanceDeltaFen: -amountFen,
          balanceAtLeastFen: amountFen,
        });
        if (!line) return null;
        const { receiptNo } = await recordPayout(tx, {
          id: paymentKey,
          orderId,
          method: 'cash',
          amountFen,
          receiptNo: stableRef('RFND', paymentKey),
        });
        return { balanceFen: line.balanceFen, receiptNo };
      });
      if (done) return done;
      const paid = await findPayment(db, paymentKey);
      if (paid) return { balanceFen: await currentBalance(msisdn), receiptNo: paid.receiptNo };
      throw businessFailure(
        'InsufficientBalance',
        `The balance of ${msisdn} (${await currentBalance(msisdn)} fen) does not cover a refund of ${amountFen} fen`,
        { msisdn, amountFen },
      );
    },
  };
}
