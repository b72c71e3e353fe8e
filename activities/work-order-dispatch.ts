import type { ActivityDeps } from '.';
import type { WorkOrderState } from '../domain/work-orders';

/** Who a dispatch rule picked, and which rule. */
export interface DispatchChoice {
  assigneeId: string;
  outletCode: string;
  ruleId: string;
  ruleName: string;
}

/** REQ: WO-4 — automatic dispatch by the configured rules. (Groundwork: filled in by the dispatch work.) */
export function createWorkOrderDispatchActivities(_deps: Pick<ActivityDeps, 'db'>) {
  return {
    /**
     * The assignee the first matching enabled rule picks for the work order, or null when no rule matches or
     * no staff is available (the work order then waits for a dispatcher or a grab). `exclude` leaves out staff
     * (e.g. the assignee whose response time was breached).
     */
    async chooseAssignee(_input: {
      workOrder: WorkOrderState;
      exclude?: string[];
    }): Promise<DispatchChoice | null> {
      return null;
    },
  };
}
