import { defineQuery, defineSignal, setHandler } from '@temporalio/workflow';
import type { WorkOrderState, WorkOrderStatus } from '../../domain/work-orders';
import type { WorkflowSettings } from '../../domain/workflow-settings';
import { watchSla } from '../../workflows/work-order-sla';

/**
 * A test-only workflow that runs the SLA watch (REQ: WO-6) over a work order the test steers by signal, and
 * records when (workflow time) each breach was reported. It lets the watch be tested on its own, on the
 * time-skipping server, without the work-order workflow and its activities.
 */

export interface SlaBreachSeen {
  kind: 'response' | 'resolution';
  at: string;
}

/** What happens to the work order: it is dispatched (responded), completed (resolved), or ends. */
export type SlaProgress = { respond: true } | { resolve: true } | { status: WorkOrderStatus };

export const slaProgressSignal = defineSignal<[SlaProgress]>('slaProgress');
export const slaBreachesQuery = defineQuery<SlaBreachSeen[]>('slaBreaches');

export async function slaWatchTestWorkflow(input: {
  workOrder: WorkOrderState;
  settings: WorkflowSettings['workOrder'];
}): Promise<SlaBreachSeen[]> {
  const state = input.workOrder;
  const breaches: SlaBreachSeen[] = [];
  setHandler(slaBreachesQuery, () => breaches);
  setHandler(slaProgressSignal, (progress) => {
    const now = new Date().toISOString();
    if ('respond' in progress) state.sla.respondedAt = now;
    else if ('resolve' in progress) state.sla.resolvedAt = now;
    else state.status = progress.status;
  });
  await watchSla({
    state: () => state,
    settings: input.settings,
    onBreach: async (kind) => {
      breaches.push({ kind, at: new Date().toISOString() });
      if (kind === 'response') state.sla.responseBreached = true;
      else state.sla.resolutionBreached = true;
    },
  });
  return breaches;
}
