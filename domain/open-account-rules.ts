import { bankAccountRefusalCodes, type BankAccountCheck } from './bank-accounts';
import { rule } from './bilingual-messages';
import type { ErrorCode } from './errors';
import type { Customer, OpeningPayment, Payment } from './open-account';

/**
 * Account opening (开户) and payment rules — who pays and what the bank is asked, completeness, the price
 * quote. Source §2.1, §6.1. No schema here: workflows import this module, and the request schemas (zod, in
 * `open-account.ts`) are the API's, not something every cached workflow should evaluate.
 */

/**
 * REQ: OPEN-5 — the codes a business ends `rejected` with when its payment is refused before any charge: the
 * bank did not vouch for the account, or an individual paid from a corporate account.
 */
export const paymentRefusalCodes = [
  ...bankAccountRefusalCodes,
  'CorporateAccountEnterpriseOnly',
] as const satisfies readonly ErrorCode[];

/** REQ: OPEN-4, OPEN-5 — the rule an individual paying from a corporate account breaks. */
export const corporateAccountRule = rule(
  'a corporate account (对公帐号) is for enterprise customers only',
  '对公帐号只能用于单位客户',
);

/** REQ: OPEN-4, OPEN-5 — a corporate account pays for an enterprise customer only. */
export function corporateAccountMisused(request: {
  customer: Pick<Customer, 'kind'>;
  payment: Payment;
}): boolean {
  return request.payment.method === 'corporateAccount' && request.customer.kind !== 'enterprise';
}

/**
 * REQ: OPEN-5 — who pays, as far as the bank's check needs it: an enterprise's unit certificate and business
 * licence vouch for its corporate account. For an existing line the payer is the line's owner, as its customer
 * record has it; for a new customer (opening, port-in), the customer keyed in.
 */
export type PaymentPayer =
  { kind: 'individual' } | { kind: 'enterprise'; unitCertificateNo: string; businessLicenceNo: string };

/** Whom a charge is for: a new customer's data, or an existing line (whose owner pays). */
export type PayerRef = { customer: Customer } | { msisdn: string };

/** The payer as the bank's check sees a customer keyed in. */
export function payerOf(customer: Customer): PaymentPayer {
  return customer.kind === 'enterprise'
    ? {
        kind: 'enterprise',
        unitCertificateNo: customer.unitCertificateNo,
        businessLicenceNo: customer.businessLicenceNo,
      }
    : { kind: 'individual' };
}

/**
 * REQ: OPEN-5 — what the bank is asked to confirm before a payment is charged: a card by its holder's ID
 * number, a corporate account by its payer's unit certificate and business licence and the seal card. Null
 * for cash; `enterpriseOnly` for a corporate account of an individual (refused, nothing asked).
 */
export function paymentCheckOf(
  payment: Payment,
  payer: PaymentPayer,
): { check: BankAccountCheck } | { enterpriseOnly: true } | null {
  if (payment.method === 'bankCard') {
    return { check: { kind: 'card', accountNo: payment.cardNo, holderIdNumber: payment.holderIdNumber } };
  }
  if (payment.method !== 'corporateAccount') return null;
  if (payer.kind !== 'enterprise') return { enterpriseOnly: true };
  return {
    check: {
      kind: 'corporate',
      accountNo: payment.bankAccountNo,
      unitCertificateNo: payer.unitCertificateNo,
      businessLicenceNo: payer.businessLicenceNo,
      sealCardNo: payment.sealCardNo,
    },
  };
}

/**
 * REQ: OPEN-5 — the opening's check (`paymentCheckOf` with the customer keyed in). Null for cash, and for a
 * corporate account of an individual (refused before: `corporateAccountMisused`).
 */
export function bankAccountCheckOf(request: {
  customer: Customer;
  payment: Payment;
}): BankAccountCheck | null {
  const decided = paymentCheckOf(request.payment, payerOf(request.customer));
  return decided && 'check' in decided ? decided.check : null;
}

/**
 * REQ: OPEN-3 — completeness before acceptance: the items still missing, empty when complete. The API's
 * schema already refuses such input; the workflow checks again because any client may start it.
 */
export function missingCustomerData(customer: Customer): string[] {
  const missing: string[] = [];
  const blank = (v: string | undefined) => !v || v.trim() === '';
  if (blank(customer.name)) missing.push('name');
  if (blank(customer.address)) missing.push('address');
  if (blank(customer.contactPhone)) missing.push('contactPhone');
  if (customer.kind === 'individual') {
    if (blank(customer.idNumber)) missing.push('idNumber');
  } else {
    if (blank(customer.unitCertificateNo)) missing.push('unitCertificateNo');
    if (blank(customer.businessLicenceNo)) missing.push('businessLicenceNo');
    if (blank(customer.agent?.idNumber)) missing.push('agent.idNumber');
  }
  return missing;
}

export interface ProductPrice {
  code: string;
  name: string;
  simFeeFen: number;
  depositFen: number;
  monthlyFeeFen: number;
}

export interface QuoteLine {
  item: 'simFee' | 'deposit' | 'selectionFee' | 'roamingDeposit';
  label: { zh: string; en: string };
  amountFen: number;
}

export interface Quote {
  lines: QuoteLine[];
  totalFen: number;
}

/** Who pays and how, as far as the deposit depends on it. */
export interface Payer {
  customerKind: Customer['kind'];
  paymentMethod: OpeningPayment['method'];
  /** The bank verified the account (OPEN-5); false for cash. */
  bankVerified: boolean;
}

/**
 * REQ: OPEN-4, OPEN-5 — no deposit (预存款) for a corporate account (对公帐号, source §6.1.4 "对公帐号除外"): only an
 * enterprise customer's, and only once the bank has verified it.
 */
export function depositWaived(payer: Payer): boolean {
  return (
    payer.customerKind === 'enterprise' && payer.paymentMethod === 'corporateAccount' && payer.bankVerified
  );
}

/**
 * REQ: OPEN-4, OPEN-5 — the payer of an opening as its quote sees it. A card or corporate account counts as
 * verified: the workflow quotes only after the bank has vouched for it (a refusal ends the order unquoted),
 * and a quote asked before submitting assumes the account given will pass.
 */
export function openingPayer(request: { customer: Customer; payment: Payment }): Payer {
  return {
    customerKind: request.customer.kind,
    paymentMethod: request.payment.method,
    bankVerified: bankAccountCheckOf(request) !== null,
  };
}

/**
 * REQ: OPEN-4 — price of opening an account: SIM fee, deposit (预存款), selection fee (选号费) and, when
 * roaming is asked for, the international-roaming deposit. The deposit is waived as `depositWaived` says.
 */
export function quoteOpenAccount(input: {
  product: ProductPrice;
  selectionFeeFen: number;
  internationalRoaming: boolean;
  payer: Payer;
  roamingDepositFen: number;
}): Quote {
  const lines: QuoteLine[] = [
    { item: 'simFee', label: { zh: 'SIM 卡费', en: 'SIM card fee' }, amountFen: input.product.simFeeFen },
    {
      item: 'deposit',
      label: { zh: '预存款', en: 'Prepaid deposit' },
      amountFen: depositWaived(input.payer) ? 0 : input.product.depositFen,
    },
    {
      item: 'selectionFee',
      label: { zh: '选号费', en: 'Number selection fee' },
      amountFen: input.selectionFeeFen,
    },
  ];
  if (input.internationalRoaming) {
    lines.push({
      item: 'roamingDeposit',
      label: { zh: '国际漫游押金', en: 'International roaming deposit' },
      amountFen: input.roamingDepositFen,
    });
  }
  return { lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0) };
}

/** The prepaid deposit (预存款) of a quote: it becomes the new line's opening balance. */
export function depositOf(quote: Quote): number {
  return quote.lines.find((l) => l.item === 'deposit')?.amountFen ?? 0;
}

/** REQ: OPEN-6 — shown on an account opening without a service password (source §6.1.5). */
export const servicePasswordAdvice = {
  zh: '客户未设置服务密码：建议客户设置服务密码（6 位数字），凭密码可办理查询及营业厅、热线的鉴权业务',
  en: 'No service password was set: advise the customer to set one (6 digits); it is needed for password-checked queries and services at the counter and the hotline',
};
