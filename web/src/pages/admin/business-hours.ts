/**
 * REQ: CH-4 — the API's business-hours pattern (`HH:MM-HH:MM` in business time, ending at 24:00 at the
 * latest), checked in the console too so a typo is named beside the field before submitting.
 */
export const businessHoursPattern = /^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Business hours as typed: empty means any time (undefined). */
export function businessHoursOf(text: string | undefined): string | undefined {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? undefined : trimmed;
}
