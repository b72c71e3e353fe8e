import { describe, expect, it } from 'vitest';
import { stepAllowedFrom } from '../../domain/work-order-machine';
import { deskStepAllowedFrom, stepsFor } from '../../web/src/pages/work-orders/desk/desk-steps';
import { countdownText, dueState, type DueInput } from '../../web/src/pages/work-orders/desk/due';

const MIN = 60_000;
const created = Date.parse('2026-12-07T02:00:00Z');
const at = (minutes: number) => new Date(created + minutes * MIN).toISOString();
/** A P3 work order made at `created`: respond within 4 h, resolve within 32 h. */
const workOrder = (status: string, late = false): DueInput => ({
  status,
  createdAt: at(0),
  responseDueAt: at(240),
  resolutionDueAt: at(1920),
  late,
});
const zh = (text: { zh: string }) => text.zh;
const en = (text: { en: string }) => text.en;

describe('the dispatcher board (UI-1)', () => {
  it('UI-1 WO-2 WO-3 WO-4: the board offers a step only from the statuses the work-order state machine allows it', () => {
    for (const [step, statuses] of Object.entries(deskStepAllowedFrom)) {
      expect(statuses, step).toEqual(stepAllowedFrom[step as keyof typeof stepAllowedFrom]);
    }
    const target = (status: string) => ({ id: status, status, outletCode: null, assigneeId: null });
    expect(stepsFor([target('created')])).toEqual(['accept', 'reject', 'cancel']);
    expect(stepsFor([target('dispatched')])).toEqual(['assignOutlet', 'redispatch', 'cancel']);
    // A selection: what any of them may take, but a chosen technician is for one work order at a time.
    expect(stepsFor([target('created'), target('accepted')])).toEqual([
      'accept',
      'reject',
      'assignOutlet',
      'dispatchByRule',
      'cancel',
    ]);
  });

  it('UI-1 WO-6: the response target counts down until the first dispatch, then the resolution target', () => {
    expect(dueState(workOrder('accepted'), created + 60 * MIN)).toMatchObject({
      target: 'response',
      leftMs: 180 * MIN,
      level: 'onTime',
    });
    expect(dueState(workOrder('dispatched'), created + 60 * MIN)).toMatchObject({
      target: 'resolution',
      leftMs: 1860 * MIN,
    });
    expect(dueState(workOrder('closed'), created)).toMatchObject({ target: null, level: 'done' });
    expect(dueState(workOrder('closed', true), created)).toMatchObject({ level: 'wasLate' });
  });

  it('UI-1 WO-6: under 30 minutes or under a quarter of the target left is at risk; past the due time is overdue', () => {
    // 4 h to respond: a quarter is 1 h, more than 30 minutes.
    expect(dueState(workOrder('created'), created + 185 * MIN).level).toBe('atRisk');
    expect(dueState(workOrder('created'), created + 175 * MIN).level).toBe('onTime');
    // An urgent work order with 1 h to respond: a quarter is 15 minutes, so the 30 minutes count.
    const urgent = { ...workOrder('created'), responseDueAt: at(60) };
    expect(dueState(urgent, created + 31 * MIN).level).toBe('atRisk');
    expect(dueState(urgent, created + 29 * MIN).level).toBe('onTime');
    // 32 h to resolve: a quarter is 8 h.
    expect(dueState(workOrder('inService'), created + 1500 * MIN).level).toBe('atRisk');
    expect(dueState(workOrder('inService'), created + 1400 * MIN).level).toBe('onTime');
    expect(dueState(workOrder('created'), created + 245 * MIN)).toMatchObject({
      level: 'overdue',
      leftMs: -5 * MIN,
    });
  });

  it('UI-1 WO-6: the countdown reads in whole units, in both languages', () => {
    expect(countdownText(12 * MIN + 30_000, zh)).toBe('12 分钟后到期');
    expect(countdownText(12 * MIN + 30_000, en)).toBe('due in 12 min');
    expect(countdownText(-5 * MIN, zh)).toBe('已超时 5 分钟');
    expect(countdownText(-5 * MIN, en)).toBe('late by 5 min');
    expect(countdownText(125 * MIN, en)).toBe('due in 2 h 5 min');
    expect(countdownText(26 * 60 * MIN, zh)).toBe('1 天 2 小时后到期');
    expect(countdownText(42_000, en)).toBe('due in 42 s');
  });
});
