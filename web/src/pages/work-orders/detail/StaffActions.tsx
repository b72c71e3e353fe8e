import type { WorkOrderView } from '../work-order-queries';

/**
 * The service staff's steps on one work order (WO-4, WO-5): grab it from the pool, book and change the
 * appointment with the customer (with its history), start and complete the work. Shown only to service staff.
 */
export function StaffActions(_props: { workOrder: WorkOrderView }) {
  return null;
}
