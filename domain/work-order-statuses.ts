/**
 * REQ: WO-1…WO-5 — the states of a work order and how staff read them. Without zod: the work-order workflow
 * imports this module (the schemas are in `work-orders.ts`).
 */

export const workOrderStatuses = [
  'created',
  'accepted',
  'rejected',
  'outletAssigned',
  'dispatched',
  'inService',
  'completed',
  'closed',
  'cancelled',
] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

export const workOrderStatusLabels: Record<WorkOrderStatus, { zh: string; en: string }> = {
  created: { zh: '新建', en: 'Created' },
  accepted: { zh: '已受理', en: 'Accepted' },
  rejected: { zh: '不予受理', en: 'Rejected' },
  outletAssigned: { zh: '已分配网点', en: 'Outlet assigned' },
  dispatched: { zh: '已派工', en: 'Dispatched' },
  inService: { zh: '服务中', en: 'In service' },
  completed: { zh: '已完成', en: 'Completed' },
  closed: { zh: '已关闭', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** States a work order never leaves. */
export const finalWorkOrderStatuses: readonly WorkOrderStatus[] = ['rejected', 'closed', 'cancelled'];
