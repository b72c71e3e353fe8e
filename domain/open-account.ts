import { z } from 'zod';
import { required, rule } from './bilingual-messages';
import { nonBlankText } from './text-fields';
import { msisdnSchema } from './numbers';
import { corporateAccountMisused, corporateAccountRule } from './open-account-rules';

/** The rules of an opening and of paying, which workflows import without the schemas below. */
export {
  bankAccountCheckOf,
  corporateAccountMisused,
  corporateAccountRule,
  depositOf,
  depositWaived,
  missingCustomerData,
  openingPayer,
  payerOf,
  paymentCheckOf,
  paymentRefusalCodes,
  quoteOpenAccount,
  servicePasswordAdvice,
  type Payer,
  type PayerRef,
  type PaymentPayer,
  type ProductPrice,
  type Quote,
  type QuoteLine,
} from './open-account-rules';

/** Account opening (开户) — the request and the payment schemas (the rules are in open-account-rules.ts). */

/** A contact phone number's rule (also of a change of customer data). */
export const phoneRule = rule('must be a phone number of 7-15 digits', '应为 7-15 位电话号码（可带 +）');
/** A service password's rule (服务密码, six digits). */
export const sixDigitsRule = rule('must be 6 digits', '应为 6 位数字');
/** A product code, as the catalogue has it. */
export const productCodeSchema = z
  .string()
  .regex(/^[A-Z0-9-]{2,32}$/, rule('must be a product code such as VOICE-58', '应为产品编码，例如 VOICE-58'));

const phoneSchema = z.string().regex(/^\+?\d{7,15}$/, phoneRule);
const nonBlank = (what: string) => nonBlankText(200, 1, required(what));

/** REQ: MNP-2 / OPEN-3 — identity documents accepted at the counter. */
export const idTypes = ['idCard', 'temporaryIdCard', 'drivingLicence', 'passport'] as const;

/** A second-generation resident ID card number: 17 digits and a check character (digit or X). */
const idCardNumberOk = (p: { idType: string; idNumber: string }) =>
  p.idType !== 'idCard' || /^\d{17}[\dX]$/.test(p.idNumber);
const idCardRule = {
  message: rule(
    'an ID card number is 17 digits followed by a digit or X',
    '身份证号码应为 17 位数字加 1 位校验码（数字或 X）',
  ),
  path: ['idNumber'],
};

const personIdentitySchema = z
  .object({
    name: nonBlank('name'),
    idType: z.enum(idTypes),
    idNumber: nonBlankText(32, 5, required('idNumber')),
  })
  .refine(idCardNumberOk, idCardRule);

/** REQ: OPEN-3 — the customer type follows the identity presented. */
export const customerSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('individual'),
      name: nonBlank('name'),
      idType: z.enum(idTypes),
      idNumber: nonBlankText(32, 5, required('idNumber')),
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

const cashPayment = z.object({ method: z.literal('cash') });
/** REQ: OPEN-5 — a bank card (银行卡) with the ID number of its holder (帐户户主身份证), checked by the bank. */
const bankCardPayment = z.object({
  method: z.literal('bankCard'),
  cardNo: z.string().regex(/^\d{12,19}$/, rule('must be 12-19 digits', '应为 12-19 位数字')),
  holderIdNumber: nonBlankText(32, 5, required('holderIdNumber')).describe(
    "The account holder's ID number (帐户户主身份证), checked by the bank",
  ),
});
/** 对公帐号: its unit certificate and business licence are the enterprise customer's (OPEN-5). */
const corporateAccountPayment = z.object({
  method: z.literal('corporateAccount'),
  bankAccountNo: z.string().regex(/^\d{8,30}$/, rule('must be 8-30 digits', '应为 8-30 位数字')),
  sealCardNo: nonBlank('sealCardNo').describe('The seal card (印鉴卡) the bank keeps for the account'),
});

/**
 * REQ: OPEN-5 — how a customer pays, at account opening and in every other business that takes money (recharge,
 * fees, the settlement and arrears of a cancellation, the port-in fee…), source §6.1.3: cash, a bank card with
 * its holder's ID number, or a corporate account (对公帐号) with its seal card; the bank verifies either account
 * before anything is charged (billing's `chargePayment`).
 */
export const paymentSchema = z.discriminatedUnion('method', [
  cashPayment,
  bankCardPayment,
  corporateAccountPayment,
]);
export type Payment = z.infer<typeof paymentSchema>;

/** REQ: OPEN-5 — how a new customer pays at account opening: the same methods, verified the same way. */
export const openingPaymentSchema = paymentSchema;
export type OpeningPayment = Payment;

export const openAccountRequestSchema = z
  .object({
    type: z.literal('openAccount'),
    customer: customerSchema,
    /** The chosen number; omit it and the system picks a free one. */
    msisdn: msisdnSchema.optional(),
    productCode: productCodeSchema,
    internationalRoaming: z.boolean().default(false),
    /** REQ: OPEN-6 — a service password is suggested; six digits when given. */
    servicePassword: z
      .string()
      .regex(/^\d{6}$/, sixDigitsRule)
      .optional(),
    payment: openingPaymentSchema,
  })
  .refine((r) => !corporateAccountMisused(r), { message: corporateAccountRule, path: ['payment', 'method'] });
export type OpenAccountRequest = z.infer<typeof openAccountRequestSchema>;
