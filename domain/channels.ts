import { z } from 'zod';
import { rule } from './bilingual-messages';
import { nonBlankText } from './text-fields';
import { channelTypeSchema, type ChannelType } from './access';
import { parseWindow } from './business-hours';

/**
 * REQ: CH-1 — channel interfaces (渠道接口) and their codes. A code is `<PREFIX>-<LOCATION>-<NNN>`: the
 * prefix names the type, the location the city, NNN counts within both. Type and location live in the code,
 * so a code is unique by type and location by construction and neither can change after creation.
 */
export const channelCodePrefixes = {
  bank: 'BANK',
  agentL1: 'AG1',
  agentL2: 'AG2',
  ownStore: 'STORE',
  website: 'WEB',
  callCentre: 'CC',
} as const satisfies Record<ChannelType, string>;

/** A city code (城市编码): 2–6 capital letters, e.g. BJ. */
export const locationSchema = z
  .string()
  .regex(
    /^[A-Z]{2,6}$/,
    rule('a city code is 2–6 capital letters, e.g. BJ', '城市编码为 2–6 位大写字母，如 BJ'),
  )
  .describe('City code (城市编码), 2–6 capital letters, e.g. BJ');

/**
 * REQ: CH-4 — a daily window `HH:MM-HH:MM` in business time (ending at 24:00 at the latest), checked with the
 * rule that enforces it: the form is a pattern the OpenAPI document states (400), a window that opens and
 * closes at once is a business refusal (422).
 */
export const businessHoursSchema = z
  .string()
  .regex(
    /^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/,
    rule(
      'business hours are HH:MM-HH:MM (business time), e.g. 09:00-18:00; may cross midnight',
      '营业时间格式为 HH:MM-HH:MM（营业时间），如 09:00-18:00，可跨午夜',
    ),
  )
  .refine(
    isWindow,
    rule('business hours must not open and close at the same time', '营业时间的开始和结束不能相同'),
  )
  .describe('Daily window HH:MM-HH:MM in business time, e.g. 09:00-18:00');

/** What an outlet is designated for, e.g. `preCancellation` (REQ: PC-1). */
export const capabilitiesSchema = z
  .array(z.string().regex(/^[a-zA-Z][a-zA-Z0-9.]{0,39}$/, 'a capability is a word such as preCancellation'))
  .max(20)
  .describe('What the channel is designated for, e.g. ["preCancellation"]');

export const newChannelSchema = z.object({
  type: channelTypeSchema,
  location: locationSchema,
  name: nonBlankText(100),
  capabilities: capabilitiesSchema.optional(),
  businessHours: businessHoursSchema.optional(),
});
export type NewChannel = z.infer<typeof newChannelSchema>;

/** What may change; type and location are part of the code and never do. */
export const channelChangeSchema = z.strictObject({
  name: nonBlankText(100).optional(),
  capabilities: capabilitiesSchema.optional(),
  businessHours: businessHoursSchema.nullable().optional().describe('null = any time'),
  active: z.boolean().optional().describe('false retires the channel: sign-in and its live tokens stop'),
});
export type ChannelChange = z.infer<typeof channelChangeSchema>;

/** `STORE-BJ-` — every code of that type and location starts so. */
export function channelCodeStem(type: ChannelType, location: string): string {
  return `${channelCodePrefixes[type]}-${location}-`;
}

/**
 * The next code for a type and location, given the codes that already start with its stem: one above the
 * highest number in use (gaps left by others are not reused, so a retired code never comes back).
 */
export function nextChannelCode(type: ChannelType, location: string, existing: readonly string[]): string {
  const stem = channelCodeStem(type, location);
  const highest = existing
    .filter((code) => code.startsWith(stem))
    .map((code) => code.slice(stem.length))
    .filter((n) => /^\d+$/.test(n))
    .reduce((max, n) => Math.max(max, Number(n)), 0);
  return `${stem}${String(highest + 1).padStart(3, '0')}`;
}

function isWindow(text: string): boolean {
  try {
    parseWindow(text);
    return true;
  } catch {
    return false;
  }
}
