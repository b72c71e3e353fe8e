import { z } from 'zod';

/**
 * REQ: GRP-4 — what BBOSS (the national group business platform) sends back about a group product order it
 * accepted earlier: `POST /api/v1/callbacks/bboss`, signed like the clearing system's callbacks.
 */
export const bbossOrderAnsweredSchema = z.object({
  event: z.literal('orderAnswered'),
  /** BBOSS's reference, given when the order was submitted. */
  bbossRef: z.string().min(1).max(64),
  /** Our order ID, as submitted. */
  orderId: z.string().min(1).max(120),
  outcome: z.enum(['completed', 'rejected']),
  /** Why BBOSS rejected the order (stable code and text). */
  reasonCode: z.string().max(64).optional(),
  reason: z.string().max(500).optional(),
  /** When BBOSS decided (ISO 8601). */
  answeredAt: z.iso.datetime({ offset: true }),
});
export const bbossCallbackSchema = z.discriminatedUnion('event', [bbossOrderAnsweredSchema]);
export type BbossCallback = z.infer<typeof bbossCallbackSchema>;
export type BbossOrderAnswered = z.infer<typeof bbossOrderAnsweredSchema>;

/** Where the API hands a verified BBOSS callback. */
export interface BbossCallbackSink {
  /** `unknownOrder` when no group order is waiting for this callback (the API answers 404). */
  deliver(callback: BbossCallback): Promise<'accepted' | 'unknownOrder'>;
}
