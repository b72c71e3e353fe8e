import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../domain/business-calendar';
import {
  authorizationCodeExpiresAt,
  isCodeValid,
  nextSwitchOver,
} from '../../domain/number-portability-schedule';

/** An instant written in China business time (UTC+8). */
const cst = (local: string) => new Date(`${local}+08:00`);
const window = { fromHour: 9, toHour: 20 };
const cal: BusinessCalendar = {
  utcOffsetHours: 8,
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-06', '2025-10-07', '2025-10-08'],
  extraWorkingDays: ['2025-10-11'],
};

describe('authorization code validity', () => {
  const issuedAt = cst('2025-06-11T10:00:00');

  it('MNP-5: the code expires the configured number of hours after issue', () => {
    expect(authorizationCodeExpiresAt(issuedAt, 24)).toEqual(cst('2025-06-12T10:00:00'));
    expect(authorizationCodeExpiresAt(issuedAt, 0.5)).toEqual(cst('2025-06-11T10:30:00'));
    // Elapsed hours, not business hours: a weekend does not pause it.
    expect(authorizationCodeExpiresAt(cst('2025-06-13T18:00:00'), 72)).toEqual(cst('2025-06-16T18:00:00'));
  });

  it('MNP-5: a non-positive or non-finite validity is refused', () => {
    expect(() => authorizationCodeExpiresAt(issuedAt, 0)).toThrow(RangeError);
    expect(() => authorizationCodeExpiresAt(issuedAt, -1)).toThrow(RangeError);
    expect(() => authorizationCodeExpiresAt(issuedAt, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('MNP-5: the code is valid before the limit, refused at and after it', () => {
    const code = { code: 'ABC123', issuedAt, expiresAt: authorizationCodeExpiresAt(issuedAt, 24) };
    expect(isCodeValid(code, issuedAt)).toBe(true);
    expect(isCodeValid(code, cst('2025-06-12T09:59:59.999'))).toBe(true);
    expect(isCodeValid(code, cst('2025-06-12T10:00:00'))).toBe(false);
    expect(isCodeValid(code, cst('2025-06-12T10:00:00.001'))).toBe(false);
    expect(isCodeValid(code, cst('2025-06-20T10:00:00'))).toBe(false);
  });
});

describe('switch-over scheduling', () => {
  it('MNP-5: before the window opens → the first slot of the day (08:10 → 09:00)', () => {
    expect(nextSwitchOver(cst('2025-06-11T08:10:00'), window, 8)).toEqual(cst('2025-06-11T09:00:00'));
    expect(nextSwitchOver(cst('2025-06-11T00:00:00'), window, 8)).toEqual(cst('2025-06-11T09:00:00'));
  });

  it('MNP-5: exactly on an hour, that slot is gone — the next hour is chosen (09:00 → 10:00)', () => {
    expect(nextSwitchOver(cst('2025-06-11T09:00:00'), window, 8)).toEqual(cst('2025-06-11T10:00:00'));
    expect(nextSwitchOver(cst('2025-06-11T08:59:59.999'), window, 8)).toEqual(cst('2025-06-11T09:00:00'));
  });

  it('MNP-5: inside the window rounds up to the next full hour (13:59 → 14:00)', () => {
    expect(nextSwitchOver(cst('2025-06-11T13:59:00'), window, 8)).toEqual(cst('2025-06-11T14:00:00'));
    expect(nextSwitchOver(cst('2025-06-11T13:00:01'), window, 8)).toEqual(cst('2025-06-11T14:00:00'));
  });

  it('MNP-5: the last slot of the window is inclusive (19:30 → 20:00 for a window to 20:00)', () => {
    expect(nextSwitchOver(cst('2025-06-11T19:30:00'), window, 8)).toEqual(cst('2025-06-11T20:00:00'));
  });

  it('MNP-5: past the last slot → 09:00 the next day (20:10, and 20:00 exactly)', () => {
    expect(nextSwitchOver(cst('2025-06-11T20:10:00'), window, 8)).toEqual(cst('2025-06-12T09:00:00'));
    expect(nextSwitchOver(cst('2025-06-11T20:00:00'), window, 8)).toEqual(cst('2025-06-12T09:00:00'));
    expect(nextSwitchOver(cst('2025-06-11T23:59:59'), window, 8)).toEqual(cst('2025-06-12T09:00:00'));
  });

  it('MNP-3, MNP-5: with a calendar, Friday evening → Monday 09:00; without one → Saturday 09:00', () => {
    expect(nextSwitchOver(cst('2025-06-13T20:10:00'), window, 8, cal)).toEqual(cst('2025-06-16T09:00:00'));
    expect(nextSwitchOver(cst('2025-06-13T20:10:00'), window, 8)).toEqual(cst('2025-06-14T09:00:00'));
    // During a weekend day, even inside the window hours, the next working morning is chosen.
    expect(nextSwitchOver(cst('2025-06-14T11:20:00'), window, 8, cal)).toEqual(cst('2025-06-16T09:00:00'));
  });

  it('MNP-3, MNP-5: with a calendar, holidays are skipped and a make-up Saturday is used', () => {
    // Tue 30 Sep evening → holidays 1–3 Oct, weekend, 6–8 Oct → Thu 9 Oct.
    expect(nextSwitchOver(cst('2025-09-30T20:30:00'), window, 8, cal)).toEqual(cst('2025-10-09T09:00:00'));
    // Fri 10 Oct evening → make-up Saturday 11 Oct.
    expect(nextSwitchOver(cst('2025-10-10T21:00:00'), window, 8, cal)).toEqual(cst('2025-10-11T09:00:00'));
  });

  it('MNP-5: the day is the business day — 23:30 UTC Thursday is already Friday 07:30 in Beijing', () => {
    const now = new Date('2025-06-12T23:30:00Z');
    const slot = nextSwitchOver(now, window, 8, cal);
    expect(slot).toEqual(cst('2025-06-13T09:00:00'));
    expect(slot.toISOString()).toBe('2025-06-13T01:00:00.000Z');
    // Friday 16:30 UTC is Saturday 00:30 in Beijing: not a working day, so Monday 09:00.
    expect(nextSwitchOver(new Date('2025-06-13T16:30:00Z'), window, 8, cal)).toEqual(
      cst('2025-06-16T09:00:00'),
    );
  });

  it('MNP-5: a window of a single hour, and invalid windows or mismatched offsets are refused', () => {
    expect(nextSwitchOver(cst('2025-06-11T02:00:00'), { fromHour: 2, toHour: 2 }, 8)).toEqual(
      cst('2025-06-12T02:00:00'),
    );
    expect(() => nextSwitchOver(cst('2025-06-11T02:00:00'), { fromHour: 21, toHour: 9 }, 8)).toThrow(
      RangeError,
    );
    expect(() => nextSwitchOver(cst('2025-06-11T02:00:00'), { fromHour: 9, toHour: 24 }, 8)).toThrow(
      RangeError,
    );
    expect(() => nextSwitchOver(cst('2025-06-11T02:00:00'), { fromHour: 9.5, toHour: 20 }, 8)).toThrow(
      RangeError,
    );
    expect(() => nextSwitchOver(cst('2025-06-11T02:00:00'), window, 0, cal)).toThrow(RangeError);
  });
});
