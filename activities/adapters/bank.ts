import type { BankAccountCheck, BankAccountVerification } from '../../domain/bank-accounts';

export class PaymentDeclinedError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PaymentDeclinedError';
  }
}

/** The bank / payment gateway. Every call carries an idempotency key, so a retried call moves money once. */
export interface BankAdapter {
  /** Takes money; throws PaymentDeclinedError when the bank says no. */
  charge(req: { idempotencyKey: string; amountFen: number; account: string }): Promise<{ bankRef: string }>;
  refund(req: {
    idempotencyKey: string;
    chargeRef: string;
    amountFen: number;
  }): Promise<{ refundRef: string }>;
  /**
   * REQ: OPEN-5 — asks the bank whether the account exists as that kind and is held by whom the customer says
   * (a card's holder ID; a corporate account's unit certificate, business licence and seal card). Reads only.
   */
  verifyAccount(check: BankAccountCheck): Promise<BankAccountVerification>;
}

/** An account the simulated bank holds, with what it knows of its holder. */
export type SimulatedBankAccount =
  | { kind: 'card'; holderIdNumber: string }
  | { kind: 'corporate'; unitCertificateNo: string; businessLicenceNo: string; sealCardNo: string };
