import type { BankAccountCheck, BankAccountVerification } from '../../domain/bank-accounts';
import { simulateCall, type SimulationOptions } from './simulation';

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

/**
 * A bank in memory. It vouches only for the accounts opened with `openAccount`; charges to accounts listed in
 * `declinedAccounts` are refused, others always have funds.
 */
export class BankSimulator implements BankAdapter {
  readonly charges = new Map<string, { amountFen: number; account: string; bankRef: string }>();
  readonly refunds = new Map<string, { chargeRef: string; amountFen: number }>();
  readonly declinedAccounts = new Set<string>();
  readonly accounts = new Map<string, SimulatedBankAccount>();
  private seq = 0;

  constructor(public options: SimulationOptions) {}

  async charge(req: { idempotencyKey: string; amountFen: number; account: string }) {
    await simulateCall('bank', 'charge', this.options);
    const existing = this.charges.get(req.idempotencyKey);
    if (existing) return { bankRef: existing.bankRef };
    if (this.declinedAccounts.has(req.account))
      throw new PaymentDeclinedError(`account ${req.account} declined`);
    const bankRef = `BANK-${++this.seq}`;
    this.charges.set(req.idempotencyKey, { amountFen: req.amountFen, account: req.account, bankRef });
    return { bankRef };
  }

  async refund(req: { idempotencyKey: string; chargeRef: string; amountFen: number }) {
    await simulateCall('bank', 'refund', this.options);
    if (!this.refunds.has(req.idempotencyKey)) {
      this.refunds.set(req.idempotencyKey, { chargeRef: req.chargeRef, amountFen: req.amountFen });
    }
    return { refundRef: `REFUND-${req.idempotencyKey}` };
  }

  /** Opens (or replaces) an account the bank will vouch for: tests and the demo set them up. */
  openAccount(accountNo: string, account: SimulatedBankAccount): void {
    this.accounts.set(accountNo, account);
  }

  async verifyAccount(check: BankAccountCheck): Promise<BankAccountVerification> {
    await simulateCall('bank', 'verify', this.options);
    const account = this.accounts.get(check.accountNo);
    if (!account) return { valid: false, reason: 'unknownAccount' };
    if (check.kind === 'card') {
      if (account.kind !== 'card') return { valid: false, reason: 'wrongKind' };
      if (account.holderIdNumber !== check.holderIdNumber) return { valid: false, reason: 'holderMismatch' };
      return { valid: true };
    }
    if (account.kind !== 'corporate') return { valid: false, reason: 'wrongKind' };
    if (account.unitCertificateNo !== check.unitCertificateNo)
      return { valid: false, reason: 'unitCertificateMismatch' };
    if (account.businessLicenceNo !== check.businessLicenceNo)
      return { valid: false, reason: 'businessLicenceMismatch' };
    if (account.sealCardNo !== check.sealCardNo) return { valid: false, reason: 'sealCardMismatch' };
    return { valid: true };
  }
}
