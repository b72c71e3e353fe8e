/**
 * REQ: ORD-2 — the states of an order and how staff read them. No schema here: order workflows import this
 * module, and zod's schemas are the API's (`orders.ts`), not something every cached workflow should evaluate.
 */

/** REQ: ORD-2 — order states (TMF622 ProductOrder state values). */
export const orderStatuses = [
  'acknowledged',
  'rejected',
  'pending',
  'held',
  'inProgress',
  'assessingCancellation',
  'pendingCancellation',
  'cancelled',
  'completed',
  'failed',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const terminalStatuses: readonly OrderStatus[] = ['rejected', 'cancelled', 'completed', 'failed'];
export const isTerminal = (status: OrderStatus): boolean => terminalStatuses.includes(status);

/** What staff read next to a status code, in both working languages. */
export const orderStatusLabels: Record<OrderStatus, { zh: string; en: string }> = {
  acknowledged: { zh: '已受理', en: 'Acknowledged' },
  rejected: { zh: '已拒绝', en: 'Rejected' },
  pending: { zh: '等待中', en: 'Pending' },
  held: { zh: '已挂起', en: 'Held' },
  inProgress: { zh: '处理中', en: 'In progress' },
  assessingCancellation: { zh: '撤单评估中', en: 'Assessing cancellation' },
  pendingCancellation: { zh: '撤单处理中', en: 'Cancellation in progress' },
  cancelled: { zh: '已撤单', en: 'Cancelled' },
  completed: { zh: '已竣工', en: 'Completed' },
  failed: { zh: '失败', en: 'Failed' },
};

/** REQ: ORD-3 — a client-chosen idempotency key: letters, digits, dash, underscore, dot; 8–64 characters. */
export const idempotencyKeyPattern = /^[A-Za-z0-9._-]{8,64}$/;
