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
  /** REQ: OPEN-5 — a corporate account is verified with the bank before use. */
  verifyCorporateAccount(req: { accountNo: string }): Promise<{ valid: boolean }>;
}

/** A bank in memory. Accounts listed in `declinedAccounts` are refused; others always have funds. */
export class BankSimulator implements BankAdapter {
  readonly charges = new Map<string, { amountFen: number; account: string; bankRef: string }>();
  readonly refunds = new Map<string, { chargeRef: string; amountFen: number }>();
  readonly declinedAccounts = new Set<string>();
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

  async verifyCorporateAccount(req: { accountNo: string }) {
    await simulateCall('bank', 'verify', this.options);
    return { valid: !this.declinedAccounts.has(req.accountNo) };
  }
}
