import { z } from 'zod';
import { required, rule } from './bilingual-messages';
import { nonBlankText } from './text-fields';
import { msisdnSchema } from './numbers';
import {
  corporateAccountMisused,
  corporateAccountRule,
  customerSchema,
  paymentSchema,
  productCodeSchema,
} from './open-account';

export { missingPortingMaterials } from './port-in-materials';

/**
 * Port-in (携号转网, we are the recipient) — the request and the materials rule. Source §5 (REQ: MNP-2…MNP-5).
 */

/** REQ: MNP-4 — where the customer asks: at a store, or online with the materials uploaded. */
export const portInChannels = ['store', 'online'] as const;

export const portInRequestSchema = z
  .object({
    type: z.literal('portIn'),
    /** The number to bring in from the donor operator. */
    msisdn: msisdnSchema,
    donorOperator: nonBlankText(100, 1, required('donorOperator')),
    /** REQ: MNP-5 — the authorization code the donor gave the customer. */
    authorizationCode: z
      .string()
      .regex(/^[A-Z0-9]{6}$/, rule('must be 6 uppercase letters or digits', '应为 6 位大写字母或数字')),
    /** REQ: MNP-2 — the identity document shown (idCard, temporaryIdCard, drivingLicence, passport). */
    customer: customerSchema,
    /** REQ: MNP-3 — the porting agreement must be signed. */
    agreementSigned: z.literal(true, {
      error: rule(
        'the porting agreement must be signed (agreementSigned: true)',
        '须签署携号转网协议（agreementSigned: true）',
      ),
    }),
    channel: z.enum(portInChannels),
    /** REQ: MNP-4 — references of the uploaded materials; required (non-empty) online. */
    documentUploads: z.array(nonBlankText(500)).max(20).optional(),
    productCode: productCodeSchema,
    payment: paymentSchema,
  })
  .refine((r) => !corporateAccountMisused(r), { message: corporateAccountRule, path: ['payment', 'method'] })
  .refine((r) => r.channel !== 'online' || (r.documentUploads?.length ?? 0) > 0, {
    message: rule(
      'an online port-in must carry the uploaded materials (documentUploads, non-empty)',
      '网上办理携号转入须上传证件材料（documentUploads 不能为空）',
    ),
    path: ['documentUploads'],
  });
export type PortInRequest = z.infer<typeof portInRequestSchema>;
