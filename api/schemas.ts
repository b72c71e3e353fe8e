import { z } from 'zod';

/** REQ: UI-1 — one refused field of a request, in both working languages, so a form shows it beside the field. */
export const fieldErrorSchema = z
  .object({
    path: z.string().describe('Where in the request: body.customer.idNumber, querystring.limit, params.id…'),
    zh: z.string().describe('The rule broken, in Chinese'),
    en: z.string().describe('The rule broken, in English'),
  })
  .meta({ title: 'FieldError' });

/** Every error answer: stable English code, Chinese reason, English message naming the field and the rule. */
export const errorBodySchema = z
  .object({
    code: z.string().describe('Stable error code, e.g. ValidationFailed'),
    reason: z.string().describe('中文说明 (the reason in Chinese, for staff)'),
    message: z.string().describe('English message naming the field and the rule'),
    details: z
      .union([
        z
          .array(fieldErrorSchema)
          .describe(
            'ValidationFailed (400) and BusinessRuleViolated (422) of a request schema: each refused field ' +
              'with its rule in Chinese and English',
          ),
        z
          .array(z.object({ path: z.string(), rule: z.string() }))
          .describe('InvalidProductAttributes (422): each product attribute refused and its rule'),
        z
          .record(z.string(), z.unknown())
          .describe('Other codes: facts about the refusal, e.g. lockedUntil, opensAt, msisdn'),
      ])
      .optional(),
  })
  .describe('Error');

export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  413: errorBodySchema,
  415: errorBodySchema,
  422: errorBodySchema,
  429: errorBodySchema,
  500: errorBodySchema,
  503: errorBodySchema,
} as const;

export { labelSchema, timelineEntrySchema } from '../domain/view-schemas';

export const bearerSecurity = [{ bearerAuth: [] }];

/** A query-string flag: `true` or `false` (anything else is a 400 naming the parameter). */
export const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The OpenAPI part every signed-in route repeats: its tags, summary, description and bearer security. */
export const routeDoc = (tags: string[]) => (summary: string, description: string) => ({
  tags,
  summary,
  description,
  security: bearerSecurity,
});

/** The longest path parameter the router takes; every documented path parameter is bounded below it. */
export const MAX_PATH_PARAM_LENGTH = 200;

/**
 * An integer query parameter, read strictly: digits only, so `''`, `1e2`, `0x10` or ` 7` are refused (400) as
 * the document's `integer` says, where `z.coerce.number()` took `''` for 0 and `0x10` for 16.
 */
export const queryInteger = (min: number, max?: number) =>
  z
    .preprocess(
      (v) => (typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v),
      max === undefined ? z.number().int().min(min) : z.number().int().min(min).max(max),
    )
    .meta({ type: 'integer', minimum: min, ...(max === undefined ? {} : { maximum: max }) });
