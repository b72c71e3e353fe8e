/**
 * REQ: PC-5 — when a pre-cancellation's grace ends and by when the customer must come in person. Pure and
 * without zod: the pre-cancellation workflow imports it (the request schemas are in `pre-cancellation.ts`).
 */

/**
 * REQ: PC-5 — the grace ends N calendar months after the day of pre-cancellation, at 00:00 business time;
 * a day that the target month lacks becomes that month's last day (30 Nov + 3 months → 28 Feb).
 */
export function graceEndsAt(startedAt: Date, months: number, utcOffsetHours: number): Date {
  const offsetMs = utcOffsetHours * 3_600_000;
  const local = new Date(startedAt.getTime() + offsetMs);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const targetYear = y + Math.floor(m / 12);
  const targetMonth = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  return new Date(Date.UTC(targetYear, targetMonth, day) - offsetMs);
}

/**
 * REQ: PC-5 — by when the customer must come in person to cancel formally: `visitDays` days after the grace
 * ends (so 00:00 business time too), or `visitSeconds` seconds when set (demos and tests).
 */
export function visitDeadline(
  graceEnd: Date,
  settings: { visitDays: number; visitSeconds: number | null },
): Date {
  const seconds = settings.visitSeconds ?? settings.visitDays * 86_400;
  return new Date(graceEnd.getTime() + seconds * 1_000);
}
