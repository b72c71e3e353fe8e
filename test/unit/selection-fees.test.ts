import { describe, expect, it } from 'vitest';
import { compileFeeRules, patternProblem, seedFeeRules, type FeeRule } from '../../domain/selection-fees';

const seeded: FeeRule[] = seedFeeRules.map((r) => ({ ...r, active: true }));

describe('selection-fee rules as data (RES-4)', () => {
  it.each([
    ['13800008888', 100_000, 'FEE-AAAA'],
    ['13800001888', 20_000, 'FEE-AAA'],
    ['13800001288', 10_000, 'FEE-88'],
    ['13800005678', 8_000, 'FEE-ASC4'],
    ['13800001212', 5_000, 'FEE-ABAB'],
    ['13800001235', 0, null],
  ])('RES-4: %s costs %i fen by rule %s', (number, feeFen, ruleId) => {
    expect(compileFeeRules(seeded).feeFor(number)).toEqual({ feeFen, ruleId });
  });

  it('RES-4: the highest priority wins whatever the order given; an inactive rule does not count', () => {
    const rules: FeeRule[] = [
      { id: 'LOW', name: 'ends 6', pattern: '6$', feeFen: 1_000, priority: 1, active: true },
      { id: 'HIGH', name: 'ends 66', pattern: '66$', feeFen: 3_000, priority: 9, active: true },
      { id: 'OFF', name: 'ends 666', pattern: '666$', feeFen: 9_000, priority: 99, active: false },
    ];
    expect(compileFeeRules(rules).feeFor('13800001666')).toEqual({ feeFen: 3_000, ruleId: 'HIGH' });
    expect(compileFeeRules(rules).feeFor('13800001236')).toEqual({ feeFen: 1_000, ruleId: 'LOW' });
  });

  it('RES-4: a pattern that is not a regular expression, empty or too long is refused with the reason', () => {
    expect(patternProblem('(\\d')).toMatch(/not a valid regular expression/);
    expect(patternProblem('')).toMatch(/1 to 64 characters/);
    expect(patternProblem('1'.repeat(65))).toMatch(/1 to 64 characters/);
    expect(patternProblem('88$')).toBeNull();
  });
});
