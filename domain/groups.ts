import { z } from 'zod';
import { rule } from './bilingual-messages';
import { msisdnSchema } from './numbers';
import { attributeValuesSchema } from './product-spec';
import { nonBlankText } from './text-fields';
import { effectiveModes, type EffectiveMode } from './group-effective-dates';

/**
 * Group business (集团业务): group product orders sent to BBOSS and the product's members, source
 * "和对讲业务操作手册" (REQ: GRP-1…GRP-9). Each request is an order type of its own.
 */

/** A group customer's code (集团编码): 10 digits. */
export const groupCodeSchema = z
  .string()
  .regex(/^\d{10}$/, rule('must be a group code of 10 digits', '应为 10 位数字的集团编号'));

/** A code of the group product catalogue, e.g. `HDJ` for 和对讲. */
export const groupProductCodeSchema = z
  .string()
  .regex(
    /^[A-Z][A-Z0-9-]{1,31}$/,
    rule(
      'must be a product code of capital letters, digits and "-"',
      '应为产品编码：大写字母开头，只含大写字母、数字和“-”',
    ),
  );

const operatorIdSchema = nonBlankText(64);

/** REQ: GRP-2 — how the package takes effect (套餐生效方式). */
export { effectiveFrom, effectiveModes, type EffectiveMode } from './group-effective-dates';
export const effectiveModeSchema = z.enum(effectiveModes);

export const effectiveModeLabels: Record<EffectiveMode, { zh: string; en: string }> = {
  immediate: { zh: '立即生效', en: 'Immediately' },
  nextCycle: { zh: '下周期生效', en: 'From the next billing cycle' },
};

/** REQ: UI-1 — the group product order types as staff read them. */
export const groupProductOrderTypeLabels: Record<
  'groupOpen' | 'groupChange' | 'groupCancel',
  { zh: string; en: string }
> = {
  groupOpen: { zh: '集团产品开通', en: 'Group product opening' },
  groupChange: { zh: '集团产品变更', en: 'Group product change' },
  groupCancel: { zh: '集团产品注销', en: 'Group product cancellation' },
};

/** A tariff package chosen for the product, with its parameters (资费参数). */
export const tariffChoiceSchema = z.object({
  code: nonBlankText(40),
  params: attributeValuesSchema.default({}),
});
export type TariffChoice = z.infer<typeof tariffChoiceSchema>;

/** REQ: GRP-1…GRP-4 — open a group product (业务开通). */
export const groupOpenSchema = z.object({
  type: z.literal('groupOpen'),
  groupCode: groupCodeSchema,
  productCode: groupProductCodeSchema,
  /** REQ: GRP-1 — the group's contract the product is ordered under. */
  contractId: nonBlankText(64),
  effectiveMode: effectiveModeSchema,
  /** REQ: GRP-3 — product parameters, per the product specification. */
  attributes: attributeValuesSchema,
  tariff: tariffChoiceSchema,
  /** REQ: GRP-3 — the group's paying account (付费账户). */
  payingAccountId: nonBlankText(64),
  customerManagerId: operatorIdSchema,
  /** The staff member who submits the order (订单提交人员). */
  submitterId: operatorIdSchema,
});
export type GroupOpenRequest = z.infer<typeof groupOpenSchema>;

/** REQ: GRP-5 — what a change alters (商品操作类型). */
export const groupChangeOperations = ['tariffChange', 'attributeChange'] as const;

/** REQ: GRP-5 — change a group product's tariff or attributes (资费变更/属性变更). */
export const groupChangeSchema = z
  .object({
    type: z.literal('groupChange'),
    groupCode: groupCodeSchema,
    productCode: groupProductCodeSchema,
    operation: z.enum(groupChangeOperations),
    effectiveMode: effectiveModeSchema,
    /** Only the attributes that change. */
    attributes: attributeValuesSchema.optional(),
    tariff: tariffChoiceSchema.optional(),
    customerManagerId: operatorIdSchema,
    submitterId: operatorIdSchema,
  })
  .refine((r) => r.operation !== 'tariffChange' || r.tariff !== undefined, {
    message: rule('a tariffChange needs the new tariff', '资费变更须给出新资费'),
    path: ['tariff'],
  })
  .refine(
    (r) => r.operation !== 'attributeChange' || (r.attributes && Object.keys(r.attributes).length > 0),
    {
      message: rule('an attributeChange needs at least one attribute', '属性变更须至少给出一项属性'),
      path: ['attributes'],
    },
  );
export type GroupChangeRequest = z.infer<typeof groupChangeSchema>;

/** REQ: GRP-9 — business cancellation (业务注销); every member is removed with it. */
export const groupCancelSchema = z.object({
  type: z.literal('groupCancel'),
  groupCode: groupCodeSchema,
  productCode: groupProductCodeSchema,
  reason: nonBlankText(500),
  customerManagerId: operatorIdSchema,
  submitterId: operatorIdSchema,
});
export type GroupCancelRequest = z.infer<typeof groupCancelSchema>;

export type GroupProductRequest = GroupOpenRequest | GroupChangeRequest | GroupCancelRequest;

/** REQ: GRP-6 — add a member: group code + member number + product + member attributes. */
export const groupMemberAddSchema = z.object({
  type: z.literal('groupMemberAdd'),
  groupCode: groupCodeSchema,
  productCode: groupProductCodeSchema,
  msisdn: msisdnSchema,
  attributes: attributeValuesSchema,
});

/** REQ: GRP-7 — change a member's attributes (only those given). */
export const groupMemberChangeSchema = z.object({
  type: z.literal('groupMemberChange'),
  groupCode: groupCodeSchema,
  productCode: groupProductCodeSchema,
  msisdn: msisdnSchema,
  attributes: attributeValuesSchema.refine(
    (a) => Object.keys(a).length > 0,
    rule('must change at least one', '至少须变更一项'),
  ),
});

/** REQ: GRP-8 — delete a member. */
export const groupMemberDeleteSchema = z.object({
  type: z.literal('groupMemberDelete'),
  groupCode: groupCodeSchema,
  productCode: groupProductCodeSchema,
  msisdn: msisdnSchema,
});

export type GroupMemberAddRequest = z.infer<typeof groupMemberAddSchema>;
export type GroupMemberChangeRequest = z.infer<typeof groupMemberChangeSchema>;
export type GroupMemberDeleteRequest = z.infer<typeof groupMemberDeleteSchema>;
export type GroupMemberRequest = GroupMemberAddRequest | GroupMemberChangeRequest | GroupMemberDeleteRequest;

export const groupOrderSchemas = [
  groupOpenSchema,
  groupChangeSchema,
  groupCancelSchema,
  groupMemberAddSchema,
  groupMemberChangeSchema,
  groupMemberDeleteSchema,
] as const;

export type GroupOrderRequest = GroupProductRequest | GroupMemberRequest;

/** A group product subscription's life (the product the group ordered). */
export const groupSubscriptionStatuses = ['opening', 'active', 'cancelling', 'cancelled'] as const;
export type GroupSubscriptionStatus = (typeof groupSubscriptionStatuses)[number];
