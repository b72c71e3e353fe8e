import type { ActivityDeps } from '.';
import type { WorkOrderState } from '../domain/work-orders';

/** REQ: WO-6 — SLA escalation effects. (Groundwork placeholder: the SLA work fills it in.) */
export function createWorkOrderSlaActivities(_deps: Pick<ActivityDeps, 'db' | 'config'>) {
  return {
    /** Tells the escalation role at the work order's outlet about a breach; once per work order and kind. */
    async escalateBreach(_input: {
      workOrder: WorkOrderState;
      kind: 'response' | 'resolution';
    }): Promise<void> {
      return;
    },
  };
}
