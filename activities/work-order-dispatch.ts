import { Context } from '@temporalio/activity';
import type { ActivityDeps } from './deps';
import { listDispatchRules, loadDispatchStaff, takeRoundRobinTurn } from '../db/queries/dispatch-rules';
import { applicableScopes, chooseFrom, pickTurn } from '../domain/dispatch-rules';
import type { WorkOrderState } from '../domain/work-orders';

/** Who a dispatch rule picked, and which rule. */
export interface DispatchChoice {
  assigneeId: string;
  outletCode: string;
  ruleId: string;
  ruleName: string;
}

/** REQ: WO-4 — automatic dispatch (自动派工) by the rules administrators keep (see domain/dispatch-rules.ts). */
export function createWorkOrderDispatchActivities(deps: Pick<ActivityDeps, 'db'>) {
  const { db } = deps;
  return {
    /**
     * The assignee the first matching enabled rule picks for the work order, or null when no rule matches or
     * no staff is available (the work order then waits for a dispatcher or a grab). `exclude` leaves out staff
     * (e.g. the assignee whose response time was breached). `outletCode` is the assignee's own outlet.
     *
     * Choosing writes nothing but a round-robin rule's turn, kept under this activity's workflow and activity
     * ID: a retried attempt gets the same turn, so the rotation skips nobody; the workflow applies the choice
     * it received once.
     */
    async chooseAssignee(input: {
      workOrder: WorkOrderState;
      exclude?: string[];
    }): Promise<DispatchChoice | null> {
      const { workOrder, exclude = [] } = input;
      const rules = await listDispatchRules(db, { enabledOnly: true });
      const scopes = applicableScopes(rules, workOrder);
      if (scopes.length === 0) return null;
      const decision = chooseFrom(rules, workOrder, await loadDispatchStaff(db, scopes), exclude);
      if (!decision) return null;
      const assignee =
        'assignee' in decision
          ? decision.assignee
          : pickTurn(decision.turnAmong, await takeRoundRobinTurn(db, decision.rule.id, turnKey()));
      return {
        assigneeId: assignee.operatorId,
        outletCode: assignee.outletCode,
        ruleId: decision.rule.id,
        ruleName: decision.rule.name,
      };
    },
  };
}

/** The same for every attempt of one activity call: `<workflow ID>:<activity ID>`. */
function turnKey(): string {
  const { workflowExecution, activityId } = Context.current().info;
  return `${workflowExecution?.workflowId ?? 'standalone'}:${activityId}`;
}
