import { asc, eq } from 'drizzle-orm';
import {
  PaymentDeclinedError,
  type BankAdapter,
  type SimulatedBankAccount,
} from '../activities/adapters/bank';
import type { BankAccountCheck, BankAccountVerification } from '../domain/bank-accounts';
import { simulateCall, type SimContext } from './behaviour';
import type { SimulatedCharge, SimulatedRefund } from './control';
import { bankAccounts, bankCharges, bankDeclined, bankRefunds } from './schema';
import { nextRef, serially } from './serially';

/**
 * The simulated bank. It vouches only for the accounts opened with `openAccount`; charges to declined
 * accounts are refused, others always have funds. Charges and refunds are idempotent per key.
 */
export class DbBank implements BankAdapter {
  constructor(private readonly ctx: SimContext) {}

  async charge(req: { idempotencyKey: string; amountFen: number; account: string }) {
    await simulateCall(this.ctx, 'bank', 'charge');
    return serially(this.ctx.db, `bank:charge:${req.idempotencyKey}`, async (tx) => {
      const [existing] = await tx
        .select()
        .from(bankCharges)
        .where(eq(bankCharges.idempotencyKey, req.idempotencyKey));
      if (existing) return { bankRef: existing.bankRef };
      const [declined] = await tx.select().from(bankDeclined).where(eq(bankDeclined.accountNo, req.account));
      if (declined) throw new PaymentDeclinedError(`account ${req.account} declined`);
      const bankRef = `BANK-${await nextRef(tx, 'bank_refs')}`;
      await tx.insert(bankCharges).values({ ...req, bankRef });
      return { bankRef };
    });
  }

  async refund(req: { idempotencyKey: string; chargeRef: string; amountFen: number }) {
    await simulateCall(this.ctx, 'bank', 'refund');
    await this.ctx.db.insert(bankRefunds).values(req).onConflictDoNothing();
    return { refundRef: `REFUND-${req.idempotencyKey}` };
  }

  async verifyAccount(check: BankAccountCheck): Promise<BankAccountVerification> {
    await simulateCall(this.ctx, 'bank', 'verify');
    const [row] = await this.ctx.db
      .select()
      .from(bankAccounts)
      .where(eq(bankAccounts.accountNo, check.accountNo));
    if (!row) return { valid: false, reason: 'unknownAccount' };
    const account = row.account as SimulatedBankAccount;
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

  /** Opens (or replaces) an account the bank will vouch for: tests and the demo set them up. */
  async openAccount(accountNo: string, account: SimulatedBankAccount): Promise<void> {
    await this.ctx.db
      .insert(bankAccounts)
      .values({ accountNo, account })
      .onConflictDoUpdate({ target: bankAccounts.accountNo, set: { account } });
  }

  async decline(accountNo: string): Promise<void> {
    await this.ctx.db.insert(bankDeclined).values({ accountNo }).onConflictDoNothing();
  }

  async charges(filter: { account?: string } = {}): Promise<SimulatedCharge[]> {
    const rows = await this.ctx.db
      .select()
      .from(bankCharges)
      .where(filter.account === undefined ? undefined : eq(bankCharges.account, filter.account))
      .orderBy(asc(bankCharges.seq));
    return rows.map(({ idempotencyKey, amountFen, account, bankRef }) => ({
      idempotencyKey,
      amountFen,
      account,
      bankRef,
    }));
  }

  async refunds(filter: { chargeRef?: string } = {}): Promise<SimulatedRefund[]> {
    const rows = await this.ctx.db
      .select()
      .from(bankRefunds)
      .where(filter.chargeRef === undefined ? undefined : eq(bankRefunds.chargeRef, filter.chargeRef))
      .orderBy(asc(bankRefunds.seq));
    return rows.map(({ idempotencyKey, chargeRef, amountFen }) => ({ idempotencyKey, chargeRef, amountFen }));
  }
}

/**
 * REQ: OPEN-5 — the accounts the simulated bank vouches for in the demo: the walk-through customer 张三's bank
 * card and the demo enterprise's corporate account (对公帐号) with its seal card.
 */
export const demoBankAccounts: readonly (readonly [string, SimulatedBankAccount])[] = [
  ['6222021234567890', { kind: 'card', holderIdNumber: '110101199003071234' }],
  [
    '6222000011112222',
    {
      kind: 'corporate',
      unitCertificateNo: 'UC-20240001',
      businessLicenceNo: '91110000MA01ABCD1X',
      sealCardNo: 'SEAL-BJ-0001',
    },
  ],
];
