import { z } from 'zod';

/**
 * REQ: Q-2 — what the call-centre telephony side (the switch / CTI) tells us about hotline calls. The number a
 * call came from, as the telephony side identifies it, is what makes a queried line the caller's own line
 * (本机) — never a number an agent types.
 */

/** A call's ID as the telephony side gives it. */
export const callIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1 to 64 letters, digits, ".", "_", ":" or "-"');

/** The calling number as the switch identified it: digits, optionally with a leading + (e.g. +86…). */
const phoneNumberSchema = z.string().regex(/^\+?\d{3,20}$/, 'must be 3 to 20 digits, optionally after a +');

export const telephonyEventSchema = z.discriminatedUnion('event', [
  z.object({
    event: z.literal('callStarted'),
    callId: callIdSchema,
    callerMsisdn: phoneNumberSchema.describe('The number the call came from (calling line identification)'),
    agent: z.string().min(1).max(64).describe('The operator ID of the agent the call was put through to'),
    startedAt: z.iso.datetime({ offset: true }).optional().describe('ISO 8601; when absent, when received'),
  }),
  z.object({
    event: z.literal('callEnded'),
    callId: callIdSchema,
    endedAt: z.iso.datetime({ offset: true }).optional().describe('ISO 8601; when absent, when received'),
  }),
]);
export type TelephonyEvent = z.infer<typeof telephonyEventSchema>;
export type CallStarted = Extract<TelephonyEvent, { event: 'callStarted' }>;

/**
 * The calling number as a national mobile number when it is one: `+8613900100005`, `008613900100005` and
 * `8613900100005` are `13900100005`; anything else is kept as given (a landline is never a line of ours).
 */
export function nationalNumber(callerMsisdn: string): string {
  const digits = callerMsisdn.replace(/^\+/, '');
  const national = digits.replace(/^(0086|86)(?=1\d{10}$)/, '');
  return national;
}

/** REQ: Q-2 — a call still identifies its caller: not ended, and started less than `maxMinutes` ago. */
export function callIsLive(
  call: { startedAt: Date; endedAt: Date | null },
  now: Date,
  maxMinutes: number,
): 'live' | 'ended' | 'expired' {
  if (call.endedAt !== null && call.endedAt.getTime() <= now.getTime()) return 'ended';
  if (now.getTime() - call.startedAt.getTime() > maxMinutes * 60_000) return 'expired';
  return 'live';
}
