import type { WorkOrderState } from '../domain/work-orders';
import type { WorkflowSettings } from './contracts';

/** What the SLA watch needs from the work-order workflow (REQ: WO-6). */
export interface SlaWatchDeps {
  /** The work order as it is now. */
  state: () => WorkOrderState;
  settings: WorkflowSettings['workOrder'];
  /**
   * Called once per breach, from inside the workflow: marks the breach on the state (and the timeline),
   * notifies the escalation role and, for a response breach when configured, re-dispatches by rule.
   */
  onBreach: (kind: 'response' | 'resolution') => Promise<void>;
}

/**
 * REQ: WO-6 — waits (durable timers) for the response and resolution targets of the work order and calls
 * `onBreach` when one passes unmet. Groundwork placeholder: returns at once; the SLA work fills it in.
 */
export async function watchSla(_deps: SlaWatchDeps): Promise<void> {
  return;
}
