import { isWorkingDay, type BusinessCalendar } from './business-calendar';

/**
 * Timing rules of number portability (携号转网): the validity of the donor's authorization code, and the
 * scheduled switch-over slot (REQ: MNP-5, with the working-day calendar of REQ: MNP-3). The code itself is
 * drawn from a cryptographic source by an activity (`infra/authorization-codes.ts`), never in a workflow.
 *
 * Pure and deterministic, because Temporal workflows import it: no Node built-ins (no `crypto`), no
 * `Date.now()` or `Math.random()`, no `Intl` time zones — the current time is always a parameter and
 * business time is UTC plus a fixed offset in hours, as in `graceEndsAt` (pre-cancellation.ts).
 */

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** An authorization code issued by the donor operator (REQ: MNP-5). */
export interface AuthorizationCode {
  code: string;
  issuedAt: Date;
  /** Exclusive limit: the code is no longer accepted at this instant. */
  expiresAt: Date;
}

/**
 * REQ: MNP-5 — when a code issued at `issuedAt` stops being valid. The validity is configurable and
 * counted in elapsed hours, not business hours: the clearing system enforces a wall-clock limit, and
 * weekends do not pause it.
 */
export function authorizationCodeExpiresAt(issuedAt: Date, validityHours: number): Date {
  if (Number.isNaN(issuedAt.getTime())) throw new RangeError('Invalid issuedAt');
  if (!Number.isFinite(validityHours) || validityHours <= 0) {
    throw new RangeError(`validityHours must be a positive number, got ${validityHours}`);
  }
  return new Date(issuedAt.getTime() + validityHours * MS_PER_HOUR);
}

/**
 * REQ: MNP-5 — whether the code may still be used at `now`. The limit is exclusive (valid while
 * `now < expiresAt`), so at the exact expiry instant the code is already refused; there is then a single
 * unambiguous answer at the boundary. `issuedAt` is not checked against `now`: it comes from the donor's
 * clock, and a little skew must not make a freshly issued code look invalid.
 */
export function isCodeValid(code: Pick<AuthorizationCode, 'expiresAt'>, now: Date): boolean {
  return now.getTime() < code.expiresAt.getTime();
}

/** Daily switch-over window in business time: slots are the whole hours `fromHour`..`toHour` inclusive. */
export interface SwitchOverWindow {
  fromHour: number;
  toHour: number;
}

/**
 * REQ: MNP-5 — the next scheduled switch-over slot after `now`: a whole hour (hh:00) inside the daily
 * window, both ends inclusive (window 9–20 → slots 09:00, 10:00, … 20:00 business time).
 *
 * Rule at the hour: the slot must be strictly later than `now`. At exactly 09:00 the answer is 10:00, not
 * 09:00 — a slot that is starting right now leaves no time to send the request to the clearing system and
 * prepare the network, so it counts as gone. 08:10 → 09:00, 13:59 → 14:00.
 *
 * Past the last slot of the day (e.g. 20:00 or later for a window to 20:00) the answer is the first slot of
 * the next day; with a calendar, the first slot of the next working day (weekends and holidays are
 * skipped, make-up working days are used). Days are business days at `utcOffsetHours`, not UTC days.
 *
 * When a calendar is given its `utcOffsetHours` must equal the one passed here; a mismatch would judge the
 * slot's date in a different zone than its hour, so it is rejected.
 */
export function nextSwitchOver(
  now: Date,
  window: SwitchOverWindow,
  utcOffsetHours: number,
  cal?: BusinessCalendar,
): Date {
  const { fromHour, toHour } = window;
  const isHour = (h: number) => Number.isInteger(h) && h >= 0 && h <= 23;
  if (!isHour(fromHour) || !isHour(toHour) || fromHour > toHour) {
    throw new RangeError(`Invalid switch-over window ${fromHour}–${toHour}: whole hours 0–23, from ≤ to`);
  }
  if (!Number.isFinite(utcOffsetHours) || Math.abs(utcOffsetHours) > 14) {
    throw new RangeError(`utcOffsetHours must be between -14 and 14, got ${utcOffsetHours}`);
  }
  if (cal && cal.utcOffsetHours !== utcOffsetHours) {
    throw new RangeError(
      `Calendar offset ${cal.utcOffsetHours} differs from switch-over offset ${utcOffsetHours}`,
    );
  }
  const offsetMs = utcOffsetHours * MS_PER_HOUR;
  const localMs = now.getTime() + offsetMs;
  if (Number.isNaN(localMs)) throw new RangeError('Invalid now');

  // Strictly after now: the next hh:00 boundary, even when now is exactly on one.
  const candidate = Math.floor(localMs / MS_PER_HOUR) * MS_PER_HOUR + MS_PER_HOUR;
  let day = Math.floor(candidate / MS_PER_DAY);
  let hour = Math.round((candidate - day * MS_PER_DAY) / MS_PER_HOUR);
  if (hour < fromHour) hour = fromHour;
  else if (hour > toHour) {
    day += 1;
    hour = fromHour;
  }
  if (cal) {
    // Any slot later on a non-working day is not usable either; move to the first slot of a working day.
    const toInstant = (d: number) => new Date(d * MS_PER_DAY - offsetMs);
    if (!isWorkingDay(toInstant(day), cal)) {
      hour = fromHour;
      // Bounded: holidays are a finite list and weekends are only two days in seven.
      while (!isWorkingDay(toInstant(day), cal)) day += 1;
    }
  }
  return new Date(day * MS_PER_DAY + hour * MS_PER_HOUR - offsetMs);
}
