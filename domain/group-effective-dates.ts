/** REQ: GRP-2 — how a group package takes effect (套餐生效方式). Without zod: group workflows import it. */
export const effectiveModes = ['immediate', 'nextCycle'] as const;
export type EffectiveMode = (typeof effectiveModes)[number];

/**
 * REQ: GRP-2 — when terms chosen now take effect: now, or the first day of the next month (the billing
 * cycle) at 00:00 business time.
 */
export function effectiveFrom(mode: EffectiveMode, now: Date, utcOffsetHours: number): Date {
  if (mode === 'immediate') return now;
  const local = new Date(now.getTime() + utcOffsetHours * 3_600_000);
  const firstOfNext = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 1);
  return new Date(firstOfNext - utcOffsetHours * 3_600_000);
}
