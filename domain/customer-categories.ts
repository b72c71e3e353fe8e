import { z } from 'zod';
import { nonBlankText } from './text-fields';
import { idTypes } from './open-account';

/**
 * Customer categories (客户类别, REQ: CUST-1) and the blacklist screening of orders (REQ: CUST-2): what a
 * category may mean to the system, the API's shapes, and which customer an order concerns.
 */

/** What a category does: `vip` gets priority where queues exist, `blacklist` refuses new business. */
export const categoryEffects = ['none', 'vip', 'blacklist'] as const;
export const categoryEffectSchema = z.enum(categoryEffects);
export type CategoryEffect = z.infer<typeof categoryEffectSchema>;

export const categoryCodeSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9-]{1,31}$/, 'must be a category code such as vip (lowercase start, 2-32 chars)');

const text = (max: number) => nonBlankText(max);

const categoryFields = {
  nameZh: text(50),
  nameEn: text(100),
  note: text(500),
  effect: categoryEffectSchema,
};

export const newCategorySchema = z.object({
  code: categoryCodeSchema,
  ...categoryFields,
  note: categoryFields.note.optional(),
  effect: categoryEffectSchema.default('none'),
});
export type NewCategory = z.infer<typeof newCategorySchema>;

/** A change names at least one field, and only what it names changes; the code never changes. */
export const categoryChangeSchema = z
  .object(categoryFields)
  .partial()
  .refine(
    (c) => Object.values(c).some((v) => v !== undefined),
    'name at least one of nameZh, nameEn, note, effect',
  );
export type CategoryChange = z.infer<typeof categoryChangeSchema>;

export const identitySchema = z.object({
  idType: z.enum([...idTypes, 'unitCertificate']),
  idNumber: nonBlankText(32, 5),
});
export type Identity = z.infer<typeof identitySchema>;

export const partnerListingSchema = identitySchema.extend({
  partner: text(100).describe('The partner (bank, other operator) whose shared blacklist names the identity'),
  reason: text(500),
});
export type PartnerListing = z.infer<typeof partnerListingSchema>;
