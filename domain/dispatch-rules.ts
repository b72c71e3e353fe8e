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
  /** Their name (operators table), for people reading an explanation; dispatch does not need it. */
  name?: string;
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
 * `staff` must hold at least the staff of `applicableScopes(rules, wo)`; more does no harm. The same rule by
 * rule evaluation as `explainDispatch` (`explainRule`), so what the preview shows is what dispatch does.
 */
export function chooseFrom(
  rules: readonly DispatchRule[],
  wo: DispatchableWorkOrder,
  staff: readonly DispatchStaff[],
  exclude: readonly string[] = [],
): DispatchDecision | null {
  for (const rule of rulesInOrder(rules)) {
    const { decision } = explainRule(rule, wo, staff, exclude);
    if (decision) return decision;
  }
  return null;
}

/** A text in Chinese and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

const matchFieldLabels: Record<keyof DispatchRuleMatch, Bilingual> = {
  territory: { zh: '区域', en: 'territory' },
  category: { zh: '类别', en: 'category' },
  skill: { zh: '技能', en: 'skill' },
  priority: { zh: '优先级', en: 'priority' },
  outletCode: { zh: '网点', en: 'outlet' },
};

/** The work order's value a match field is compared with. */
const workOrderValue = (field: keyof DispatchRuleMatch, wo: DispatchableWorkOrder): string | null =>
  field === 'skill' ? wo.requiredSkill : wo[field];

/** One rule as dispatch sees it for one work order (REQ: WO-4, UI-1 dispatch preview). */
export interface RuleExplanation {
  rule: DispatchRule;
  matches: boolean;
  /** Whom the rule draws from; null when it does not match or draws from no one. */
  scope: CandidateScope | null;
  /** The staff in scope (active or not, excluded or not); a round-robin rule's in turn order. */
  candidates: DispatchStaff[];
  /** What the rule decides (as `chooseFrom`); null when it picks no one. */
  decision: DispatchDecision | null;
  /** Whom it would pick: a round-robin rule's next in turn, given its turn. */
  pick: DispatchStaff | null;
  /** Why it does not match, or draws from no one, or has no one available, or whom it would pick. */
  note: Bilingual;
}

const who = (s: DispatchStaff): string => (s.name ? `${s.name} (${s.operatorId})` : s.operatorId);

/**
 * REQ: WO-4 — one rule for one work order: does it match, whom does it draw from, whom would it pick, and why.
 * `turn`: a round-robin rule's next turn (the turns taken so far), to name the next in turn without taking it.
 */
export function explainRule(
  rule: DispatchRule,
  wo: DispatchableWorkOrder,
  staff: readonly DispatchStaff[],
  exclude: readonly string[] = [],
  turn = 0,
): RuleExplanation {
  const none = { scope: null, candidates: [], decision: null, pick: null };
  const mismatch = (Object.keys(rule.match) as (keyof DispatchRuleMatch)[]).find(
    (field) => rule.match[field] !== undefined && rule.match[field] !== workOrderValue(field, wo),
  );
  if (mismatch || !ruleMatches(rule, wo)) {
    const field = mismatch ?? 'territory';
    const label = matchFieldLabels[field];
    const theirs = workOrderValue(field, wo);
    return {
      rule,
      matches: false,
      ...none,
      note: {
        zh: `不匹配：规则要求${label.zh}为 ${rule.match[field] ?? '-'}，工单为 ${theirs ?? '（无）'}`,
        en: `does not match: the rule needs ${label.en} ${rule.match[field] ?? '-'}; the work order has ${theirs ?? 'none'}`,
      },
    };
  }
  const scope = candidateScope(rule, wo);
  if (!scope) {
    return {
      rule,
      matches: true,
      ...none,
      note:
        rule.kind === 'leastLoad'
          ? {
              zh: '无人可派：规则未指定人员或网点，工单也没有网点',
              en: 'draws from no one: the rule names no staff or outlet and the work order has no outlet',
            }
          : {
              zh: '无人可派：规则未指定可派的人员或网点',
              en: 'draws from no one: the rule names no staff or outlet to pick from',
            },
    };
  }
  const inScopeStaff = staff.filter((s) => inScope(scope, s));
  const candidates =
    rule.kind === 'roundRobin'
      ? (rule.target.staffIds ?? []).flatMap((id) => inScopeStaff.find((s) => s.operatorId === id) ?? [])
      : [...inScopeStaff].sort((a, b) =>
          a.operatorId < b.operatorId ? -1 : a.operatorId > b.operatorId ? 1 : 0,
        );
  const available = candidates.filter((s) => s.active && !exclude.includes(s.operatorId));
  let decision: DispatchDecision | null = null;
  let pick: DispatchStaff | null = null;
  if (rule.kind === 'roundRobin') {
    if (available.length > 0) {
      decision = { rule, turnAmong: available };
      pick = pickTurn(available, turn);
    }
  } else {
    const assignee = leastLoaded(available);
    if (assignee) {
      decision = { rule, assignee };
      pick = assignee;
    }
  }
  if (!pick) {
    const whom = scopeText(scope);
    return {
      rule,
      matches: true,
      scope,
      candidates,
      decision,
      pick,
      note: {
        zh: `无可派人员：${whom.zh}没有在岗且未被排除的服务人员（候选 ${candidates.length} 人）`,
        en: `no one available: no active, not excluded service staff ${whom.en} (${candidates.length} candidates)`,
      },
    };
  }
  const note =
    rule.kind === 'roundRobin'
      ? {
          zh: `将派给 ${who(pick)}：轮到他/她（轮流顺序 ${available.map((s) => s.operatorId).join('、')}）`,
          en: `would pick ${who(pick)}: next in turn (in turn: ${available.map((s) => s.operatorId).join(', ')})`,
        }
      : {
          zh: `将派给 ${who(pick)}：在办工单最少（${pick.openLoad} 件）`,
          en: `would pick ${who(pick)}: the fewest open work orders (${pick.openLoad})`,
        };
  return { rule, matches: true, scope, candidates, decision, pick, note };
}

function scopeText(scope: CandidateScope): Bilingual {
  const zh: string[] = [];
  const en: string[] = [];
  if (scope.staffIds) {
    zh.push(`人员 ${scope.staffIds.join('、')} 中`);
    en.push(`among ${scope.staffIds.join(', ')}`);
  }
  if (scope.outletCode) {
    zh.push(`网点 ${scope.outletCode} `);
    en.push(`at outlet ${scope.outletCode}`);
  }
  if (scope.skill) {
    zh.push(`具有技能 ${scope.skill} 的人员中`);
    en.push(`with skill ${scope.skill}`);
  }
  return { zh: zh.join(''), en: en.join(' ') };
}

/** REQ: WO-4, UI-1 — every enabled rule in the order tried, and what dispatch by rule would decide. */
export interface DispatchExplanation {
  rules: RuleExplanation[];
  /** The first rule that picks someone, and whom: what `chooseFrom` (and a round robin's next turn) decides. */
  decision: { rule: DispatchRule; assignee: DispatchStaff } | null;
  message: Bilingual;
}

/**
 * REQ: WO-4 — what dispatch by rule would do for the work order, rule by rule, without doing it: the same
 * evaluation as `chooseFrom` (the first rule with a decision decides), and for a round-robin rule the next in
 * turn by `turns[rule.id]` (the turns taken so far) without taking the turn.
 */
export function explainDispatch(
  rules: readonly DispatchRule[],
  wo: DispatchableWorkOrder,
  staff: readonly DispatchStaff[],
  exclude: readonly string[] = [],
  turns: Readonly<Record<string, number>> = {},
): DispatchExplanation {
  const explained = rulesInOrder(rules).map((rule) =>
    explainRule(rule, wo, staff, exclude, turns[rule.id] ?? 0),
  );
  const deciding = explained.find((e) => e.decision && e.pick);
  if (!deciding?.pick) {
    return {
      rules: explained,
      decision: null,
      message: {
        zh: '没有派工规则能选出可派的服务人员：工单等待派工员手工派工或服务人员抢单',
        en: 'no dispatch rule picks an available service staff member: the work order waits for a dispatcher or a grab',
      },
    };
  }
  const { rule, pick } = deciding;
  return {
    rules: explained,
    decision: { rule, assignee: pick },
    message: {
      zh: `按规则「${rule.name}」将派给 ${who(pick)}（网点 ${pick.outletCode}）`,
      en: `by rule ${rule.id} (${rule.name}) dispatch would pick ${who(pick)} of outlet ${pick.outletCode}`,
    },
  };
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
