import { z } from 'zod';
import type { Db } from '../../db/client';
import { listDispatchRules, loadDispatchStaff, roundRobinCursors } from '../../db/queries/dispatch-rules';
import {
  applicableScopes,
  dispatchRuleKindLabels,
  dispatchRuleKindSchema,
  explainDispatch,
  type DispatchableWorkOrder,
  type DispatchStaff,
} from '../../domain/dispatch-rules';
import { labelSchema } from '../../domain/view-schemas';

/**
 * REQ: WO-4, UI-1 — the dispatch preview (派工预演): what dispatch by rule would do for a work order, rule by
 * rule, without doing it. The same pure evaluation the automatic dispatch runs (`explainDispatch` beside
 * `chooseFrom`), over the same staff the activity loads; a round-robin rule names its next in turn without
 * taking the turn.
 */

const staffRef = z.object({ operatorId: z.string(), name: z.string(), outletCode: z.string() });

export const dispatchPreviewSchema = z.object({
  workOrderId: z.string(),
  asIf: z.object({
    outletCode: z
      .string()
      .nullable()
      .describe('The outlet the preview assumed instead of the work order’s own; null = its own'),
  }),
  rules: z
    .array(
      z.object({
        id: z.string(),
        name: z.string(),
        kind: dispatchRuleKindSchema,
        kindLabel: labelSchema,
        position: z.number().int(),
        matches: z.boolean().describe('Every field of the rule’s match equals the work order’s'),
        note: labelSchema.describe(
          'Why it does not match, or draws from no one, or has no one available, or whom it would pick',
        ),
        candidates: z
          .array(
            z.object({
              operatorId: z.string(),
              name: z.string(),
              outletCode: z.string(),
              skills: z.array(z.string()),
              openLoad: z.number().int().describe('Open work orders held (dispatched or in service)'),
              active: z.boolean().describe('Can take work now (staff, operator and outlet active)'),
              excluded: z
                .boolean()
                .describe('Left out because they hold the work order now (a re-dispatch picks someone else)'),
            }),
          )
          .describe('The staff the rule draws from (a round-robin rule’s in turn order)'),
        pick: staffRef.nullable().describe('Whom this rule would pick; a round robin’s next in turn'),
      }),
    )
    .describe('Every enabled rule, in the order they are tried (position)'),
  decision: z
    .object({
      ruleId: z.string(),
      ruleName: z.string(),
      assigneeId: z.string(),
      assigneeName: z.string(),
      outletCode: z.string(),
    })
    .nullable()
    .describe('What dispatch by rule would do now: the first rule that picks someone; null = nobody'),
  message: labelSchema,
});
export type DispatchPreview = z.infer<typeof dispatchPreviewSchema>;

/** What of a work order the preview needs: what the rules look at, and who holds it now. */
export type PreviewedWorkOrder = DispatchableWorkOrder & { id: string; assigneeId: string | null };

/**
 * REQ: WO-4 — the preview for `wo`, as if at `asIfOutlet` when given. The current assignee is excluded, as a
 * re-dispatch by rule excludes them.
 */
export async function previewDispatch(
  db: Db,
  wo: PreviewedWorkOrder,
  asIfOutlet: string | null,
): Promise<DispatchPreview> {
  const workOrder: DispatchableWorkOrder = {
    territory: wo.territory,
    category: wo.category,
    requiredSkill: wo.requiredSkill,
    priority: wo.priority,
    outletCode: asIfOutlet ?? wo.outletCode,
  };
  const rules = await listDispatchRules(db, { enabledOnly: true });
  const scopes = applicableScopes(rules, workOrder);
  const [staff, turns] = await Promise.all([
    scopes.length ? loadDispatchStaff(db, scopes) : Promise.resolve([]),
    roundRobinCursors(db),
  ]);
  const exclude = wo.assigneeId ? [wo.assigneeId] : [];
  const explained = explainDispatch(rules, workOrder, staff, exclude, turns);
  const ref = (s: DispatchStaff) => ({
    operatorId: s.operatorId,
    name: s.name ?? s.operatorId,
    outletCode: s.outletCode,
  });
  return {
    workOrderId: wo.id,
    asIf: { outletCode: asIfOutlet },
    rules: explained.rules.map((e) => ({
      id: e.rule.id,
      name: e.rule.name,
      kind: e.rule.kind,
      kindLabel: dispatchRuleKindLabels[e.rule.kind],
      position: e.rule.position,
      matches: e.matches,
      note: e.note,
      candidates: e.candidates.map((s) => ({
        ...ref(s),
        skills: [...s.skills],
        openLoad: s.openLoad,
        active: s.active,
        excluded: exclude.includes(s.operatorId),
      })),
      pick: e.pick ? ref(e.pick) : null,
    })),
    decision: explained.decision
      ? {
          ruleId: explained.decision.rule.id,
          ruleName: explained.decision.rule.name,
          assigneeId: explained.decision.assignee.operatorId,
          assigneeName: explained.decision.assignee.name ?? explained.decision.assignee.operatorId,
          outletCode: explained.decision.assignee.outletCode,
        }
      : null,
    message: explained.message,
  };
}
