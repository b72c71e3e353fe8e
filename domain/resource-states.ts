import { z } from 'zod';
import { numberStatuses, simStatuses, type NumberStatus, type SimStatus } from './numbers';

/**
 * REQ: RES-3 — the state changes staff may make by hand (状态释放). Orders move numbers and SIMs into and out of
 * use (pre-empt, commit, recycle); a person may only take these steps, so every other request is refused with
 * the current state and the targets allowed from it.
 */

export const numberStatusLabels: Record<NumberStatus, { zh: string; en: string }> = {
  unused: { zh: '空闲', en: 'unused' },
  disabled: { zh: '停用', en: 'disabled' },
  recycled: { zh: '回收（冷却期）', en: 'recycled (cooling down)' },
  preempted: { zh: '预占', en: 'pre-empted' },
  reserved: { zh: '预定', en: 'reserved' },
  inUse: { zh: '在用', en: 'in use' },
  portedOut: { zh: '已携出', en: 'ported out' },
};

export const simStatusLabels: Record<SimStatus, { zh: string; en: string }> = {
  available: { zh: '可用', en: 'available' },
  issued: { zh: '已下发', en: 'issued' },
  inUse: { zh: '在用', en: 'in use' },
  damaged: { zh: '损坏', en: 'damaged' },
};

/**
 * Manual number transitions. `reserved` is entered only through a reservation (it needs the customer and an
 * expiry); `inUse` and `portedOut` change only through orders.
 */
export const numberTransitions: Record<NumberStatus, readonly NumberStatus[]> = {
  unused: ['disabled'],
  disabled: ['unused'],
  recycled: ['unused', 'disabled'],
  preempted: ['unused'],
  reserved: ['unused'],
  inUse: [],
  portedOut: [],
};

/** Manual SIM transitions: a card found broken is set aside, and one repaired (or mis-marked) comes back. */
export const simTransitions: Record<SimStatus, readonly SimStatus[]> = {
  available: ['damaged'],
  issued: ['damaged'],
  inUse: [],
  damaged: ['available'],
};

export const numberTargetSchema = z.enum(numberStatuses);
export const simTargetSchema = z.enum(simStatuses);

/** What the timed guards need to know about the number now. */
export interface NumberTimes {
  now: Date;
  /** End of the cool-down of a recycled number. */
  availableFrom: Date | null;
  /** End of a pre-emption's hold. */
  preemptedUntil: Date | null;
}

const label = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`;

function refusal(
  current: string,
  currentLabel: { zh: string; en: string },
  allowed: readonly string[],
  labels: Record<string, { zh: string; en: string }>,
): string {
  const targets =
    allowed.length === 0
      ? 'none (orders change it)'
      : allowed.map((s) => `${s} (${label(labels[s]!)})`).join(', ');
  return `to: the current state is ${current} (${label(currentLabel)}); allowed from here: ${targets}`;
}

/** Why the number may not go from `from` to `to` now, or null when it may. */
export function numberTransitionProblem(
  from: NumberStatus,
  to: NumberStatus,
  times: NumberTimes,
): string | null {
  const allowed = numberTransitions[from];
  if (!allowed.includes(to)) return refusal(from, numberStatusLabels[from], allowed, numberStatusLabels);
  if (from === 'recycled' && to === 'unused' && times.availableFrom && times.availableFrom > times.now) {
    return (
      `to: the current state is recycled (${label(numberStatusLabels.recycled)}); its cool-down ends at ` +
      `${times.availableFrom.toISOString()}, only then may it become unused`
    );
  }
  if (from === 'preempted' && to === 'unused' && times.preemptedUntil && times.preemptedUntil > times.now) {
    return (
      `to: the current state is preempted (${label(numberStatusLabels.preempted)}); an order holds it until ` +
      `${times.preemptedUntil.toISOString()}, only then may it be released`
    );
  }
  return null;
}

/** Why the SIM may not go from `from` to `to`, or null when it may. */
export function simTransitionProblem(from: SimStatus, to: SimStatus): string | null {
  const allowed = simTransitions[from];
  return allowed.includes(to) ? null : refusal(from, simStatusLabels[from], allowed, simStatusLabels);
}
