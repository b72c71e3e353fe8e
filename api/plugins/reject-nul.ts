import type { FastifyInstance } from 'fastify';
import { AppError } from '../../domain/errors';

/** The rule as the OpenAPI document states it on every request string: no NUL character anywhere. */
export const NUL_FREE_PATTERN = '^[^\\u0000]*$';

/**
 * Where the first NUL character sits in `value`: in a string (`body.customer.name`) or in a property's name
 * (`inName`, e.g. a key of a product's free attributes); null if none.
 */
export function nulPath(value: unknown, path: string, depth = 0): { path: string; inName: boolean } | null {
  if (typeof value === 'string') return value.includes('\u0000') ? { path, inName: false } : null;
  if (depth > 64 || typeof value !== 'object' || value === null) return null;
  // A streamed body (CSV upload) or a buffer is not walked: a stream is a socket's object graph, not data.
  if (Buffer.isBuffer(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = key.includes('\u0000')
      ? { path: `${path}.${key}`, inName: true }
      : nulPath(inner, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold the NUL character: a `%00` in a path parameter or a `"\u0000"` in a body field
 * made the database query fail and the API answer 500 (found by the property-based malformed-requests test). A request
 * is refused naming the field instead. It is checked after validation, on what the route's schema kept: a
 * property the schema does not name is dropped with whatever it held, as the document (which allows such
 * properties) says. In a string the document states the rule (`stateNulRefusal`): 400 ValidationFailed. In a
 * property's name (the keys of free-form maps such as product attributes) OpenAPI 3.0 cannot state it, so it is
 * a business refusal: 422 BusinessRuleViolated.
 */
export function registerRejectNul(app: FastifyInstance): void {
  app.addHook('preHandler', async (request) => {
    const found =
      nulPath(request.params, 'params') ?? nulPath(request.query, 'query') ?? nulPath(request.body, 'body');
    if (!found) return;
    const rule = `${found.path}: the NUL character (\\u0000) is not allowed${found.inName ? ' in a name' : ''}`;
    throw new AppError(found.inName ? 'BusinessRuleViolated' : 'ValidationFailed', rule);
  });
}

type JsonSchemaNode = { [keyword: string]: unknown };
const isNode = (value: unknown): value is JsonSchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The request schema `schema` (JSON Schema, as the OpenAPI document holds it) with the NUL rule stated: every
 * string without a pattern, enumeration or constant of its own gets `NUL_FREE_PATTERN` (a pattern of its own
 * is written to exclude NUL already). Returns a copy; `schema` is left as it is.
 */
export function stateNulRefusal(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(stateNulRefusal);
  if (!isNode(schema)) return schema;
  const copy: JsonSchemaNode = {};
  for (const [keyword, value] of Object.entries(schema)) {
    copy[keyword] =
      keyword === 'properties' && isNode(value)
        ? Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, stateNulRefusal(inner)]))
        : SUBSCHEMA_KEYWORDS.has(keyword)
          ? stateNulRefusal(value)
          : value;
  }
  const types = Array.isArray(copy.type) ? copy.type : [copy.type];
  if (types.includes('string') && !('pattern' in copy || 'enum' in copy || 'const' in copy)) {
    copy.pattern = NUL_FREE_PATTERN;
  }
  return copy;
}

const SUBSCHEMA_KEYWORDS = new Set(['items', 'additionalProperties', 'anyOf', 'oneOf', 'allOf', 'not']);
