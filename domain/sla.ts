import { isWorkingDay, type BusinessCalendar } from './business-calendar';
import type { WorkOrderPriority } from './work-orders';

/**
 * Service levels of work orders (服务时限, REQ: WO-6): each priority has a response target (creation → first
 * dispatch) and a resolution target (creation → completion), counted on the `business` clock (working hours
 * of working days only) or the `continuous` clock (24×7).
 *
 * Pure and deterministic: the work-order workflow imports this module, so it never reads the clock, uses no
 * `Intl` and no time-zone database; business time is UTC plus the calendar's fixed offset (see
 * business-calendar.ts).
 */

/** The parts of the work-order settings (`WorkOrderSettings`) the service levels are counted with. */
export interface SlaSettings {
  sla: Record<WorkOrderPriority, { responseMinutes: number; resolutionMinutes: number }>;
  clock: 'business' | 'continuous';
  calendar: BusinessCalendar;
  workingHours: WorkingHours;
}

/** Working hours of a working day in business time, whole hours; `toHour` is exclusive (9-18 = 09:00–18:00). */
export interface WorkingHours {
  fromHour: number;
  toHour: number;
}

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** No real calendar has a year without a working day; a longer search means the settings are wrong. */
const MAX_DAYS_SEARCHED = 3_660;

/** REQ: WO-6 — when a work order created at `from` must be responded to (dispatched) and resolved (completed). */
export function slaDueDates(
  priority: WorkOrderPriority,
  from: Date,
  settings: SlaSettings,
): { responseDueAt: string; resolutionDueAt: string } {
  const target = settings.sla[priority];
  const due = (minutes: number): string =>
    (settings.clock === 'business'
      ? addWorkingMinutes(from, minutes, settings.calendar, settings.workingHours)
      : new Date(from.getTime() + Math.round(minutes * MS_PER_MINUTE))
    ).toISOString();
  return { responseDueAt: due(target.responseMinutes), resolutionDueAt: due(target.resolutionMinutes) };
}

/**
 * REQ: WO-6 — the instant `minutes` of working time after `from`: only the working hours of working days
 * count (weekends and holidays are skipped, make-up working days count). Time before the working hours, after
 * them, or on a day off counts nothing, so a work order created at 20:00 starts counting at 09:00 of the next
 * working day. A target that uses up a working period exactly ends at its close (Friday 18:00, not Monday
 * 09:00). Fractional minutes are allowed (targets of seconds, for demos and tests); the result is rounded to
 * the millisecond.
 */
export function addWorkingMinutes(
  from: Date,
  minutes: number,
  calendar: BusinessCalendar,
  workingHours: WorkingHours,
): Date {
  checkArguments(from, minutes, workingHours);
  const offsetMs = calendar.utcOffsetHours * MS_PER_HOUR;
  // Business-time milliseconds: UTC shifted by the calendar's offset, so that day boundaries fall at 00:00 local.
  let cursor = from.getTime() + offsetMs;
  let remaining = Math.round(minutes * MS_PER_MINUTE);
  let day = Math.floor(cursor / MS_PER_DAY);
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched += 1, day += 1) {
    if (!isWorkingDay(new Date(day * MS_PER_DAY - offsetMs), calendar)) continue;
    const opens = day * MS_PER_DAY + workingHours.fromHour * MS_PER_HOUR;
    const closes = day * MS_PER_DAY + workingHours.toHour * MS_PER_HOUR;
    cursor = Math.max(cursor, opens);
    if (cursor >= closes) continue;
    if (remaining <= closes - cursor) return new Date(cursor + remaining - offsetMs);
    remaining -= closes - cursor;
  }
  throw new RangeError(`No working time within ${MAX_DAYS_SEARCHED} days of ${from.toISOString()}`);
}

function checkArguments(from: Date, minutes: number, hours: WorkingHours): void {
  if (Number.isNaN(from.getTime())) throw new RangeError('from: invalid date');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number ≥ 0, got ${minutes}`);
  }
  const { fromHour, toHour } = hours;
  if (!Number.isInteger(fromHour) || !Number.isInteger(toHour) || fromHour < 0 || toHour > 24) {
    throw new RangeError(`workingHours must be whole hours within 0-24, got ${fromHour}-${toHour}`);
  }
  if (fromHour >= toHour) {
    throw new RangeError(`workingHours must open before they close, got ${fromHour}-${toHour}`);
  }
}
