/**
 * REQ: CH-4 — business-hour windows of channels and operators. A window is `HH:MM-HH:MM` in business time
 * (UTC + `utcOffsetHours`), start inclusive, end exclusive; it may cross midnight (`22:00-06:00`). Pure: no
 * clock, no Intl — the offset is fixed, as the business calendar's is.
 */

export interface BusinessWindow {
  /** Minutes after local midnight. */
  startMinute: number;
  /** Minutes after local midnight; 1440 for `24:00`. */
  endMinute: number;
}

const windowPattern = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;
const minuteMs = 60_000;
const dayMs = 24 * 60 * minuteMs;

/** Parses `HH:MM-HH:MM`; throws on anything else, on `24:MM` past midnight and on an empty window. */
export function parseWindow(text: string): BusinessWindow {
  const m = windowPattern.exec(text);
  if (!m) throw new Error(`business hours "${text}" are not HH:MM-HH:MM`);
  const startMinute = Number(m[1]) * 60 + Number(m[2]);
  const endMinute = Number(m[3]) * 60 + Number(m[4]);
  if (endMinute > 1440) throw new Error(`business hours "${text}" end after 24:00`);
  if (startMinute === endMinute % 1440) throw new Error(`business hours "${text}" open and close at once`);
  return { startMinute, endMinute };
}

/** Whether `now` is inside the window, read in business time. */
export function withinWindow(window: string, now: Date, utcOffsetHours: number): boolean {
  const { startMinute, endMinute } = parseWindow(window);
  const minute = localMinuteOfDay(now, utcOffsetHours);
  if (startMinute < endMinute) return minute >= startMinute && minute < endMinute;
  return minute >= startMinute || minute < endMinute;
}

/** The next instant after `now` at which the window opens. */
export function nextOpening(window: string, now: Date, utcOffsetHours: number): Date {
  const { startMinute } = parseWindow(window);
  const offsetMs = utcOffsetHours * 3_600_000;
  const localMs = now.getTime() + offsetMs;
  let opening = Math.floor(localMs / dayMs) * dayMs + startMinute * minuteMs;
  if (opening <= localMs) opening += dayMs;
  return new Date(opening - offsetMs);
}

export interface BusinessHoursDenial {
  /** Whose window excludes now. */
  limitedBy: 'channel' | 'operator';
  window: string;
  /** When the window opens next; null when the stored window is malformed (then it never opens). */
  opensAt: Date | null;
}

/**
 * The first of the channel's and the operator's windows that excludes `now`, or null when both allow it (a
 * null window allows any time). A malformed stored window denies: access fails closed.
 */
export function businessHoursDenial(
  windows: { channel: string | null; operator: string | null },
  now: Date,
  utcOffsetHours: number,
): BusinessHoursDenial | null {
  for (const limitedBy of ['channel', 'operator'] as const) {
    const window = windows[limitedBy];
    if (window === null) continue;
    try {
      if (!withinWindow(window, now, utcOffsetHours)) {
        return { limitedBy, window, opensAt: nextOpening(window, now, utcOffsetHours) };
      }
    } catch {
      return { limitedBy, window, opensAt: null };
    }
  }
  return null;
}

function localMinuteOfDay(now: Date, utcOffsetHours: number): number {
  const localMs = now.getTime() + utcOffsetHours * 3_600_000;
  return Math.floor((((localMs % dayMs) + dayMs) % dayMs) / minuteMs);
}
