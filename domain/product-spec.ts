import { z } from 'zod';

/**
 * A product specification as data (REQ: GRP-3): the typed attributes a group product, its members or a tariff
 * package take, each with its validation rule. Kept in the catalogue (`group_products.spec`), so a new
 * attribute is a data change, not a code change.
 */

const label = z.object({ zh: z.string().min(1), en: z.string().min(1) });

const common = {
  code: z.string().regex(/^[a-z][A-Za-z0-9]{0,39}$/, 'must be a camelCase code'),
  name: label,
  required: z.boolean().default(false),
};

export const attributeSpecSchema = z.discriminatedUnion('type', [
  z.object({ ...common, type: z.literal('enum'), values: z.array(z.string().min(1)).min(1) }),
  z.object({ ...common, type: z.literal('integer'), min: z.number().int(), max: z.number().int() }),
  z.object({ ...common, type: z.literal('boolean') }),
  z.object({
    ...common,
    type: z.literal('string'),
    maxLength: z.number().int().positive(),
    /** A regular expression the whole value must match. */
    pattern: z.string().optional(),
    /** Shown instead of the pattern when a value does not match, e.g. "11 digits". */
    patternHint: z.string().optional(),
  }),
]);
export type AttributeSpec = z.infer<typeof attributeSpecSchema>;

export const productSpecSchema = z.object({ attributes: z.array(attributeSpecSchema) });
export type ProductSpec = z.infer<typeof productSpecSchema>;

export type AttributeValue = string | number | boolean;
export type AttributeValues = Record<string, AttributeValue>;

/** Attribute values as requests carry them. */
export const attributeValuesSchema = z.record(
  z.string().max(40),
  z.union([z.string().max(200), z.number(), z.boolean()]),
);

/** One value that breaks its rule: `path` names the field (e.g. `attributes.maxTalkGroups`), `rule` says why. */
export interface AttributeIssue {
  path: string;
  rule: string;
}

/**
 * Checks values against a specification. With `partial` (a change) only the attributes given are checked and
 * none is required. Unknown attributes are refused: a typo must not pass silently.
 */
export function validateAttributes(
  spec: ProductSpec,
  values: AttributeValues,
  options: { path: string; partial?: boolean },
): AttributeIssue[] {
  const issues: AttributeIssue[] = [];
  const known = new Map(spec.attributes.map((a) => [a.code, a]));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) {
      issues.push({
        path: `${options.path}.${key}`,
        rule: `is not an attribute of this product; known: ${[...known.keys()].join(', ')}`,
      });
    }
  }
  for (const attr of spec.attributes) {
    const path = `${options.path}.${attr.code}`;
    const value = values[attr.code];
    if (value === undefined) {
      if (attr.required && !options.partial) issues.push({ path, rule: 'is required' });
      continue;
    }
    const rule = ruleBroken(attr, value);
    if (rule) issues.push({ path, rule });
  }
  return issues;
}

function ruleBroken(attr: AttributeSpec, value: AttributeValue): string | null {
  switch (attr.type) {
    case 'enum':
      return typeof value === 'string' && attr.values.includes(value)
        ? null
        : `must be one of: ${attr.values.join(', ')}`;
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= attr.min && value <= attr.max
        ? null
        : `must be a whole number from ${attr.min} to ${attr.max}`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'string':
      if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty text';
      if (value.length > attr.maxLength) return `must be at most ${attr.maxLength} characters`;
      if (attr.pattern && !new RegExp(`^(?:${attr.pattern})$`).test(value))
        return `must be ${attr.patternHint ?? `text matching ${attr.pattern}`}`;
      return null;
  }
}

/**
 * Reads a value written as text (a CSV cell) as the attribute's type would have it; an empty cell is absent.
 * Returns the text unchanged when it cannot be read, so `validateAttributes` names the rule.
 */
export function attributeFromText(attr: AttributeSpec | undefined, text: string): AttributeValue | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (attr?.type === 'integer' && /^-?\d+$/.test(trimmed)) return Number(trimmed);
  if (attr?.type === 'boolean') {
    if (/^(true|1|yes|是)$/i.test(trimmed)) return true;
    if (/^(false|0|no|否)$/i.test(trimmed)) return false;
  }
  return trimmed;
}
