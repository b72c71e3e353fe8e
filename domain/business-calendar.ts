/**
 * Business calendar for deadlines counted in working days (REQ: MNP-3 — a porting is normally completed
 * within 3 working days on a configurable business calendar).
 *
 * Pure and deterministic: this module is imported by Temporal workflow code, so it uses no Node built-ins,
 * no `Intl` time-zone database (which differs between machines) and never reads the clock — callers pass
 * instants in. As in `graceEndsAt` (pre-cancellation.ts), business time is UTC plus a fixed offset in hours:
 * China has had no daylight saving since 1991, so a fixed offset is exact and needs no tz data.
 *
 * A "business date" is the calendar date at that offset, written 'YYYY-MM-DD'. An instant belongs to the
 * business date on which it falls locally: 2025-06-05T17:00Z is already Friday 2025-06-06 at UTC+8.
 */

/** REQ: MNP-3 — which days count as working days, and where business days start and end. */
export interface BusinessCalendar {
  /** Business time = UTC + this many hours (8 for China). */
  utcOffsetHours: number;
  /**
   * Public holidays, as 'YYYY-MM-DD' business dates. Skipped even when they fall on a weekday. A date that
   * is also listed in `extraWorkingDays` stays a holiday: a contradictory entry must not shorten a
   * customer-facing deadline.
   */
  holidays: string[];
  /**
   * Weekend days declared working days (China's make-up working Saturdays/Sundays, 调休上班), as
   * 'YYYY-MM-DD' business dates. Without this list those days would be wrongly skipped.
   */
  extraWorkingDays?: string[];
}

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whole days since 1970-01-01 of the business date an instant falls on. */
function businessDayNumber(instant: Date, utcOffsetHours: number): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  return Math.floor((ms + utcOffsetHours * MS_PER_HOUR) / MS_PER_DAY);
}

/** Day number of a 'YYYY-MM-DD' string; throws on anything that is not a real calendar date. */
function parseBusinessDate(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const ms = Date.UTC(y, m - 1, d);
    // Date.UTC silently rolls 2025-02-30 over to March; reject it instead of matching the wrong day.
    if (formatDayNumber(ms / MS_PER_DAY) === date) return ms / MS_PER_DAY;
  }
  throw new RangeError(`Not a 'YYYY-MM-DD' business date: ${JSON.stringify(date)}`);
}

function formatDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function checkOffset(utcOffsetHours: number): void {
  if (!Number.isFinite(utcOffsetHours) || Math.abs(utcOffsetHours) > 14) {
    throw new RangeError(`utcOffsetHours must be between -14 and 14, got ${utcOffsetHours}`);
  }
}

/**
 * The calendar compiled to day-number sets. Entries are validated here so that a typo such as '2025-1-1'
 * fails loudly rather than silently never matching (which would move deadlines).
 */
function compile(cal: BusinessCalendar): (day: number) => boolean {
  checkOffset(cal.utcOffsetHours);
  const holidays = new Set(cal.holidays.map(parseBusinessDate));
  const extra = new Set((cal.extraWorkingDays ?? []).map(parseBusinessDate));
  return (day) => {
    if (holidays.has(day)) return false;
    if (extra.has(day)) return true;
    const weekday = new Date(day * MS_PER_DAY).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  };
}

/** The 'YYYY-MM-DD' business date an instant falls on at the given offset. */
export function businessDate(instant: Date, utcOffsetHours: number): string {
  checkOffset(utcOffsetHours);
  return formatDayNumber(businessDayNumber(instant, utcOffsetHours));
}

/**
 * An instant as staff and customers read it, e.g. in an SMS: `YYYY-MM-DD HH:mm` in business time, to the
 * minute (REQ: PC-5 — the date to come in by; MNP-5 — until when a port-out code is valid).
 */
export function businessDateTime(instant: Date, utcOffsetHours: number): string {
  checkOffset(utcOffsetHours);
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid date');
  return new Date(ms + utcOffsetHours * MS_PER_HOUR).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * REQ: MNP-3 — whether a day is a working day: Monday–Friday unless a holiday, Saturday/Sunday only when
 * listed as an extra working day. `date` is either an instant (judged on its business date at the
 * calendar's offset, not its UTC date) or a 'YYYY-MM-DD' business date.
 */
export function isWorkingDay(date: Date | string, cal: BusinessCalendar): boolean {
  const working = compile(cal);
  const day =
    typeof date === 'string' ? parseBusinessDate(date) : businessDayNumber(date, cal.utcOffsetHours);
  return working(day);
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days must be a non-negative integer, got ${days}`);
  }
}

/**
 * REQ: MNP-3 — the deadline `days` working days after `start`.
 *
 * Convention: the start day itself never counts (a request made at 17:55 on Friday gets no credit for
 * Friday, and neither does one made at 08:00); counting begins with the next working day. The deadline is
 * the END of the Nth working day, i.e. 24:00 business time, returned as the instant 00:00 business time of
 * the following calendar day (an exclusive limit: "done before this instant" means done on time).
 * Friday + 3 working days → end of Wednesday → Thursday 00:00. `days` = 0 gives the end of the start day.
 */
export function addWorkingDays(start: Date, days: number, cal: BusinessCalendar): Date {
  checkDays(days);
  const working = compile(cal);
  let day = businessDayNumber(start, cal.utcOffsetHours);
  for (let counted = 0; counted < days;) {
    day += 1;
    if (working(day)) counted += 1;
  }
  return new Date((day + 1) * MS_PER_DAY - cal.utcOffsetHours * MS_PER_HOUR);
}

/**
 * REQ: MNP-3 — how many working days have fully elapsed between `start` and `end`: the working days after
 * the start day (same convention as `addWorkingDays`) whose 24:00 has been reached by `end`. It is the
 * inverse of `addWorkingDays`: `workingDaysBetween(s, addWorkingDays(s, n, cal), cal) === n`, one
 * millisecond earlier it is n − 1. Returns 0 when `end` is not after the end of the start day.
 */
export function workingDaysBetween(start: Date, end: Date, cal: BusinessCalendar): number {
  const working = compile(cal);
  const first = businessDayNumber(start, cal.utcOffsetHours) + 1;
  // The last business day that has completely ended by `end`.
  const last = businessDayNumber(end, cal.utcOffsetHours) - 1;
  let count = 0;
  for (let day = first; day <= last; day += 1) if (working(day)) count += 1;
  return count;
}
