import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { $ZodType } from 'zod/v4/core';
import { AppError } from '../domain/errors';
import { stateNulRefusal } from './plugins/reject-nul';

/**
 * How the API keeps its OpenAPI document (/docs/json) and its validation one contract: both come from the
 * routes' zod schemas, and where the two part ways by nature the difference is settled here.
 * - A rule JSON Schema cannot state (a zod refinement: a cross-field rule, a rule on today's date) is a
 *   business refusal: 422 BusinessRuleViolated naming the field and the rule. 400 is only for what the
 *   document states.
 * - The NUL character, refused in every request string (plugins/reject-nul.ts), is stated on each.
 * - A response declared `z.null()` (204) has no body, and the document says so instead of promising JSON.
 */

/** The routes' zod validation, with refinements answered 422 instead of 400. */
export const contractValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const result = validate(data);
    const refused = typeof result === 'object' && 'error' in result ? result.error : undefined;
    const issues = Array.isArray(refused) ? (refused as RefusedIssue[]) : [];
    if (issues.length === 0 || !issues.every(isRefinement)) return result;
    const where = route.httpPart ?? 'body';
    const named = issues.map((issue) => ({
      field: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      rule: issue.message ?? 'invalid',
    }));
    const message = named.map((i) => `${i.field}: ${i.rule}`).join('; ');
    return { error: new AppError('BusinessRuleViolated', message, { issues: named }) };
  };
};

interface RefusedIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: { params?: { statedByDocument?: boolean } };
}

/**
 * A rule the document cannot state: a custom check, unless it checks what the document does say — marked
 * `z.custom(check, { params: statedByDocument })`, e.g. "the body is the CSV file" of a `text/csv` route.
 */
const isRefinement = (issue: RefusedIssue): boolean =>
  issue.keyword === 'custom' && issue.params?.params?.statedByDocument !== true;

/** Params of a custom check whose rule the document states (its refusal stays 400). */
export const statedByDocument = { statedByDocument: true } as const;

/** `jsonSchemaTransform` (zod → OpenAPI) with the NUL rule stated on requests and empty responses empty. */
export const contractSchemaTransform: SwaggerTransform<FastifySchema> = (input) => {
  const { schema, url } = jsonSchemaTransform(input);
  const stated: Record<string, unknown> = { ...schema };
  for (const part of ['params', 'querystring', 'body', 'headers'] as const) {
    if (stated[part] !== undefined) stated[part] = stateNulRefusal(stated[part]);
  }
  const response = stated.response as Record<string, unknown> | undefined;
  if (response) {
    stated.response = Object.fromEntries(
      Object.entries(response).map(([status, answer]) => [
        status,
        isNullSchema(answer) ? noBody(answer) : answer,
      ]),
    );
  }
  return { schema: stated, url };
};

/** zod writes `z.null()` for OpenAPI 3.0 as `{ type: 'string', nullable: true, enum: [null] }`. */
function isNullSchema(schema: unknown): schema is { description?: string } {
  if (typeof schema !== 'object' || schema === null) return false;
  const { enum: values, nullable } = schema as { enum?: unknown; nullable?: unknown };
  return nullable === true && Array.isArray(values) && values.length === 1 && values[0] === null;
}

/** @fastify/swagger documents a response of `type: 'null'` with its description and no content. */
const noBody = (schema: { description?: string }) => ({
  type: 'null',
  description: schema.description ?? 'No body',
});
