import { z } from 'zod';
import { required, rule } from './bilingual-messages';
import { nonBlankText } from './text-fields';
import { msisdnSchema } from './numbers';
import { customerSchema, idTypes, paymentSchema, phoneRule, sixDigitsRule } from './open-account';

/** Service changes on a live line (REQ: CHG-1, CHG-2), source §2.2–2.13. Each is an order type of its own. */

const reason = nonBlankText(500, 1, required('reason'));
const amountFen = z
  .number()
  .int()
  .positive(rule('must be a positive amount in fen', '金额应为正数（单位：分）'))
  .max(10_000_000);

/** Identity shown at the counter, checked against the line's owner (REQ: CHG-2 resume after loss). */
export const holderIdentitySchema = z.object({
  idType: z.enum(idTypes),
  idNumber: nonBlankText(32, 5),
});

/** Features a line can have switched on or off at the HLR/HSS. */
export const features = [
  'internationalRoaming',
  'voicemail',
  'callForwarding',
  'volte',
  'communicationAssistant',
] as const;

export const changeNumberSchema = z.object({
  type: z.literal('changeNumber'),
  msisdn: msisdnSchema,
  /** The new number; omit it and the system picks a free one. */
  newMsisdn: msisdnSchema.optional(),
  payment: paymentSchema,
});

export const swapSimSchema = z.object({
  type: z.literal('swapSim'),
  msisdn: msisdnSchema,
  /** damaged / lost → replacement (补卡); upgrade → swap (换卡). */
  reason: z.enum(['damaged', 'lost', 'upgrade']),
  identity: holderIdentitySchema,
  payment: paymentSchema,
});

export const changeCustomerDataSchema = z
  .object({
    type: z.literal('changeCustomerData'),
    msisdn: msisdnSchema,
    name: nonBlankText(200).optional(),
    address: nonBlankText(200).optional(),
    contactPhone: z
      .string()
      .regex(/^\+?\d{7,15}$/, phoneRule)
      .optional(),
    servicePassword: z
      .string()
      .regex(/^\d{6}$/, sixDigitsRule)
      .optional(),
    identity: holderIdentitySchema,
  })
  .refine((c) => c.name ?? c.address ?? c.contactPhone ?? c.servicePassword, {
    message: rule(
      'at least one of name, address, contactPhone, servicePassword must change',
      '姓名、地址、联系电话、服务密码至少须变更一项',
    ),
    path: ['name'],
  });

export const transferOwnershipSchema = z.object({
  type: z.literal('transferOwnership'),
  msisdn: msisdnSchema,
  /** The current owner's identity, checked against the line. */
  identity: holderIdentitySchema,
  newOwner: customerSchema,
});

export const suspendSchema = z.object({ type: z.literal('suspend'), msisdn: msisdnSchema, reason });
export const resumeSchema = z.object({
  type: z.literal('resume'),
  msisdn: msisdnSchema,
  /** Required when the line was suspended after a loss report (REQ: CHG-2). */
  identity: holderIdentitySchema.optional(),
});
export const reportLossSchema = z.object({ type: z.literal('reportLoss'), msisdn: msisdnSchema, reason });

export const changeFeaturesSchema = z
  .object({
    type: z.literal('changeFeatures'),
    msisdn: msisdnSchema,
    add: z.array(z.enum(features)).default([]),
    remove: z.array(z.enum(features)).default([]),
  })
  .refine((c) => c.add.length + c.remove.length > 0, {
    message: rule('add or remove at least one feature', '至少开通或取消一项功能'),
    path: ['add'],
  });

export const changeDiscountSchema = z.object({
  type: z.literal('changeDiscount'),
  msisdn: msisdnSchema,
  /** The discount (优惠) to apply from now on, or null to remove the current one. */
  discountCode: z
    .string()
    .regex(
      /^[A-Z0-9-]{2,32}$/,
      rule('must be a discount code such as STUDENT-50', '应为优惠编码，例如 STUDENT-50'),
    )
    .nullable(),
});

export const rechargeSchema = z.object({
  type: z.literal('recharge'),
  msisdn: msisdnSchema,
  amountFen,
  payment: paymentSchema,
});

export const collectFeeSchema = z.object({
  type: z.literal('collectFee'),
  msisdn: msisdnSchema,
  amountFen,
  payment: paymentSchema,
});

export const refundFeeSchema = z.object({
  type: z.literal('refundFee'),
  msisdn: msisdnSchema,
  amountFen,
  reason,
});

export const serviceChangeSchemas = [
  changeNumberSchema,
  swapSimSchema,
  changeCustomerDataSchema,
  transferOwnershipSchema,
  suspendSchema,
  resumeSchema,
  reportLossSchema,
  changeFeaturesSchema,
  changeDiscountSchema,
  rechargeSchema,
  collectFeeSchema,
  refundFeeSchema,
] as const;

export const serviceChangeRequestSchema = z.discriminatedUnion('type', serviceChangeSchemas);
export type ServiceChangeRequest = z.infer<typeof serviceChangeRequestSchema>;
export type ServiceChangeType = ServiceChangeRequest['type'];
export const serviceChangeTypes = serviceChangeSchemas.map<ServiceChangeType>((s) => s.shape.type.value);
