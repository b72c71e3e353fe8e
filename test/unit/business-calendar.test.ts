import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  businessDate,
  isWorkingDay,
  workingDaysBetween,
  type BusinessCalendar,
} from '../../domain/business-calendar';

/** An instant written in China business time (UTC+8). */
const cst = (local: string) => new Date(`${local}+08:00`);

const plain: BusinessCalendar = { utcOffsetHours: 8, holidays: [] };

/** 2025 Dragon Boat Festival and National Day, with the make-up working days of the State Council notice. */
const china2025: BusinessCalendar = {
  utcOffsetHours: 8,
  holidays: [
    '2025-05-31',
    '2025-06-01',
    '2025-06-02',
    '2025-10-01',
    '2025-10-02',
    '2025-10-03',
    '2025-10-04',
    '2025-10-05',
    '2025-10-06',
    '2025-10-07',
    '2025-10-08',
  ],
  extraWorkingDays: ['2025-09-28', '2025-10-11'],
};

describe('business calendar', () => {
  it('MNP-3: weekdays work, weekends and holidays do not, make-up weekend days do', () => {
    expect(isWorkingDay('2025-06-06', plain)).toBe(true); // Friday
    expect(isWorkingDay('2025-06-07', plain)).toBe(false); // Saturday
    expect(isWorkingDay('2025-06-08', plain)).toBe(false); // Sunday
    expect(isWorkingDay('2025-06-02', china2025)).toBe(false); // Monday, Dragon Boat Festival
    expect(isWorkingDay('2025-10-11', china2025)).toBe(true); // make-up Saturday
    expect(isWorkingDay('2025-09-28', china2025)).toBe(true); // make-up Sunday
    expect(isWorkingDay('2025-10-11', plain)).toBe(false);
  });

  it('MNP-3: an instant is judged on its business date, not its UTC date', () => {
    // Friday 2025-06-06 20:00 UTC is already Saturday 04:00 in Beijing.
    const instant = new Date('2025-06-06T20:00:00Z');
    expect(businessDate(instant, 8)).toBe('2025-06-07');
    expect(isWorkingDay(instant, plain)).toBe(false);
    expect(isWorkingDay(new Date('2025-06-06T15:59:59Z'), plain)).toBe(true);
  });

  it('MNP-3: a date listed both as holiday and make-up day stays a holiday', () => {
    expect(
      isWorkingDay('2025-06-07', {
        utcOffsetHours: 8,
        holidays: ['2025-06-07'],
        extraWorkingDays: ['2025-06-07'],
      }),
    ).toBe(false);
  });

  it('MNP-3: malformed or impossible calendar dates are rejected, not silently ignored', () => {
    expect(() => isWorkingDay('2025-06-06', { utcOffsetHours: 8, holidays: ['2025-6-2'] })).toThrow(
      RangeError,
    );
    expect(() => isWorkingDay('2025-02-30', plain)).toThrow(RangeError);
    expect(() =>
      addWorkingDays(cst('2025-06-06T10:00:00'), 1, {
        utcOffsetHours: 8,
        holidays: [],
        extraWorkingDays: ['x'],
      }),
    ).toThrow(RangeError);
  });

  it('MNP-3: Friday + 3 working days ends on Wednesday, across the weekend (deadline Thursday 00:00)', () => {
    const deadline = addWorkingDays(cst('2025-06-06T10:30:00'), 3, plain);
    expect(deadline).toEqual(cst('2025-06-12T00:00:00'));
    expect(deadline.toISOString()).toBe('2025-06-11T16:00:00.000Z');
  });

  it('MNP-3: the start day never counts, whether the request is early or late in the day', () => {
    expect(addWorkingDays(cst('2025-06-09T00:00:00'), 1, plain)).toEqual(cst('2025-06-11T00:00:00'));
    expect(addWorkingDays(cst('2025-06-09T23:59:59'), 1, plain)).toEqual(cst('2025-06-11T00:00:00'));
    // Starting on a Saturday: Monday, Tuesday, Wednesday.
    expect(addWorkingDays(cst('2025-06-07T12:00:00'), 3, plain)).toEqual(cst('2025-06-12T00:00:00'));
  });

  it('MNP-3: zero working days is the end of the start day; negative or fractional days are refused', () => {
    expect(addWorkingDays(cst('2025-06-06T10:00:00'), 0, plain)).toEqual(cst('2025-06-07T00:00:00'));
    expect(() => addWorkingDays(cst('2025-06-06T10:00:00'), -1, plain)).toThrow(RangeError);
    expect(() => addWorkingDays(cst('2025-06-06T10:00:00'), 1.5, plain)).toThrow(RangeError);
  });

  it('MNP-3: a holiday is skipped (Dragon Boat Festival Monday)', () => {
    // Fri 30 May → Sat, Sun, Mon holiday → Tue 3, Wed 4, Thu 5 June.
    expect(addWorkingDays(cst('2025-05-30T15:00:00'), 3, china2025)).toEqual(cst('2025-06-06T00:00:00'));
    expect(addWorkingDays(cst('2025-05-30T15:00:00'), 3, plain)).toEqual(cst('2025-06-05T00:00:00'));
  });

  it('MNP-3: a make-up working Saturday counts as a working day', () => {
    // Fri 10 Oct → Sat 11 (make-up), Mon 13, Tue 14.
    expect(addWorkingDays(cst('2025-10-10T09:00:00'), 3, china2025)).toEqual(cst('2025-10-15T00:00:00'));
    // Without the make-up day the deadline is a day later.
    expect(addWorkingDays(cst('2025-10-10T09:00:00'), 3, plain)).toEqual(cst('2025-10-16T00:00:00'));
  });

  it('MNP-3: across the National Day week, ending on the make-up Saturday', () => {
    // Tue 30 Sep → 1–8 Oct holidays → Thu 9, Fri 10, Sat 11 (make-up).
    expect(addWorkingDays(cst('2025-09-30T16:00:00'), 3, china2025)).toEqual(cst('2025-10-12T00:00:00'));
  });

  it('MNP-3: the start day is the business date — 01:00 Friday in Beijing is still Thursday in UTC', () => {
    const start = new Date('2025-06-05T17:00:00Z'); // Fri 2025-06-06 01:00 +08:00
    expect(addWorkingDays(start, 3, plain)).toEqual(cst('2025-06-12T00:00:00'));
  });

  it('MNP-3: workingDaysBetween counts completed working days and inverts addWorkingDays', () => {
    const start = cst('2025-06-06T10:30:00');
    expect(workingDaysBetween(start, cst('2025-06-06T23:00:00'), plain)).toBe(0);
    expect(workingDaysBetween(start, cst('2025-06-09T23:59:59'), plain)).toBe(0);
    expect(workingDaysBetween(start, cst('2025-06-10T00:00:00'), plain)).toBe(1);
    expect(workingDaysBetween(start, cst('2025-06-05T00:00:00'), plain)).toBe(0);
    for (const cal of [plain, china2025]) {
      for (const s of [
        start,
        cst('2025-05-30T15:00:00'),
        cst('2025-09-26T08:00:00'),
        cst('2025-10-10T09:00:00'),
      ]) {
        for (const n of [0, 1, 3, 7, 20]) {
          const deadline = addWorkingDays(s, n, cal);
          expect(workingDaysBetween(s, deadline, cal)).toBe(n);
          if (n > 0) expect(workingDaysBetween(s, new Date(deadline.getTime() - 1), cal)).toBe(n - 1);
        }
      }
    }
  });

  it('MNP-3: holidays across the National Day week are not counted by workingDaysBetween', () => {
    expect(workingDaysBetween(cst('2025-09-30T16:00:00'), cst('2025-10-09T00:00:00'), china2025)).toBe(0);
    expect(workingDaysBetween(cst('2025-09-30T16:00:00'), cst('2025-10-09T00:00:00'), plain)).toBe(6);
  });
});
