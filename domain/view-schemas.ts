import { z } from 'zod';
import { orderStatusSchema } from './orders';

/**
 * The shapes of what staff read that the services build and the API documents: a bilingual label and an
 * order's timeline entry.
 */
/** A text staff read, in Chinese and English. */
export const labelSchema = z.object({ zh: z.string(), en: z.string() });

export const timelineEntrySchema = z.object({
  status: orderStatusSchema,
  statusLabel: labelSchema,
  step: z.string().nullable(),
  at: z.string().describe('ISO 8601 time'),
  actor: z.string().describe('Operator ID, or "system" for automatic steps'),
  reason: z.string().nullable(),
});
