import type { WorkOrderView } from '../work-order-queries';

/**
 * The dispatcher's steps on one work order (WO-2…WO-4): accept or reject, assign or re-assign the outlet,
 * dispatch by rule with the preview of which rule picks whom, dispatch to a chosen technician, re-dispatch with
 * a reason, close, cancel. Shown only to the dispatcher desk (UI-1).
 */
export function DeskActions(_props: { workOrder: WorkOrderView }) {
  return null;
}
