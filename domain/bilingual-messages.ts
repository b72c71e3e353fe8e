/**
 * REQ: UI-1 — the Chinese text of each rule the request schemas state in their own words (a regex's message,
 * a refinement's, a required text's): the schema keeps the English rule as zod's message, and `rule` registers
 * its Chinese beside it, so a refusal names the field in both working languages (`details: [{ path, zh, en }]`).
 * Zod's built-in checks (type, length, enum…) take their Chinese from zod's own zh-CN locale instead.
 */

const chineseOf = new Map<string, string>();

/** The English rule, its Chinese registered beside it; use the result as the schema's message. */
export function rule(en: string, zh: string): string {
  chineseOf.set(en, zh);
  return en;
}

/** A text field that must be filled in: `<field> is required` / 必填. */
export const required = (field: string): string => rule(`${field} is required`, '必填，不能为空');

/** The Chinese of a rule registered with `rule`; undefined for one that was not. */
export function chineseRule(en: string): string | undefined {
  return chineseOf.get(en);
}
