import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { feeChanges, findNumber } from '../../db/queries/resource-states';
import {
  changeSelectionFee,
  insertFeeRule,
  updateFeeRule,
  type FeeRuleRecord,
} from '../../db/queries/selection-fee-admin';
import { loadFeeRules, pageOfFeeRules } from '../../db/queries/selection-fee-rules';
import { adminDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { msisdnSchema } from '../../domain/numbers';
import { MAX_PATTERN_LENGTH, patternProblem } from '../../domain/selection-fees';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses, queryInteger } from '../schemas';
import { API_PREFIX } from '../prefix';

const tags = ['resources'];

const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  pattern: z.string().describe('A regular expression over the 11 digits, e.g. (\\d)\\1{3}$ for a quad tail'),
  feeFen: z.number().int().describe('选号费, in fen'),
  priority: z.number().int().describe('The active matching rule with the highest priority decides'),
  active: z.boolean(),
});
const ruleViewSchema = ruleSchema.extend({
  updatedBy: z.string().optional(),
  updatedAt: z.string().optional().describe('ISO 8601 time'),
});

const definitionSchema = z.object({
  name: nonBlankText(80),
  pattern: z.string().min(1).max(MAX_PATTERN_LENGTH),
  feeFen: z.number().int().min(0).max(100_000_000),
  priority: z.number().int().min(0).max(10_000),
  active: z.boolean().default(true),
});
const createSchema = definitionSchema.extend({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'must be 1-32 capital letters, digits or "-"'),
});

const feeChangeSchema = z.object({
  msisdn: z.string(),
  beforeFen: z.number().int(),
  afterFen: z.number().int(),
  reason: z.string(),
  changedBy: z.string(),
  changedAt: z.string().describe('ISO 8601 time'),
});

/**
 * REQ: RES-4 — selection-fee rules (选号费规则) as data kept by administrators, a preview of what they would
 * charge, and the manual change of one number's fee recorded with before, after, who and why. Rules are not
 * deleted: one is deactivated instead, so what charged a number can still be read.
 */
export function selectionFeeRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/selection-fee-rules',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Selection-fee rules (选号费规则), highest priority first',
          description:
            'Every rule, active or not. The active matching rule with the highest priority decides (RES-4). ' +
            'One page at a time (`offset`, `limit`, default 50); the count of all is `total` and the ' +
            'X-Total-Count header.',
          security: bearerSecurity,
          querystring: z.object({
            offset: queryInteger(0).default(0),
            limit: queryInteger(1, 200).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(ruleSchema),
              total: z.number().int().describe('How many rules there are (also X-Total-Count)'),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        const { total, items } = await pageOfFeeRules(db, request.query);
        void reply.header('x-total-count', String(total));
        return { items, total };
      },
    );

    r.post(
      '/selection-fee-rules',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Add a selection-fee rule (新增选号费规则)',
          description:
            'A pattern longer than 64 characters: 400 ValidationFailed; one that is not a valid regular ' +
            'expression: 422 BusinessRuleViolated, both naming body.pattern. An ID in use: 409 FeeRuleExists. Numbers already stocked ' +
            'keep their fee; new stock is priced by the rules in force.',
          security: bearerSecurity,
          body: createSchema,
          response: { 201: ruleViewSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        checkPattern(request.body.pattern);
        const created = await insertFeeRule(db, request.body, principalOf(request).operatorId);
        if (!created)
          throw new AppError('FeeRuleExists', `id: a selection-fee rule ${request.body.id} exists`);
        return reply
          .code(201)
          .header('location', `${API_PREFIX}/selection-fee-rules/${encodeURIComponent(created.id)}`)
          .send(view(created));
      },
    );

    r.put(
      '/selection-fee-rules/:id',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Change a selection-fee rule (修改选号费规则)',
          description:
            'Replaces name, pattern, fee, priority and active (deactivate a rule instead of deleting it). 404 ' +
            'FeeRuleNotFound; a pattern that is no regular expression: 422 BusinessRuleViolated naming body.pattern.',
          security: bearerSecurity,
          params: z.object({ id: nonBlankText(32) }),
          body: definitionSchema,
          response: { 200: ruleViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        checkPattern(request.body.pattern);
        const changed = await updateFeeRule(
          db,
          request.params.id,
          request.body,
          principalOf(request).operatorId,
        );
        if (!changed) throw new AppError('FeeRuleNotFound', `id: no selection-fee rule ${request.params.id}`);
        return view(changed);
      },
    );

    r.post(
      '/selection-fee-rules/preview',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'What the rules in force charge for some numbers (选号费试算)',
          description:
            'For each number: the fee and the rule that decides it (null: no rule matches, no fee).',
          security: bearerSecurity,
          body: z.object({ numbers: z.array(msisdnSchema).min(1).max(200) }),
          response: {
            200: z.object({
              items: z.array(
                z.object({ msisdn: z.string(), feeFen: z.number().int(), ruleId: z.string().nullable() }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const rules = await loadFeeRules(db);
        return { items: request.body.numbers.map((msisdn) => ({ msisdn, ...rules.feeFor(msisdn) })) };
      },
    );

    r.put(
      '/numbers/:msisdn/selection-fee',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Change one number’s selection fee by hand (调整选号费)',
          description:
            'Sets the fee and records before, after, who and why in the same transaction (RES-4). 404 ' +
            'NumberNotFound.',
          security: bearerSecurity,
          params: z.object({ msisdn: msisdnSchema }),
          body: z.object({
            feeFen: z.number().int().min(0).max(100_000_000).describe('The new fee, in fen'),
            reason: nonBlankText(200),
          }),
          response: { 200: feeChangeSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { msisdn } = request.params;
        const changedBy = principalOf(request).operatorId;
        const changed = await changeSelectionFee(db, { msisdn, ...request.body, changedBy });
        if (!changed) throw notFound(msisdn);
        const history = await feeChanges(db, msisdn);
        const last = history[history.length - 1];
        return {
          msisdn,
          ...changed,
          reason: request.body.reason,
          changedBy,
          changedAt: (last?.changedAt ?? new Date()).toISOString(),
        };
      },
    );

    r.get(
      '/numbers/:msisdn/selection-fee-changes',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'A number’s selection-fee changes (选号费变更记录), oldest first',
          description: 'Before, after, who and why of every change. 404 NumberNotFound.',
          security: bearerSecurity,
          params: z.object({ msisdn: msisdnSchema }),
          response: { 200: z.object({ items: z.array(feeChangeSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const { msisdn } = request.params;
        if (!(await findNumber(db, msisdn))) throw notFound(msisdn);
        const rows = await feeChanges(db, msisdn);
        return {
          items: rows.map((f) => ({
            msisdn: f.msisdn,
            beforeFen: f.beforeFen,
            afterFen: f.afterFen,
            reason: f.reason,
            changedBy: f.changedBy,
            changedAt: f.changedAt.toISOString(),
          })),
        };
      },
    );
  };
}

function checkPattern(pattern: string): void {
  const problem = patternProblem(pattern);
  if (problem) throw new AppError('BusinessRuleViolated', `body.pattern: ${problem}`);
}

const notFound = (msisdn: string) => new AppError('NumberNotFound', `msisdn: no number ${msisdn} in stock`);

function view(rule: FeeRuleRecord): z.infer<typeof ruleViewSchema> {
  return { ...rule, updatedAt: rule.updatedAt.toISOString() };
}
