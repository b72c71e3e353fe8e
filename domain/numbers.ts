import { z } from 'zod';
import { rule } from './bilingual-messages';

/** REQ: RES-5 — a mobile number (MSISDN) is 11 digits starting with 1. */
export const msisdnSchema = z
  .string()
  .regex(
    /^1\d{10}$/,
    rule('must be an 11-digit mobile number starting with 1', '应为以 1 开头的 11 位手机号码'),
  );

/**
 * REQ: RES-3 — number states. `portedOut`: the number left for another operator (携号转网, MNP-5); it is
 * not ours to sell again.
 */
export const numberStatuses = [
  'unused',
  'disabled',
  'recycled',
  'preempted',
  'reserved',
  'inUse',
  'portedOut',
] as const;
export type NumberStatus = (typeof numberStatuses)[number];

/** REQ: RES-3 — SIM states. */
export const simStatuses = ['available', 'issued', 'inUse', 'damaged'] as const;
export type SimStatus = (typeof simStatuses)[number];

/** A search pattern: digits with `*` for any run of digits, e.g. `*888` or `138*0000`. */
export const numberPatternSchema = z
  .string()
  .regex(
    /^[0-9*]{1,11}$/,
    rule(
      'may contain only digits and "*" (any digits), at most 11 characters',
      '只能包含数字和 *（任意位数字），最多 11 个字符',
    ),
  );

/** Turns a number pattern into a SQL LIKE pattern; without `*` it matches numbers containing the digits. */
export function patternToLike(pattern: string): string {
  return pattern.includes('*') ? pattern.replaceAll('*', '%') : `%${pattern}%`;
}

export interface SelectionFeeRule {
  name: string;
  test: RegExp;
  feeFen: number;
}

/**
 * REQ: RES-4 — selection fee (选号费) by pattern: the first rule that matches wins. Amounts are in fen.
 * These are the demo defaults used by the seed; an administrator may change a number's fee later.
 */
export const defaultSelectionFeeRules: SelectionFeeRule[] = [
  { name: 'quad tail (AAAA)', test: /(\d)\1{3}$/, feeFen: 100_000 },
  { name: 'triple tail (AAA)', test: /(\d)\1{2}$/, feeFen: 20_000 },
  { name: 'lucky 8 tail', test: /88$/, feeFen: 10_000 },
  { name: 'pair pattern (ABAB)', test: /(\d)(\d)\1\2$/, feeFen: 5_000 },
  { name: 'no 4 in tail', test: /^\d{7}[0-35-9]{4}$/, feeFen: 0 },
];

export function selectionFeeFor(
  msisdn: string,
  rules: SelectionFeeRule[] = defaultSelectionFeeRules,
): number {
  return rules.find((r) => r.test.test(msisdn))?.feeFen ?? 0;
}
