import type { SwaggerTransform } from '@fastify/swagger';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { $ZodType, safeParse } from 'zod/v4/core';
import { chineseRule } from '../domain/bilingual-messages';
import { AppError } from '../domain/errors';
import { stateNulRefusal } from './plugins/reject-nul';

/**
 * How the API keeps its OpenAPI document (/docs/json) and its validation one contract: both come from the
 * routes' zod schemas, and where the two part ways by nature the difference is settled here.
 * - A rule JSON Schema cannot state (a zod refinement: a cross-field rule, a rule on today's date) is a
 *   business refusal: 422 BusinessRuleViolated naming the field and the rule. 400 is only for what the
 *   document states.
 * - The NUL character, refused in every request string (plugins/reject-nul.ts), is stated on each.
 * - Each refused field is answered `{ path, zh, en }`: the rule in both working languages (REQ: UI-1).
 * - A response declared `z.null()` (204) has no body, and the document says so instead of promising JSON.
 */

/** zod's own Chinese (zh-CN) messages for its built-in checks. */
const chineseErrors = z.locales.zhCN().localeError;

/**
 * The routes' zod validation, with refinements answered 422 instead of 400, and each refused field's rule in
 * both working languages (REQ: UI-1): English as zod words it (or the schema's own message), Chinese from
 * zod's zh-CN locale, or for the schema's own message the Chinese registered beside it (`rule`).
 */
export const contractValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const validate = validatorCompiler(route);
  return (data) => {
    const result = validate(data);
    const refused = typeof result === 'object' && 'error' in result ? result.error : undefined;
    const issues = Array.isArray(refused) ? (refused as RefusedIssue[]) : [];
    if (issues.length === 0) return result;
    const chinese = chineseMessages(route.schema, data);
    issues.forEach((issue, i) => {
      const zh = chinese?.[i];
      issue.zh = zh && zh.path === issue.instancePath ? zh.message : undefined;
    });
    if (!issues.every(isRefinement)) return result;
    const details = issues.map((issue) => fieldError(route.httpPart ?? 'body', issue));
    const message = details.map((d) => `${d.path}: ${d.en}`).join('; ');
    return { error: new AppError('BusinessRuleViolated', message, details) };
  };
};

/**
 * REQ: UI-1 — a refused field as the error body's `details` list it: `{ path, zh, en }`. A schema's own message
 * with no Chinese registered (`rule`) reads in English in both.
 */
export function fieldError(
  where: string,
  issue: Pick<RefusedIssue, 'instancePath' | 'message' | 'zh'>,
): { path: string; zh: string; en: string } {
  const en = issue.message ?? 'invalid';
  return {
    path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
    zh: issue.zh ?? chineseRule(en) ?? en,
    en,
  };
}

/**
 * The same validation again with zod's Chinese messages, issue by issue (the same schema and input refuse
 * the same fields in the same order); a schema's own message stays as written there, so its registered
 * Chinese is looked up. Null when the schema is not a zod schema.
 */
function chineseMessages(schema: unknown, data: unknown): { path: string; message: string }[] | null {
  if (!(schema instanceof $ZodType)) return null;
  const result = safeParse(schema, data, { error: chineseErrors });
  if (result.success) return null;
  return result.error.issues.map((issue) => ({
    path: `/${issue.path.join('/')}`,
    message: chineseRule(issue.message) ?? issue.message,
  }));
}

interface RefusedIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: { params?: { statedByDocument?: boolean } };
  /** The rule in Chinese, added by `contractValidatorCompiler`. */
  zh?: string | undefined;
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
