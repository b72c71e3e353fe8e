import { z } from 'zod';
import { msisdnSchema } from './numbers';

/** Account opening (开户) — the request, the completeness rule and the price quote. Source §2.1, §6.1. */

const phoneSchema = z.string().regex(/^\+?\d{7,15}$/, 'must be a phone number of 7-15 digits');
const nonBlank = (what: string) => z.string().trim().min(1, `${what} is required`).max(200);

/** REQ: MNP-2 / OPEN-3 — identity documents accepted at the counter. */
export const idTypes = ['idCard', 'temporaryIdCard', 'drivingLicence', 'passport'] as const;

/** A second-generation resident ID card number: 17 digits and a check character (digit or X). */
const idCardNumberOk = (p: { idType: string; idNumber: string }) =>
  p.idType !== 'idCard' || /^\d{17}[\dX]$/.test(p.idNumber);
const idCardRule = { message: 'an ID card number is 17 digits followed by a digit or X', path: ['idNumber'] };

const personIdentitySchema = z
  .object({
    name: nonBlank('name'),
    idType: z.enum(idTypes),
    idNumber: z.string().trim().min(5, 'idNumber is required').max(32),
  })
  .refine(idCardNumberOk, idCardRule);

/** REQ: OPEN-3 — the customer type follows the identity presented. */
export const customerSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('individual'),
      name: nonBlank('name'),
      idType: z.enum(idTypes),
      idNumber: z.string().trim().min(5, 'idNumber is required').max(32),
      address: nonBlank('address'),
      contactPhone: phoneSchema,
      agent: personIdentitySchema.optional(),
    })
    .refine(idCardNumberOk, idCardRule),
  z.object({
    kind: z.literal('enterprise'),
    name: nonBlank('name'),
    unitCertificateNo: nonBlank('unitCertificateNo'),
    businessLicenceNo: nonBlank('businessLicenceNo'),
    address: nonBlank('address'),
    contactPhone: phoneSchema,
    agent: personIdentitySchema,
  }),
]);
export type Customer = z.infer<typeof customerSchema>;

/** REQ: OPEN-5 — how the customer pays. A corporate account (对公帐号) is verified with the bank first. */
export const paymentSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('cash') }),
  z.object({
    method: z.literal('bankCard'),
    cardNo: z.string().regex(/^\d{12,19}$/, 'must be 12-19 digits'),
  }),
  z.object({
    method: z.literal('corporateAccount'),
    bankAccountNo: z.string().regex(/^\d{8,30}$/, 'must be 8-30 digits'),
    sealCardNo: nonBlank('sealCardNo'),
  }),
]);
export type Payment = z.infer<typeof paymentSchema>;

export const openAccountRequestSchema = z.object({
  type: z.literal('openAccount'),
  customer: customerSchema,
  /** The chosen number; omit it and the system picks a free one. */
  msisdn: msisdnSchema.optional(),
  productCode: z.string().regex(/^[A-Z0-9-]{2,32}$/, 'must be a product code such as VOICE-58'),
  internationalRoaming: z.boolean().default(false),
  /** REQ: OPEN-6 — a service password is suggested; six digits when given. */
  servicePassword: z
    .string()
    .regex(/^\d{6}$/, 'must be 6 digits')
    .optional(),
  payment: paymentSchema,
});
export type OpenAccountRequest = z.infer<typeof openAccountRequestSchema>;

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

/**
 * REQ: OPEN-4 — price of opening an account: SIM fee, deposit (预存款), selection fee (选号费) and, when
 * roaming is asked for, the international-roaming deposit. Corporate-account customers pay no deposit.
 */
export function quoteOpenAccount(input: {
  product: ProductPrice;
  selectionFeeFen: number;
  internationalRoaming: boolean;
  corporateAccount: boolean;
  roamingDepositFen: number;
}): Quote {
  const lines: QuoteLine[] = [
    { item: 'simFee', label: { zh: 'SIM 卡费', en: 'SIM card fee' }, amountFen: input.product.simFeeFen },
    {
      item: 'deposit',
      label: { zh: '预存款', en: 'Prepaid deposit' },
      amountFen: input.corporateAccount ? 0 : input.product.depositFen,
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
