import { z } from 'zod';
import { required } from './bilingual-messages';
import { nonBlankText } from './text-fields';
import { msisdnSchema } from './numbers';
import { idTypes } from './open-account';

/**
 * Port-out (携号转网, we are the donor) — the request. Source §5 (REQ: MNP-1, MNP-5). The holder asks for an
 * authorization code; the recipient operator quotes it through the clearing system.
 */
export const portOutRequestSchema = z.object({
  type: z.literal('portOut'),
  /** Our number the holder wants to take to another operator. */
  msisdn: msisdnSchema,
  /** The identity document shown; it must match the line's owner. */
  identity: z.object({
    idType: z.enum(idTypes),
    idNumber: nonBlankText(64, 1, required('idNumber')),
  }),
});
export type PortOutRequest = z.infer<typeof portOutRequestSchema>;
