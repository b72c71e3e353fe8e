import { z } from 'zod';
import { nonBlankText } from './text-fields';
import {
  workOrderCategorySchema,
  workOrderPrioritySchema,
  type WorkOrderCategory,
  type WorkOrderPriority,
} from './work-orders';

/**
 * Dispatch rules (派工规则) as data, source "工单运营的五个步骤" §4: "在系统的管理后台设置好派工规则后，系统会按照
 * 已经设置好的规则自动进行派工" (REQ: WO-4). An administrator keeps an ordered list of rules; for a work order the
 * first enabled rule whose `match` fits and that yields an available staff member picks the assignee. The
 * database supplies the staff, their open load and the round-robin turn; everything else is decided here.
 */

export const dispatchRuleKinds = ['territory', 'skill', 'leastLoad', 'roundRobin'] as const;
export const dispatchRuleKindSchema = z.enum(dispatchRuleKinds);
export type DispatchRuleKind = z.infer<typeof dispatchRuleKindSchema>;

export const dispatchRuleKindLabels: Record<DispatchRuleKind, { zh: string; en: string }> = {
  territory: { zh: '按区域派工', en: 'By territory' },
  skill: { zh: '按技能派工', en: 'By skill' },
  leastLoad: { zh: '按负载最少派工', en: 'Least load' },
  roundRobin: { zh: '轮流派工', en: 'Round robin' },
};

const code = (max: number) => nonBlankText(max, 1, 'is required');

export const dispatchRuleIdSchema = z
  .string()
  .regex(/^[A-Z0-9-]{1,40}$/, 'must be 1-40 characters, each A-Z, 0-9 or -');

/** What a work order must have for the rule to apply; every field given must equal the work order's. */
export const dispatchRuleMatchSchema = z.strictObject({
  territory: code(50).optional().describe("Equals the work order's territory"),
  category: workOrderCategorySchema.optional().describe("Equals the work order's category"),
  skill: code(50).optional().describe("Equals the work order's required skill"),
  priority: workOrderPrioritySchema.optional().describe("Equals the work order's priority"),
  outletCode: code(40).optional().describe("Equals the work order's outlet"),
});
export type DispatchRuleMatch = z.infer<typeof dispatchRuleMatchSchema>;

/** Whom the rule picks from (which fields a kind needs: see `dispatchRuleIssues`). */
export const dispatchRuleTargetSchema = z.strictObject({
  outletCode: code(40).optional().describe('The outlet whose staff the rule picks from'),
  staffIds: z
    .array(code(64))
    .min(1)
    .max(100)
    .optional()
    .describe('The staff the rule picks from, in turn order'),
});
export type DispatchRuleTarget = z.infer<typeof dispatchRuleTargetSchema>;

/** What an administrator writes about a rule, whatever its ID. */
const ruleDefinition = z.object({
  name: code(100),
  position: z.number().int().min(0).max(1_000_000).describe('Rules are tried in ascending position'),
  kind: dispatchRuleKindSchema,
  match: dispatchRuleMatchSchema.default({}),
  target: dispatchRuleTargetSchema.default({}),
});

export const createDispatchRuleSchema = ruleDefinition.extend({
  id: dispatchRuleIdSchema,
  position: ruleDefinition.shape.position.optional().describe('Omitted: after the last rule (last + 10)'),
  enabled: z.boolean().default(true),
});
export type CreateDispatchRuleRequest = z.infer<typeof createDispatchRuleSchema>;

export const changeDispatchRuleSchema = ruleDefinition.extend({
  enabled: z.boolean().optional().describe('Omitted: unchanged'),
});
export type ChangeDispatchRuleRequest = z.infer<typeof changeDispatchRuleSchema>;

export const reorderDispatchRulesSchema = z.object({
  ids: z.array(dispatchRuleIdSchema).min(1).max(1_000).describe('Every rule ID exactly once, first to last'),
});

export interface DispatchRule {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  kind: DispatchRuleKind;
  match: DispatchRuleMatch;
  target: DispatchRuleTarget;
}

/** A field of a rule and the rule it breaks, for 422 InvalidDispatchRule. */
export interface RuleIssue {
  field: string;
  rule: string;
}

/**
 * What is wrong with a rule's combination of kind, match and target (empty when nothing is). Fields a kind
 * would ignore are refused too, so an administrator never believes a rule does what it does not.
 */
export function dispatchRuleIssues(rule: Pick<DispatchRule, 'kind' | 'match' | 'target'>): RuleIssue[] {
  const { kind, match, target } = rule;
  const issues: RuleIssue[] = [];
  const required = (field: string, why: string) =>
    issues.push({ field, rule: `is required for a ${kind} rule (${why})` });
  const unused = (field: string, why: string) =>
    issues.push({ field, rule: `is not used by a ${kind} rule (${why}); leave it out` });
  switch (kind) {
    case 'territory':
      if (!match.territory) required('match.territory', 'the area whose work it dispatches');
      if (!target.outletCode) required('target.outletCode', "the outlet whose staff take the area's work");
      if (target.staffIds) unused('target.staffIds', "it picks among the outlet's staff");
      break;
    case 'skill':
      if (!match.skill) required('match.skill', 'the skill the work needs');
      if (target.staffIds) unused('target.staffIds', 'it picks among the staff having the skill');
      break;
    case 'leastLoad':
      if (target.staffIds && target.outletCode) {
        issues.push({
          field: 'target.outletCode',
          rule: 'give target.staffIds or target.outletCode, not both',
        });
      }
      break;
    case 'roundRobin':
      if (!target.staffIds) required('target.staffIds', 'at least one staff member, taken in turn');
      if (target.outletCode) unused('target.outletCode', 'it takes target.staffIds in turn');
      break;
  }
  const repeated = (target.staffIds ?? []).filter((id, i, all) => all.indexOf(id) !== i);
  if (repeated.length > 0) {
    issues.push({
      field: 'target.staffIds',
      rule: `must name each staff member once (repeated: ${repeated.join(', ')})`,
    });
  }
  return issues;
}

/** A re-ordering must name every existing rule exactly once. */
export function reorderIssues(existingIds: readonly string[], ids: readonly string[]): RuleIssue[] {
  const known = new Set(existingIds);
  const given = new Set(ids);
  const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
  const unknown = ids.filter((id) => !known.has(id));
  const missing = existingIds.filter((id) => !given.has(id));
  return [
    ...(missing.length
      ? [{ field: 'ids', rule: `must name every rule; missing: ${missing.join(', ')}` }]
      : []),
    ...(unknown.length ? [{ field: 'ids', rule: `names no existing rule: ${unknown.join(', ')}` }] : []),
    ...(repeated.length
      ? [{ field: 'ids', rule: `must name each rule once; repeated: ${repeated.join(', ')}` }]
      : []),
  ];
}

/** Positions 10, 20, 30, … in the given order: room to slot a rule in between later. */
export const renumberedPositions = (ids: readonly string[]): { id: string; position: number }[] =>
  ids.map((id, i) => ({ id, position: (i + 1) * 10 }));

/** What of a work order the rules look at. */
export interface DispatchableWorkOrder {
  territory: string | null;
  category: WorkOrderCategory;
  requiredSkill: string | null;
  priority: WorkOrderPriority;
  outletCode: string | null;
}

/** A service staff member as dispatch sees them. `active`: staff, operator and outlet are all active. */
export interface DispatchStaff {
  operatorId: string;
  outletCode: string;
  skills: readonly string[];
  active: boolean;
  /** Open work orders they hold (dispatched or in service). */
  openLoad: number;
}

/** Whom a rule may pick from: staff named, staff of an outlet, staff with a skill (in an outlet, if given). */
export interface CandidateScope {
  staffIds?: readonly string[];
  outletCode?: string;
  skill?: string;
}

export const ruleMatches = (rule: DispatchRule, wo: DispatchableWorkOrder): boolean => {
  const m = rule.match;
  return (
    (m.territory === undefined || m.territory === wo.territory) &&
    (m.category === undefined || m.category === wo.category) &&
    (m.skill === undefined || m.skill === wo.requiredSkill) &&
    (m.priority === undefined || m.priority === wo.priority) &&
    (m.outletCode === undefined || m.outletCode === wo.outletCode)
  );
};

/**
 * Whom the rule draws from for this work order, or null for no one. A least-load rule with neither staff,
 * outlet nor a work order's outlet draws from no one: a rule never dispatches across the whole company by
 * accident. A skill rule without an outlet does, by design: the skill is the point.
 */
export function candidateScope(rule: DispatchRule, wo: DispatchableWorkOrder): CandidateScope | null {
  const { target } = rule;
  switch (rule.kind) {
    case 'territory':
      return target.outletCode ? { outletCode: target.outletCode } : null;
    case 'skill': {
      if (!rule.match.skill) return null;
      const outletCode = target.outletCode ?? wo.outletCode;
      return outletCode ? { skill: rule.match.skill, outletCode } : { skill: rule.match.skill };
    }
    case 'leastLoad':
      if (target.staffIds) return { staffIds: target.staffIds };
      if (target.outletCode) return { outletCode: target.outletCode };
      return wo.outletCode ? { outletCode: wo.outletCode } : null;
    case 'roundRobin':
      return target.staffIds ? { staffIds: target.staffIds } : null;
  }
}

export const inScope = (scope: CandidateScope, staff: DispatchStaff): boolean =>
  (scope.staffIds === undefined || scope.staffIds.includes(staff.operatorId)) &&
  (scope.outletCode === undefined || scope.outletCode === staff.outletCode) &&
  (scope.skill === undefined || staff.skills.includes(scope.skill));

/** The order rules are tried in: position, then ID (so equal positions stay in a stable, visible order). */
export const compareRules = (a: DispatchRule, b: DispatchRule): number =>
  a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Enabled rules in the order they are tried. */
export const rulesInOrder = (rules: readonly DispatchRule[]): DispatchRule[] =>
  rules.filter((r) => r.enabled).sort(compareRules);

/** The scopes of every enabled rule that matches: the staff the database has to supply for `chooseFrom`. */
export const applicableScopes = (
  rules: readonly DispatchRule[],
  wo: DispatchableWorkOrder,
): CandidateScope[] =>
  rulesInOrder(rules).flatMap((rule) => {
    const scope = ruleMatches(rule, wo) ? candidateScope(rule, wo) : null;
    return scope ? [scope] : [];
  });

/**
 * What the rules decide: a least-load pick, or — for a round-robin rule — the staff in turn order among
 * whom the rule's next turn (`pickTurn`) decides, since the turn is shared state the database hands out.
 */
export type DispatchDecision =
  { rule: DispatchRule; assignee: DispatchStaff } | { rule: DispatchRule; turnAmong: DispatchStaff[] };

/**
 * REQ: WO-4 — the first enabled rule (in position order) whose match fits the work order and that yields an
 * active staff member who is not excluded decides; none → null (a dispatcher or a grab takes over).
 * `staff` must hold at least the staff of `applicableScopes(rules, wo)`; more does no harm.
 */
export function chooseFrom(
  rules: readonly DispatchRule[],
  wo: DispatchableWorkOrder,
  staff: readonly DispatchStaff[],
  exclude: readonly string[] = [],
): DispatchDecision | null {
  const available = staff.filter((s) => s.active && !exclude.includes(s.operatorId));
  for (const rule of rulesInOrder(rules)) {
    const scope = ruleMatches(rule, wo) ? candidateScope(rule, wo) : null;
    if (!scope) continue;
    const candidates = available.filter((s) => inScope(scope, s));
    if (rule.kind === 'roundRobin') {
      const turnAmong = (rule.target.staffIds ?? []).flatMap(
        (id) => candidates.find((c) => c.operatorId === id) ?? [],
      );
      if (turnAmong.length > 0) return { rule, turnAmong };
      continue;
    }
    const assignee = leastLoaded(candidates);
    if (assignee) return { rule, assignee };
  }
  return null;
}

/** The candidate with the fewest open work orders; ties go to the lowest operator ID (stable, explainable). */
export function leastLoaded(candidates: readonly DispatchStaff[]): DispatchStaff | null {
  let best: DispatchStaff | null = null;
  for (const c of candidates) {
    if (
      !best ||
      c.openLoad < best.openLoad ||
      (c.openLoad === best.openLoad && c.operatorId < best.operatorId)
    ) {
      best = c;
    }
  }
  return best;
}

/**
 * Round robin (轮流派工): `turn` counts the rule's turns taken before this one, so consecutive turns walk the
 * available staff in their listed order and wrap around; staff unavailable now are skipped, not waited for.
 */
export function pickTurn(turnAmong: readonly DispatchStaff[], turn: number): DispatchStaff {
  const n = turnAmong.length;
  const picked = turnAmong[((turn % n) + n) % n];
  if (!picked) throw new Error('pickTurn needs at least one staff member');
  return picked;
}
