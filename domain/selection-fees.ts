/**
 * REQ: RES-4 — selection fees (选号费) by rules an administrator keeps as data: each rule a regular expression
 * over the number's digits, a fee in fen and a priority; the active rule with the highest priority that
 * matches decides, and a number no rule matches costs nothing.
 */
export interface FeeRule {
  id: string;
  name: string;
  pattern: string;
  feeFen: number;
  priority: number;
  active: boolean;
}

export interface CompiledFeeRules {
  feeFor(number: string): { feeFen: number; ruleId: string | null };
}

/** Patterns are short (they run against at most 20 digits), so a bad one cannot take long. */
export const MAX_PATTERN_LENGTH = 64;

/** Why a pattern cannot be a rule, or null when it can. */
export function patternProblem(pattern: string): string | null {
  if (pattern.length === 0 || pattern.length > MAX_PATTERN_LENGTH) {
    return `must be 1 to ${MAX_PATTERN_LENGTH} characters`;
  }
  try {
    new RegExp(pattern);
    return null;
  } catch (err) {
    return `is not a valid regular expression (${(err as Error).message})`;
  }
}

/** Compiles the active rules once, highest priority first (ties: by ID), for many numbers. */
export function compileFeeRules(rules: readonly FeeRule[]): CompiledFeeRules {
  const ordered = rules
    .filter((r) => r.active && patternProblem(r.pattern) === null)
    .sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id))
    .map((r) => ({ id: r.id, feeFen: r.feeFen, test: new RegExp(r.pattern) }));
  return {
    feeFor(number) {
      const hit = ordered.find((r) => r.test.test(number));
      return hit ? { feeFen: hit.feeFen, ruleId: hit.id } : { feeFen: 0, ruleId: null };
    },
  };
}

/** The demo rules the seed starts with (the same as domain/numbers.ts defaultSelectionFeeRules). */
export const seedFeeRules: readonly Omit<FeeRule, 'active'>[] = [
  {
    id: 'FEE-AAAA',
    name: '尾号四连 Quad tail (AAAA)',
    pattern: '(\\d)\\1{3}$',
    feeFen: 100_000,
    priority: 50,
  },
  {
    id: 'FEE-AAA',
    name: '尾号三连 Triple tail (AAA)',
    pattern: '(\\d)\\1{2}$',
    feeFen: 20_000,
    priority: 40,
  },
  { id: 'FEE-88', name: '尾号 88 Lucky 8 tail', pattern: '88$', feeFen: 10_000, priority: 30 },
  {
    id: 'FEE-ABAB',
    name: '尾号 ABAB Pair pattern',
    pattern: '(\\d)(\\d)\\1\\2$',
    feeFen: 5_000,
    priority: 20,
  },
  {
    id: 'FEE-ASC4',
    name: '尾号四位顺增 Ascending run',
    pattern: '(0123|1234|2345|3456|4567|5678|6789)$',
    feeFen: 8_000,
    priority: 35,
  },
];
