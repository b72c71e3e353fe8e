import { describe, expect, it } from 'vitest';
import {
  defaultSelectionFeeRules,
  msisdnSchema,
  numberPatternSchema,
  patternToLike,
  selectionFeeFor,
  type SelectionFeeRule,
} from '../../domain/numbers';

describe('selection fee rules', () => {
  it.each([
    ['13800008888', 100_000, 'quad tail'],
    ['13800001888', 20_000, 'triple tail'],
    ['13800000888', 20_000, 'triple tail beats lucky 8'],
    ['13800001288', 10_000, 'lucky 8 tail'],
    ['13800001212', 5_000, 'ABAB pair'],
    ['13800001235', 0, 'no pattern'],
    ['13800001234', 0, 'no pattern, 4 in tail'],
  ])('RES-4: %s costs %i fen (%s)', (msisdn, fee) => {
    expect(selectionFeeFor(msisdn)).toBe(fee);
  });

  it('RES-4: the first matching rule wins, and configured rules replace the defaults', () => {
    const rules: SelectionFeeRule[] = [
      { name: 'ends 66', test: /66$/, feeFen: 3_000 },
      { name: 'ends 6', test: /6$/, feeFen: 1_000 },
    ];
    expect(selectionFeeFor('13800001266', rules)).toBe(3_000);
    expect(selectionFeeFor('13800001236', rules)).toBe(1_000);
    expect(selectionFeeFor('13800008888', rules)).toBe(0);
    expect(selectionFeeFor('13800001266', [])).toBe(0);
    expect(defaultSelectionFeeRules[0]?.name).toBe('quad tail (AAAA)');
  });
});

describe('number formats', () => {
  it('RES-5: a mobile number is 11 digits starting with 1', () => {
    expect(msisdnSchema.safeParse('13800100088').success).toBe(true);
    for (const bad of ['1380010008', '138001000880', '03800100088', '1380010008X', ' 13800100088', '']) {
      expect(msisdnSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('RES-5: a search pattern is digits and "*", at most 11 characters', () => {
    expect(numberPatternSchema.safeParse('*888').success).toBe(true);
    expect(numberPatternSchema.safeParse('138*0000').success).toBe(true);
    expect(numberPatternSchema.safeParse('138%').success).toBe(false);
    expect(numberPatternSchema.safeParse('1380010008888').success).toBe(false);
    expect(numberPatternSchema.safeParse('').success).toBe(false);
  });

  it('RES-5: patterns become SQL LIKE patterns; without "*" they match the digits anywhere', () => {
    expect(patternToLike('*888')).toBe('%888');
    expect(patternToLike('138*0000')).toBe('138%0000');
    expect(patternToLike('138**8')).toBe('138%%8');
    expect(patternToLike('8888')).toBe('%8888%');
  });
});
