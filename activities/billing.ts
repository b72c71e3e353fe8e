import type { Db } from '../db/client';
import { findLineOwnerAsPayer, findPayment, markRefunded, recordCharge } from '../db/queries/billing';
import { findActiveProduct } from '../db/queries/products';
import {
  bankAccountRefusal,
  type BankAccountCheck,
  type BankAccountVerification,
} from '../domain/bank-accounts';
import {
  corporateAccountRule,
  paymentCheckOf,
  payerOf,
  quoteOpenAccount,
  type Payer,
  type PayerRef,
  type Payment,
  type PaymentPayer,
  type Quote,
} from '../domain/open-account';
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
  /** REQ: OPEN-5 — the payer as the bank's check needs it: the customer keyed in, or the line's owner. */
  async function payerFor(ref: PayerRef): Promise<PaymentPayer> {
    if ('customer' in ref) return payerOf(ref.customer);
    const owner = await findLineOwnerAsPayer(db, ref.msisdn);
    if (!owner?.kind)
      throw businessFailure('SubscriberNotFound', `No line with number ${ref.msisdn}`, {
        msisdn: ref.msisdn,
      });
    if (owner.kind !== 'enterprise') return { kind: 'individual' };
    return {
      kind: 'enterprise',
      unitCertificateNo: owner.idNumber ?? '',
      businessLicenceNo: businessLicenceOf(owner.details),
    };
  }

  /** REQ: OPEN-5 — the bank vouches for the account against its payer, or the charge is refused. */
  async function verifyBeforeCharge(payment: Payment, payer: PaymentPayer): Promise<void> {
    const decided = paymentCheckOf(payment, payer);
    if (!decided) return;
    if ('enterpriseOnly' in decided)
      throw businessFailure('CorporateAccountEnterpriseOnly', `payment.method: ${corporateAccountRule}`);
    const verification = await bank.verifyAccount(decided.check).catch(asTransient);
    if (!verification.valid) {
      const { code, message } = bankAccountRefusal(decided.check, verification.reason);
      throw businessFailure(code, message);
    }
  }

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
     * corporate account goes through the bank, and only once the bank has vouched for it against `payer`
     * (REQ: OPEN-5): every business that takes money passes here, so none charges an unverified account. A
     * corporate account of an individual is refused `CorporateAccountEnterpriseOnly`, a bank refusal ends with
     * `CorporateAccountNotVerified`, `BankCardHolderMismatch` or `BankCardNotVerified` — nothing charged.
     */
    async chargePayment(input: {
      orderId: string;
      paymentKey: string;
      amountFen: number;
      payment: Payment;
      /** Who pays: the new customer keyed in, or the existing line whose owner pays. */
      payer: PayerRef;
    }): Promise<{ receiptNo: string; bankRef: string | null }> {
      let bankRef: string | null = null;
      const account = bankAccountOf(input.payment);
      if (account && input.amountFen > 0) {
        // A retry after the bank took the money must not ask it again. Cash needs no look-up: recording the
        // charge is itself once per key, and answers a retry with the receipt first issued.
        const already = await findPayment(db, input.paymentKey);
        if (already) return { receiptNo: already.receiptNo, bankRef: already.bankRef };
        await verifyBeforeCharge(input.payment, await payerFor(input.payer));
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

/** An enterprise record keeps its business licence among its details (see the customers activities). */
function businessLicenceOf(details: unknown): string {
  const licence = (details as { businessLicenceNo?: unknown } | null)?.businessLicenceNo;
  return typeof licence === 'string' ? licence : '';
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
