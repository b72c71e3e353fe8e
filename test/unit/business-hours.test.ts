import { describe, expect, it } from 'vitest';
import { businessHoursDenial, nextOpening, parseWindow, withinWindow } from '../../domain/business-hours';

/** An instant written in China business time (UTC+8). */
const cst = (local: string) => new Date(`${local}+08:00`);

describe('business hours (CH-4)', () => {
  it('CH-4: a daytime window admits the hours inside it, start inclusive and end exclusive', () => {
    expect(withinWindow('09:00-18:00', cst('2026-03-02T09:00:00'), 8)).toBe(true);
    expect(withinWindow('09:00-18:00', cst('2026-03-02T17:59:59'), 8)).toBe(true);
    expect(withinWindow('09:00-18:00', cst('2026-03-02T18:00:00'), 8)).toBe(false);
    expect(withinWindow('09:00-18:00', cst('2026-03-02T08:59:59'), 8)).toBe(false);
  });

  it('CH-4: the window is read in business time, not UTC', () => {
    // 02:00 UTC is 10:00 in Beijing.
    expect(withinWindow('09:00-18:00', new Date('2026-03-02T02:00:00Z'), 8)).toBe(true);
    expect(withinWindow('09:00-18:00', new Date('2026-03-02T02:00:00Z'), 0)).toBe(false);
  });

  it('CH-4: a window crossing midnight admits late evening and early morning, not the day', () => {
    expect(withinWindow('22:00-06:00', cst('2026-03-02T23:30:00'), 8)).toBe(true);
    expect(withinWindow('22:00-06:00', cst('2026-03-03T05:59:00'), 8)).toBe(true);
    expect(withinWindow('22:00-06:00', cst('2026-03-03T06:00:00'), 8)).toBe(false);
    expect(withinWindow('22:00-06:00', cst('2026-03-03T12:00:00'), 8)).toBe(false);
  });

  it('CH-4: the next opening is later today, or tomorrow once today’s has passed', () => {
    expect(nextOpening('09:00-18:00', cst('2026-03-02T07:15:30'), 8)).toEqual(cst('2026-03-02T09:00:00'));
    expect(nextOpening('09:00-18:00', cst('2026-03-02T19:00:00'), 8)).toEqual(cst('2026-03-03T09:00:00'));
    expect(nextOpening('22:00-06:00', cst('2026-03-03T06:00:00'), 8)).toEqual(cst('2026-03-03T22:00:00'));
    expect(nextOpening('00:00-23:59', cst('2026-03-02T00:00:00'), 8)).toEqual(cst('2026-03-03T00:00:00'));
  });

  it('CH-4: malformed windows are rejected', () => {
    for (const bad of [
      '9:00-18:00',
      '09:00-18',
      '25:00-06:00',
      '09:60-18:00',
      '09:00-24:30',
      '08:00-08:00',
      '',
    ]) {
      expect(() => parseWindow(bad), bad).toThrow(/business hours/);
      expect(() => withinWindow(bad, new Date(), 8), bad).toThrow();
    }
    expect(parseWindow('08:30-24:00')).toEqual({ startMinute: 510, endMinute: 1440 });
  });

  it('CH-4: the denial names the channel or operator window that excludes now, and fails closed when malformed', () => {
    const at = cst('2026-03-02T20:00:00');
    expect(businessHoursDenial({ channel: null, operator: null }, at, 8)).toBeNull();
    expect(businessHoursDenial({ channel: '08:00-22:00', operator: '19:00-21:00' }, at, 8)).toBeNull();
    expect(businessHoursDenial({ channel: '09:00-18:00', operator: null }, at, 8)).toEqual({
      limitedBy: 'channel',
      window: '09:00-18:00',
      opensAt: cst('2026-03-03T09:00:00'),
    });
    expect(businessHoursDenial({ channel: null, operator: '22:00-06:00' }, at, 8)).toEqual({
      limitedBy: 'operator',
      window: '22:00-06:00',
      opensAt: cst('2026-03-02T22:00:00'),
    });
    expect(businessHoursDenial({ channel: 'always', operator: null }, at, 8)).toEqual({
      limitedBy: 'channel',
      window: 'always',
      opensAt: null,
    });
  });
});
