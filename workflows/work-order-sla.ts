import { condition } from '@temporalio/workflow';
import { slaDueDates } from '../domain/sla';
import { finalWorkOrderStatuses } from '../domain/work-order-statuses';
import type { WorkOrderState } from '../domain/work-orders';
import type { WorkOrderSettings } from '../domain/workflow-settings';

/** What the SLA watch needs from the work-order workflow (REQ: WO-6). */
export interface SlaWatchDeps {
  /** The work order as it is now. */
  state: () => WorkOrderState;
  settings: WorkOrderSettings;
  /**
   * Called once per breach, from inside the workflow: marks the breach on the state (and the timeline),
   * notifies the escalation role and, for a response breach when configured, re-dispatches by rule.
   */
  onBreach: (kind: 'response' | 'resolution') => Promise<void>;
}

type SlaTarget = 'response' | 'resolution';

/**
 * REQ: WO-6 — waits for the response target (first dispatch) and then the resolution target (completion) of
 * the work order, each with one durable timer that a met target or a final status cuts short, and calls
 * `onBreach` for a target whose due time passes unmet. Returns once both targets are settled (met, breached,
 * or moot because the work order ended), so the history holds at most two timers however long the work
 * order lives. The targets are taken in turn: a response breach is reported (and its re-dispatch done)
 * before the resolution target is looked at, and a resolution target already past by then is reported at
 * once.
 */
export async function watchSla(deps: SlaWatchDeps): Promise<void> {
  for (const target of ['response', 'resolution'] as const) {
    const met = await waitForTarget(deps, target);
    if (isOver(deps.state())) return;
    if (!met) await deps.onBreach(target);
  }
}

/** Waits until the target is met, the work order ends, or the due time passes; true unless it passed unmet. */
async function waitForTarget(deps: SlaWatchDeps, target: SlaTarget): Promise<boolean> {
  const settled = () => isMet(deps.state(), target) || isOver(deps.state());
  if (settled()) return true;
  const left = dueAt(deps, target) - Date.now();
  if (left > 0) {
    await condition(settled, left, { summary: `SLA ${target} due` });
  }
  return settled();
}

/** The due time the work order shows; computed from its creation if the workflow has not set it. */
function dueAt(deps: SlaWatchDeps, target: SlaTarget): number {
  const state = deps.state();
  const shown = target === 'response' ? state.sla.responseDueAt : state.sla.resolutionDueAt;
  if (shown) return Date.parse(shown);
  const due = slaDueDates(state.priority, new Date(state.createdAt), deps.settings);
  return Date.parse(target === 'response' ? due.responseDueAt : due.resolutionDueAt);
}

/** Response = first dispatch; a work order already resolved has no response left to give. */
function isMet(state: WorkOrderState, target: SlaTarget): boolean {
  if (target === 'resolution') return state.sla.resolvedAt !== null;
  return state.sla.respondedAt !== null || state.sla.resolvedAt !== null;
}

const isOver = (state: WorkOrderState): boolean => finalWorkOrderStatuses.includes(state.status);
