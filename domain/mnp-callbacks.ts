import { z } from 'zod';
import { msisdnSchema } from './numbers';

/**
 * REQ: MNP-5 — what the central clearing system (携号转网集中管理平台) sends us, at
 * `POST /api/v1/callbacks/mnp`, signed with `x-clearing-signature` (hex HMAC-SHA256 of the raw body).
 * A callback may arrive more than once (the clearing system re-sends when we re-submit); receivers are
 * idempotent per `clearingRef`.
 */
export const portInAnsweredSchema = z.object({
  event: z.literal('portInAnswered'),
  clearingRef: z.string().min(1).describe('The clearing system reference returned by submitPortIn'),
  orderId: z.string().min(1).describe('Our (recipient) order that asked for the port-in'),
  accepted: z.boolean().describe('Whether the donor operator agreed'),
  reasonCode: z.string().min(1).optional().describe('Donor reason code when rejected'),
  reason: z.string().min(1).optional().describe('Donor reason (Chinese) when rejected'),
  switchOverAt: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Proposed switch-over time when accepted'),
});

export const portOutRequestedSchema = z.object({
  event: z.literal('portOutRequested'),
  clearingRef: z.string().min(1).describe('Reference to quote in answerPortOut'),
  msisdn: msisdnSchema.describe('Our number the other operator asks for'),
  authorizationCode: z
    .string()
    .min(1)
    .max(64)
    .describe(
      'The authorization code the customer gave the recipient; checked against the stored hash by the API, ' +
        'never passed on to the workflow',
    ),
  recipientOperator: z.string().min(1).describe('The operator the number moves to'),
});

export const mnpCallbackSchema = z
  .discriminatedUnion('event', [portInAnsweredSchema, portOutRequestedSchema])
  .superRefine((cb, ctx) => {
    if (cb.event !== 'portInAnswered') return;
    if (cb.accepted && !cb.switchOverAt)
      ctx.addIssue({ code: 'custom', path: ['switchOverAt'], message: 'required when accepted is true' });
    if (!cb.accepted && !cb.reasonCode)
      ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: 'required when accepted is false' });
  });

export type MnpCallback = z.infer<typeof mnpCallbackSchema>;
export type PortInAnswered = z.infer<typeof portInAnsweredSchema>;
export type PortOutRequested = z.infer<typeof portOutRequestedSchema>;

/**
 * REQ: MNP-5 — how the code a recipient quoted compares with the port-out order's code: `valid`; `wrong` (it
 * is not the code, or no code was issued: counted towards the limit); `expired`; `locked` (the limit of wrong
 * codes was reached: even the right code is refused).
 */
export type PortOutCodeVerdict = 'valid' | 'wrong' | 'expired' | 'locked';

/**
 * What the port-out workflow is told of a `portOutRequested` callback: the verdict on the code, never the code
 * itself (the API checks it against the stored hash), so no code enters a signal or a workflow history.
 */
export interface PortOutRequestVerdict {
  clearingRef: string;
  recipientOperator: string;
  verdict: PortOutCodeVerdict;
}

/**
 * REQ: MNP-5 — the verdict on a quoted code, given whether it matches the stored hash, the order's code
 * (null when none was issued), the wrong codes counted so far and their limit. The limit comes first: once
 * reached, the code is void.
 */
export function portOutCodeVerdict(
  code: { matches: boolean; failedAttempts: number; expiresAt: Date } | null,
  rule: { maxAttempts: number; now: Date },
): PortOutCodeVerdict {
  if (!code) return 'wrong';
  if (code.failedAttempts >= rule.maxAttempts) return 'locked';
  if (!code.matches) return 'wrong';
  return rule.now.getTime() < code.expiresAt.getTime() ? 'valid' : 'expired';
}

/** Where the API hands a verified clearing-system callback. */
export interface MnpCallbackSink {
  /** `unknownOrder` when no port-in / port-out is waiting for this callback (the API answers 404). */
  deliver(callback: MnpCallback): Promise<'accepted' | 'unknownOrder'>;
}
