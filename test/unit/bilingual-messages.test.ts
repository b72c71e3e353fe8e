import { describe, expect, it } from 'vitest';
import { $ZodType } from 'zod/v4/core';
import { loginBody } from '../../api/access/auth';
import { cancelRequestSchema, orderRequestSchema } from '../../api/orders/orders';
import { chineseRule } from '../../domain/bilingual-messages';

/**
 * Every message a schema states in its own words (a regex's, a refinement's, a required text's, a literal's):
 * zod keeps it as the check's `error`, a function of the issue. Built-in checks have none (zod's locale words them).
 */
function ownMessages(root: $ZodType): Set<string> {
  const found = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value === null || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (value instanceof $ZodType) {
      const def = value._zod.def as unknown as Record<string, unknown> & {
        checks?: { _zod: { def: unknown } }[];
      };
      messageOf(def.error);
      for (const check of def.checks ?? []) messageOf((check._zod.def as { error?: unknown }).error);
      Object.values(def).forEach(visit);
      return;
    }
    Object.values(value).forEach(visit);
  };
  const messageOf = (error: unknown) => {
    if (typeof error !== 'function') return;
    const made = (error as (issue: object) => unknown)({ code: 'custom', path: [], input: undefined });
    const text = typeof made === 'string' ? made : (made as { message?: unknown } | undefined)?.message;
    if (typeof text === 'string') found.add(text);
  };
  visit(root);
  return found;
}

describe('the request schemas state their own rules in Chinese as well as English', () => {
  it('UI-1: every own message of the order, cancel and sign-in requests has its Chinese registered', () => {
    const messages = [orderRequestSchema, cancelRequestSchema, loginBody].flatMap((s) => [...ownMessages(s)]);
    // The walk finds them (the ID-card rule, the port-in agreement, the change-data refinement among them).
    expect(messages).toEqual(
      expect.arrayContaining([
        'an ID card number is 17 digits followed by a digit or X',
        'the porting agreement must be signed (agreementSigned: true)',
        'at least one of name, address, contactPhone, servicePassword must change',
        'reason is required',
      ]),
    );
    expect(messages.filter((en) => chineseRule(en) === undefined)).toEqual([]);
  });

  it('UI-1 OPEN-3: the ID-card rule reads in Chinese', () => {
    expect(chineseRule('an ID card number is 17 digits followed by a digit or X')).toBe(
      '身份证号码应为 17 位数字加 1 位校验码（数字或 X）',
    );
  });
});
