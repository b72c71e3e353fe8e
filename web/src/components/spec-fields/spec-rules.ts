import type { Bilingual } from '../../i18n/messages';

/**
 * A product specification as the console renders it (REQ: GRP-3): the attribute types the catalogue knows
 * (domain/product-spec.ts), the control each becomes and the rule each value keeps — the same rules the API
 * checks, so a form refuses a value before sending it and says why in both languages. Pure functions: the
 * renderer (SpecFields.tsx) and the tests share them.
 */

interface AttributeCommon {
  code: string;
  name: Bilingual;
  required?: boolean;
}

/** One attribute of a specification: product attributes, member attributes or a tariff's parameters. */
export type SpecAttribute = AttributeCommon &
  (
    | { type: 'enum'; values: string[] }
    | { type: 'integer'; min: number; max: number }
    | { type: 'boolean' }
    | { type: 'string'; maxLength: number; pattern?: string; patternHint?: string }
  );

export interface Spec {
  attributes: readonly SpecAttribute[];
}

export type AttributeValue = string | number | boolean;
export type AttributeValues = Record<string, AttributeValue>;

/** The control an attribute becomes: a choice list, a whole-number input, a switch or a text input. */
export type SpecControl = 'select' | 'number' | 'switch' | 'text';

export function controlOf(attr: SpecAttribute): SpecControl {
  switch (attr.type) {
    case 'enum':
      return 'select';
    case 'integer':
      return 'number';
    case 'boolean':
      return 'switch';
    case 'string':
      return 'text';
  }
}

/** The whole-value pattern of a text attribute (the API anchors it the same way), or null. */
export function patternOf(attr: SpecAttribute): RegExp | null {
  return attr.type === 'string' && attr.pattern ? new RegExp(`^(?:${attr.pattern})$`) : null;
}

/** What a field shows under itself: the range, the choices, the format or the length it takes. */
export function ruleText(attr: SpecAttribute): Bilingual | null {
  switch (attr.type) {
    case 'enum':
      return { zh: `可选：${attr.values.join('、')}`, en: `One of: ${attr.values.join(', ')}` };
    case 'integer':
      return { zh: `${attr.min}–${attr.max} 的整数`, en: `A whole number from ${attr.min} to ${attr.max}` };
    case 'boolean':
      return null;
    case 'string':
      if (attr.patternHint) return { zh: `格式：${attr.patternHint}`, en: `Format: ${attr.patternHint}` };
      if (attr.pattern) return { zh: `格式：${attr.pattern}`, en: `Format: ${attr.pattern}` };
      return { zh: `最多 ${attr.maxLength} 个字符`, en: `At most ${attr.maxLength} characters` };
  }
}

/** An empty field: nothing chosen or typed (a switch is never empty). */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * REQ: GRP-3 — why a value breaks its attribute's rule, in both languages, or null when it keeps it. With
 * `partial` (a change) an empty field means "unchanged" and is never required.
 */
export function problemOf(
  attr: SpecAttribute,
  value: unknown,
  options: { partial?: boolean } = {},
): Bilingual | null {
  if (isBlank(value)) {
    return attr.required && !options.partial
      ? { zh: `请填写${attr.name.zh}`, en: `${attr.name.en} is required` }
      : null;
  }
  switch (attr.type) {
    case 'enum':
      return typeof value === 'string' && attr.values.includes(value)
        ? null
        : { zh: `须为以下之一：${attr.values.join('、')}`, en: `Must be one of: ${attr.values.join(', ')}` };
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= attr.min && value <= attr.max
        ? null
        : {
            zh: `须为 ${attr.min} 到 ${attr.max} 之间的整数`,
            en: `Must be a whole number from ${attr.min} to ${attr.max}`,
          };
    case 'boolean':
      return typeof value === 'boolean' ? null : { zh: '须为是或否', en: 'Must be yes or no' };
    case 'string': {
      if (typeof value !== 'string') return { zh: '须为文字', en: 'Must be text' };
      if (value.length > attr.maxLength)
        return { zh: `最多 ${attr.maxLength} 个字符`, en: `Must be at most ${attr.maxLength} characters` };
      const pattern = patternOf(attr);
      if (pattern && !pattern.test(value)) {
        const hint = attr.patternHint ?? attr.pattern ?? '';
        return { zh: `格式不正确，应为：${hint}`, en: `Must be ${hint}` };
      }
      return null;
    }
  }
}

/**
 * The values a request carries from a form's fields: empty fields left out, text trimmed. With `unchanged`
 * (a change) only the values that differ from those are kept.
 */
export function specValues(
  spec: Spec,
  fields: Record<string, unknown> | undefined,
  unchanged?: AttributeValues,
): AttributeValues {
  const values: AttributeValues = {};
  for (const attr of spec.attributes) {
    const raw = fields?.[attr.code];
    if (isBlank(raw)) continue;
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue;
    if (unchanged && unchanged[attr.code] === value) continue;
    values[attr.code] = value;
  }
  return values;
}

/** The field values a form starts from: the given values, and `false` for a switch of a new order. */
export function initialSpecFields(spec: Spec, values?: AttributeValues): Record<string, AttributeValue> {
  const fields: Record<string, AttributeValue> = {};
  for (const attr of spec.attributes) {
    const value = values?.[attr.code];
    if (value !== undefined) fields[attr.code] = value;
    else if (attr.type === 'boolean' && !values) fields[attr.code] = false;
  }
  return fields;
}

/**
 * A refusal of the API naming spec attributes (`details: [{ path, rule }]`, e.g. InvalidProductAttributes)
 * as field errors to show beside their fields; the API states the rule in English only.
 */
export function specIssues(details: unknown): { path: string; zh: string; en: string }[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, rule } = d as { path?: unknown; rule?: unknown };
    if (typeof path !== 'string' || typeof rule !== 'string') return [];
    return [{ path, zh: `不符合产品规格：${rule}`, en: rule }];
  });
}
