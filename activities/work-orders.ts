import type { ActivityDeps } from './deps';
import { projectWorkOrder } from '../db/queries/work-orders';
import type { WorkOrderEvent, WorkOrderState } from '../domain/work-orders';

/** REQ: WO-1…WO-5 — the work-order workflow's effects on the read model. */
export function createWorkOrderActivities({ db }: Pick<ActivityDeps, 'db'>) {
  return {
    /**
     * Writes one timeline event and the work order as of that event. Idempotent: a retried or late write of
     * an older event never moves the read model back (`projectWorkOrder`).
     */
    async recordWorkOrderEvent(step: { state: WorkOrderState; event: WorkOrderEvent }): Promise<void> {
      await projectWorkOrder(db, step.state, step.event);
    },
  };
}
