import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import {
  findDispatchRule,
  insertDispatchRule,
  listDispatchRules,
  nextDispatchRulePosition,
  reorderDispatchRules,
  setDispatchRuleEnabled,
  unknownReferences,
  updateDispatchRule,
  type DispatchRuleRecord,
} from '../../db/queries/dispatch-rules';
import { adminDesk } from '../../domain/access';
import {
  changeDispatchRuleSchema,
  createDispatchRuleSchema,
  dispatchRuleIssues,
  dispatchRuleKindLabels,
  dispatchRuleKindSchema,
  dispatchRuleMatchSchema,
  dispatchRuleTargetSchema,
  reorderDispatchRulesSchema,
  type DispatchRule,
  type RuleIssue,
} from '../../domain/dispatch-rules';
import { AppError } from '../../domain/errors';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses, labelSchema } from '../schemas';
import { API_PREFIX } from '../prefix';

const tags = ['work orders'];

const ruleViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  position: z.number().int().describe('Rules are tried in ascending position'),
  enabled: z.boolean(),
  kind: dispatchRuleKindSchema,
  kindLabel: labelSchema,
  match: dispatchRuleMatchSchema,
  target: dispatchRuleTargetSchema,
  updatedBy: z.string().describe('The administrator who changed the rule last'),
  createdAt: z.string().describe('ISO 8601 time'),
  updatedAt: z.string().describe('ISO 8601 time'),
});
const ruleListSchema = z.object({ items: z.array(ruleViewSchema).describe('In the order they are tried') });

const idParams = z.object({ id: nonBlankText(64) });

const kinds =
  'territory (match.territory → least-loaded staff of target.outletCode), skill (match.skill → least-loaded ' +
  "staff having it, within target.outletCode or the work order's outlet when there is one), leastLoad " +
  "(target.staffIds, else target.outletCode's staff, else the work order's outlet's staff), roundRobin " +
  '(target.staffIds in turn)';

/**
 * REQ: WO-4 — dispatch rules (派工规则) as data, kept by administrators: "在系统的管理后台设置好派工规则后，
 * 系统会按照已经设置好的规则自动进行派工". Rules are never deleted (a work order's timeline names the rule that
 * dispatched it); they are disabled instead.
 */
export function dispatchRuleRoutes(deps: { db: Db }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/dispatch-rules',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Dispatch rules (派工规则), in the order they are tried',
          description:
            'For automatic dispatch (WO-4) the first enabled rule whose match fits the work order and that yields ' +
            'an active staff member who is not excluded picks the assignee. Administrators only.',
          security: bearerSecurity,
          response: { 200: ruleListSchema, ...errorResponses },
        },
      },
      async () => ({ items: (await listDispatchRules(db)).map(view) }),
    );

    r.get(
      '/dispatch-rules/:id',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'One dispatch rule (派工规则)',
          description:
            'The rule with its kind, match, target and who changed it last. 404 DispatchRuleNotFound.',
          security: bearerSecurity,
          params: idParams,
          response: { 200: ruleViewSchema, ...errorResponses },
        },
      },
      async (request) => view(await requireRule(db, request.params.id)),
    );

    r.post(
      '/dispatch-rules',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Add a dispatch rule (新增派工规则)',
          description:
            `Kinds: ${kinds}. Every field of match given must equal the work order's. A combination the kind ` +
            'does not support: 422 InvalidDispatchRule naming the field; an unknown outlet or staff member: 422 ' +
            'OutletNotFound / StaffNotFound; an ID in use: 409 DispatchRuleExists. There is no delete: disable ' +
            'a rule instead.',
          security: bearerSecurity,
          body: createDispatchRuleSchema,
          response: { 201: ruleViewSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { position, ...rest } = request.body;
        const rule: DispatchRule = { ...rest, position: position ?? (await nextDispatchRulePosition(db)) };
        await checkRule(db, rule);
        const created = await insertDispatchRule(db, rule, principalOf(request).operatorId);
        if (!created)
          throw new AppError('DispatchRuleExists', `id: a dispatch rule ${rule.id} already exists`);
        const href = `${API_PREFIX}/dispatch-rules/${encodeURIComponent(created.id)}`;
        return reply.code(201).header('location', href).send(view(created));
      },
    );

    r.put(
      '/dispatch-rules/order',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Re-order the dispatch rules (调整派工规则顺序)',
          description:
            'ids names every rule exactly once, first to last; positions become 10, 20, 30, … in that order. ' +
            'A missing, unknown or repeated ID: 422 InvalidDispatchRule and nothing changes.',
          security: bearerSecurity,
          body: reorderDispatchRulesSchema,
          response: { 200: ruleListSchema, ...errorResponses },
        },
      },
      async (request) => {
        const result = await reorderDispatchRules(db, request.body.ids, principalOf(request).operatorId);
        if ('issues' in result) throw invalid(result.issues);
        return { items: result.rules.map(view) };
      },
    );

    r.put(
      '/dispatch-rules/:id',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Change a dispatch rule (修改派工规则)',
          description:
            `Replaces name, position, kind, match and target (enabled too when given). Kinds: ${kinds}. ` +
            '404 DispatchRuleNotFound; 422 InvalidDispatchRule naming the field; 422 OutletNotFound / ' +
            'StaffNotFound.',
          security: bearerSecurity,
          params: idParams,
          body: changeDispatchRuleSchema,
          response: { 200: ruleViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const { id } = request.params;
        const existing = await requireRule(db, id);
        const { enabled, ...definition } = request.body;
        await checkRule(db, { ...definition, id, enabled: enabled ?? existing.enabled });
        const changed = await updateDispatchRule(
          db,
          id,
          { ...definition, ...(enabled === undefined ? {} : { enabled }) },
          principalOf(request).operatorId,
        );
        if (!changed) throw notFound(id);
        return view(changed);
      },
    );

    for (const [action, enabled] of [
      ['disable', false],
      ['enable', true],
    ] as const) {
      r.post(
        `/dispatch-rules/:id/${action}`,
        {
          config: { access: adminDesk },
          schema: {
            tags,
            summary: enabled
              ? 'Enable a dispatch rule (启用派工规则)'
              : 'Disable a dispatch rule (停用派工规则)',
            description: enabled
              ? 'Automatic dispatch tries the rule again, at its position. Enabling an enabled rule changes nothing.'
              : 'Automatic dispatch skips the rule; the next matching rule applies. This is how a rule is ' +
                'retired: rules are not deleted. Disabling a disabled rule changes nothing.',
            security: bearerSecurity,
            params: idParams,
            response: { 200: ruleViewSchema, ...errorResponses },
          },
        },
        async (request) => {
          const { id } = request.params;
          const changed = await setDispatchRuleEnabled(db, id, enabled, principalOf(request).operatorId);
          if (!changed) throw notFound(id);
          return view(changed);
        },
      );
    }
  };
}

function view(rule: DispatchRuleRecord): z.infer<typeof ruleViewSchema> {
  return { ...rule, kindLabel: dispatchRuleKindLabels[rule.kind] };
}

async function requireRule(db: Db, id: string): Promise<DispatchRuleRecord> {
  const rule = await findDispatchRule(db, id);
  if (!rule) throw notFound(id);
  return rule;
}

const notFound = (id: string) => new AppError('DispatchRuleNotFound', `id: no dispatch rule ${id}`);

const invalid = (issues: RuleIssue[]) =>
  new AppError('InvalidDispatchRule', issues.map((i) => `${i.field}: ${i.rule}`).join('; '), { issues });

/** The kind's combination of fields (422 InvalidDispatchRule), then the outlets and staff it names exist. */
async function checkRule(db: Db, rule: DispatchRule): Promise<void> {
  const issues = dispatchRuleIssues(rule);
  if (issues.length > 0) throw invalid(issues);
  const outletFields = (['match', 'target'] as const).flatMap((part) => {
    const code = rule[part].outletCode;
    return code ? [{ field: `${part}.outletCode`, code }] : [];
  });
  const unknown = await unknownReferences(db, {
    outletCodes: outletFields.map((f) => f.code),
    staffIds: rule.target.staffIds ?? [],
  });
  const badOutlet = outletFields.find((f) => unknown.outletCodes.includes(f.code));
  if (badOutlet) throw new AppError('OutletNotFound', `${badOutlet.field}: no outlet ${badOutlet.code}`);
  if (unknown.staffIds.length > 0) {
    throw new AppError('StaffNotFound', `target.staffIds: no service staff ${unknown.staffIds.join(', ')}`);
  }
}
