import { z } from 'zod';
import { rule } from './bilingual-messages';

/**
 * What `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator), spelled out so that every
 * regular-expression engine reading the OpenAPI document (Python's among them) takes the same characters.
 */
const SPACE = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff';
const ANY = '[^\\u0000]';
const SOLID = `[^${SPACE}\\u0000]`;

/** Text whose trimmed form has at least `min` characters, with no NUL character: the rule as a pattern. */
export const notBlankPattern = (min = 1): RegExp =>
  new RegExp(min <= 1 ? `^${ANY}*${SOLID}${ANY}*$` : `^${ANY}*${SOLID}${ANY}{${min - 2},}${SOLID}${ANY}*$`);

/** Letters and digits both, in either order, with no NUL character (a password's composition). */
export const lettersAndDigitsPattern = new RegExp(
  `^(?:${ANY}*[A-Za-z]${ANY}*[0-9]|${ANY}*[0-9]${ANY}*[A-Za-z])${ANY}*$`,
);

/**
 * A free-text field of at most `max` characters that must not be blank (at least `min` once trimmed), kept
 * trimmed. The pattern says in the OpenAPI document what `.trim().min(min)` alone could not: that blanks count
 * for nothing.
 */
export const nonBlankText = (
  max: number,
  min = 1,
  message = min <= 1
    ? rule('must not be blank', '不能为空')
    : rule(`needs ${min} characters`, `至少需要 ${min} 个字符（不计首尾空白）`),
) => z.string().max(max).regex(notBlankPattern(min), message).trim();
