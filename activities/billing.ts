import type { Db } from '../db/client';
import { findPayment, markRefunded, recordCharge } from '../db/queries/billing';
import { findActiveProduct } from '../db/queries/products';
import type { BankAccountCheck, BankAccountVerification } from '../domain/bank-accounts';
import { quoteOpenAccount, type Payer, type Payment, type Quote } from '../domain/open-account';
import { PaymentDeclinedError, type BankAdapter } from './adapters/bank';
import { businessFailure, transientFailure } from './failures';
import { stableRef } from './keys';

/** Price quotes, charges and refunds (REQ: OPEN-4, OPEN-5, OPEN-6). */
export function createBillingActivities({
  db,
  bank,
  roamingDepositFen,
}: {
  db: Db;
  bank: BankAdapter;
  roamingDepositFen: number;
}) {
  return {
    async quoteOpenAccount(input: {
      productCode: string;
      selectionFeeFen: number;
      internationalRoaming: boolean;
      payer: Payer;
    }): Promise<Quote> {
      const product = await findActiveProduct(db, input.productCode);
      if (!product)
        throw businessFailure(
          'ProductNotFound',
          `Product ${input.productCode} does not exist or is withdrawn`,
        );
      return quoteOpenAccount({ ...input, product, roamingDepositFen });
    },

    /**
     * REQ: OPEN-5 — asks the bank to vouch for the account before it is charged (a card's holder, a corporate
     * account's unit documents and seal card). It only reads, so a retry asks again; the answer is data the
     * workflow branches on.
     */
    async verifyBankAccount(check: BankAccountCheck): Promise<BankAccountVerification> {
      return bank.verifyAccount(check).catch(asTransient);
    },

    /**
     * Takes the payment once per `paymentKey` and issues a receipt. Cash is taken at the counter; a card or a
     * corporate account goes through the bank (verified before, where the business asks for it: OPEN-5).
     */
    async chargePayment(input: {
      orderId: string;
      paymentKey: string;
      amountFen: number;
      payment: Payment;
    }): Promise<{ receiptNo: string; bankRef: string | null }> {
      const already = await findPayment(db, input.paymentKey);
      if (already) return { receiptNo: already.receiptNo, bankRef: already.bankRef };
      let bankRef: string | null = null;
      const account = bankAccountOf(input.payment);
      if (account && input.amountFen > 0) {
        try {
          ({ bankRef } = await bank.charge({
            idempotencyKey: input.paymentKey,
            amountFen: input.amountFen,
            account,
          }));
        } catch (err) {
          if (err instanceof PaymentDeclinedError)
            throw businessFailure('PaymentDeclined', `The bank declined the payment: ${err.message}`);
          return asTransient(err);
        }
      }
      const row = await recordCharge(db, {
        id: input.paymentKey,
        orderId: input.orderId,
        method: input.payment.method,
        amountFen: input.amountFen,
        bankRef,
        receiptNo: stableRef('RCPT', input.paymentKey),
      });
      return { receiptNo: row.receiptNo, bankRef: row.bankRef };
    },

    /** Undo of chargePayment: returns the money; nothing to do if no charge was made. */
    async refundPayment(input: { paymentKey: string }): Promise<void> {
      const payment = await findPayment(db, input.paymentKey);
      if (!payment || payment.status === 'refunded') return;
      if (payment.bankRef) {
        await bank
          .refund({
            idempotencyKey: `${input.paymentKey}:refund`,
            chargeRef: payment.bankRef,
            amountFen: payment.amountFen,
          })
          .catch(asTransient);
      }
      await markRefunded(db, input.paymentKey);
    },
  };
}

function bankAccountOf(payment: Payment): string | null {
  if (payment.method === 'bankCard') return payment.cardNo;
  if (payment.method === 'corporateAccount') return payment.bankAccountNo;
  return null;
}

function asTransient(err: unknown): never {
  throw transientFailure(
    'Unavailable',
    `Bank call failed: ${err instanceof Error ? err.message : String(err)}`,
  );
}
