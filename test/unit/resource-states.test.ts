import { describe, expect, it } from 'vitest';
import { numberStatuses, simStatuses } from '../../domain/numbers';
import {
  numberStatusLabels,
  numberTransitionProblem,
  numberTransitions,
  simStatusLabels,
  simTransitionProblem,
  simTransitions,
} from '../../domain/resource-states';

const now = new Date('2026-03-01T00:00:00Z');
const past = new Date('2026-02-28T00:00:00Z');
const future = new Date('2026-03-02T00:00:00Z');
const lapsed = { now, availableFrom: past, preemptedUntil: past };

describe('number and SIM state machines (RES-3)', () => {
  const numberPairs = numberStatuses.flatMap((from) => numberStatuses.map((to) => [from, to] as const));
  it.each(numberPairs)('RES-3: number %s → %s is allowed only if the table says so', (from, to) => {
    const problem = numberTransitionProblem(from, to, lapsed);
    if (numberTransitions[from].includes(to)) {
      expect(problem).toBeNull();
    } else {
      expect(problem).toContain(`the current state is ${from} (${numberStatusLabels[from].zh}`);
      expect(problem).toContain('allowed from here:');
    }
  });

  const simPairs = simStatuses.flatMap((from) => simStatuses.map((to) => [from, to] as const));
  it.each(simPairs)('RES-3: SIM %s → %s is allowed only if the table says so', (from, to) => {
    const problem = simTransitionProblem(from, to);
    if (simTransitions[from].includes(to)) expect(problem).toBeNull();
    else expect(problem).toContain(`the current state is ${from} (${simStatusLabels[from].zh}`);
  });

  it('RES-3: numbers in use or ported out, and SIMs in use, change only through orders', () => {
    expect(numberTransitions.inUse).toEqual([]);
    expect(numberTransitions.portedOut).toEqual([]);
    expect(simTransitions.inUse).toEqual([]);
    expect(numberTransitionProblem('inUse', 'unused', lapsed)).toContain('none (orders change it)');
  });

  it('RES-3: a recycled number becomes unused only once its cool-down has ended, and says when', () => {
    const cooling = { now, availableFrom: future, preemptedUntil: null };
    expect(numberTransitionProblem('recycled', 'unused', cooling)).toContain(future.toISOString());
    expect(numberTransitionProblem('recycled', 'disabled', cooling)).toBeNull();
    expect(numberTransitionProblem('recycled', 'unused', lapsed)).toBeNull();
  });

  it('RES-3: a pre-empted number is released by hand only once the hold has expired', () => {
    const held = { now, availableFrom: null, preemptedUntil: future };
    expect(numberTransitionProblem('preempted', 'unused', held)).toContain('an order holds it until');
    expect(numberTransitionProblem('preempted', 'unused', lapsed)).toBeNull();
  });

  it('RES-3: reserved is entered only through a reservation, never by a plain state change', () => {
    for (const from of numberStatuses) expect(numberTransitions[from]).not.toContain('reserved');
  });
});
