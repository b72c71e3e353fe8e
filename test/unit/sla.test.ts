import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../../domain/business-calendar';
import { addWorkingMinutes, slaDueDates, type SlaSettings } from '../../domain/sla';
import { testWorkflowSettings } from '../support/fixtures';

/** An instant written in China business time (UTC+8). */
const cst = (local: string) => new Date(`${local}+08:00`);
const iso = (local: string) => cst(local).toISOString();

const nineToSix = { fromHour: 9, toHour: 18 };
const plain: BusinessCalendar = { utcOffsetHours: 8, holidays: [] };
/** Monday 2025-06-02 is the Dragon Boat Festival holiday. */
const dragonBoat: BusinessCalendar = {
  utcOffsetHours: 8,
  holidays: ['2025-05-31', '2025-06-01', '2025-06-02'],
};

describe('working minutes on the business calendar', () => {
  it('WO-6: a P2 order created Friday 17:00 with 120 working minutes is due Monday 10:00', () => {
    // 60 minutes left on Friday, the weekend counts nothing, 60 more on Monday morning.
    expect(addWorkingMinutes(cst('2025-06-06T17:00'), 120, plain, nineToSix)).toEqual(
      cst('2025-06-09T10:00'),
    );
  });

  it('WO-6: with Monday a holiday the same order is due Tuesday 10:00', () => {
    expect(addWorkingMinutes(cst('2025-05-30T17:00'), 120, dragonBoat, nineToSix)).toEqual(
      cst('2025-06-03T10:00'),
    );
  });

  it('WO-6: a make-up working Saturday (调休上班) counts as a working day', () => {
    const makeUp: BusinessCalendar = { ...plain, extraWorkingDays: ['2025-06-07'] };
    expect(addWorkingMinutes(cst('2025-06-06T17:00'), 120, makeUp, nineToSix)).toEqual(
      cst('2025-06-07T10:00'),
    );
  });

  it('WO-6: a work order created outside working hours starts counting at the next working period', () => {
    // Evening, before opening, and on a Sunday.
    expect(addWorkingMinutes(cst('2025-06-04T20:30'), 30, plain, nineToSix)).toEqual(cst('2025-06-05T09:30'));
    expect(addWorkingMinutes(cst('2025-06-04T06:00'), 30, plain, nineToSix)).toEqual(cst('2025-06-04T09:30'));
    expect(addWorkingMinutes(cst('2025-06-08T12:00'), 30, plain, nineToSix)).toEqual(cst('2025-06-09T09:30'));
  });

  it('WO-6: a target that uses up the working day ends at closing time, not the next morning', () => {
    expect(addWorkingMinutes(cst('2025-06-06T17:00'), 60, plain, nineToSix)).toEqual(cst('2025-06-06T18:00'));
    expect(addWorkingMinutes(cst('2025-06-06T18:00'), 0, plain, nineToSix)).toEqual(cst('2025-06-09T09:00'));
  });

  it('WO-6: targets longer than a working day run over several days', () => {
    // 960 minutes = 16 working hours: 9 on Wednesday from 09:00, 7 more on Thursday.
    expect(addWorkingMinutes(cst('2025-06-04T09:00'), 960, plain, nineToSix)).toEqual(
      cst('2025-06-05T16:00'),
    );
  });

  it('WO-6: fractional minutes (second-scale targets) are counted to the millisecond', () => {
    expect(addWorkingMinutes(cst('2025-06-04T10:00'), 0.05, plain, nineToSix)).toEqual(
      cst('2025-06-04T10:00:03'),
    );
  });

  it('WO-6: the day boundary is business time, not UTC (working hours 0-24 around UTC midnight)', () => {
    const allDay = { fromHour: 0, toHour: 24 };
    // Friday 23:00 Beijing is 15:00 UTC; one hour later it is Saturday in Beijing, so Monday 00:00 + 1 h.
    expect(addWorkingMinutes(cst('2025-06-06T23:00'), 120, plain, allDay)).toEqual(cst('2025-06-09T01:00'));
  });

  it('WO-6: settings that leave no working time are refused, not looped over', () => {
    expect(() => addWorkingMinutes(cst('2025-06-06T17:00'), 10, plain, { fromHour: 9, toHour: 9 })).toThrow(
      /open before they close/,
    );
    expect(() => addWorkingMinutes(cst('2025-06-06T17:00'), -1, plain, nineToSix)).toThrow(/minutes/);
  });
});

describe('SLA due dates per priority', () => {
  const business: SlaSettings = testWorkflowSettings('workOrder', { WO_HOLIDAYS: '2025-06-02' }).workOrder;

  it('WO-6: the default targets per priority on the business clock (9-18, holiday on Monday)', () => {
    const friday5pm = cst('2025-05-30T17:00');
    // P1 30/240: 30 min still on Friday; 240 = 60 on Friday + 180 on Tuesday.
    expect(slaDueDates('P1', friday5pm, business)).toEqual({
      responseDueAt: iso('2025-05-30T17:30'),
      resolutionDueAt: iso('2025-06-03T12:00'),
    });
    // P2 120/960: Tuesday 10:00; 960 = 60 + 540 (Tuesday) + 360 → Wednesday 15:00.
    expect(slaDueDates('P2', friday5pm, business)).toEqual({
      responseDueAt: iso('2025-06-03T10:00'),
      resolutionDueAt: iso('2025-06-04T15:00'),
    });
    // P3 240/1920: Tuesday 12:00; 1920 = 60 + 3×540 + 240 → Friday 13:00.
    expect(slaDueDates('P3', friday5pm, business)).toEqual({
      responseDueAt: iso('2025-06-03T12:00'),
      resolutionDueAt: iso('2025-06-06T13:00'),
    });
    // P4 480/4800: Tuesday 16:00; 4800 = 60 + 8×540 + 420 → Friday 2025-06-13 16:00.
    expect(slaDueDates('P4', friday5pm, business)).toEqual({
      responseDueAt: iso('2025-06-03T16:00'),
      resolutionDueAt: iso('2025-06-13T16:00'),
    });
  });

  it('WO-6: on the continuous clock targets run 24×7 through nights, weekends and holidays', () => {
    const continuous = { ...business, clock: 'continuous' as const };
    expect(slaDueDates('P2', cst('2025-05-30T17:00'), continuous)).toEqual({
      responseDueAt: iso('2025-05-30T19:00'),
      resolutionDueAt: iso('2025-05-31T09:00'),
    });
  });

  it('WO-6: configured second-scale targets (WO_SLA with fractions) give due times seconds away', () => {
    const fast = testWorkflowSettings('workOrder', {
      WO_SLA_CLOCK: 'continuous',
      WO_SLA: 'P1:0.05/0.1,P2:0.05/0.1,P3:0.05/0.1,P4:0.05/0.1',
    }).workOrder;
    expect(slaDueDates('P3', cst('2025-06-04T10:00'), fast)).toEqual({
      responseDueAt: iso('2025-06-04T10:00:03'),
      resolutionDueAt: iso('2025-06-04T10:00:06'),
    });
  });
});
