import { z } from 'zod';
import { rule } from './bilingual-messages';

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
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

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

export const orderTypes = [
  'openAccount',
  'preCancellation',
  'changeNumber',
  'swapSim',
  'changeCustomerData',
  'transferOwnership',
  'suspend',
  'resume',
  'reportLoss',
  'changeFeatures',
  'changeDiscount',
  'recharge',
  'collectFee',
  'refundFee',
  'portIn',
  'portOut',
  'groupOpen',
  'groupChange',
  'groupCancel',
  'groupMemberAdd',
  'groupMemberChange',
  'groupMemberDelete',
] as const;
export const orderTypeSchema = z.enum(orderTypes);
export type OrderType = z.infer<typeof orderTypeSchema>;

/** One line of an order's timeline: what changed, when, who did it and why. */
export interface TimelineEntry {
  status: OrderStatus;
  step: string | null;
  at: string;
  actor: string;
  reason: string | null;
}

/** A failure as the order keeps it: stable code plus a sentence in each language. */
export interface OrderFailure {
  code: string;
  message: string;
  reason: string;
}

/** Who submitted the order and through which channel (REQ: ORD-4). */
export interface OrderOrigin {
  operatorId: string;
  channelCode: string;
  /** The outlet the operator signed in at, if any (REQ: ORD-6 — who may cancel the order). */
  outletCode?: string | null;
}

/** One change of an order as the read model stores it. */
export interface OrderProjection {
  id: string;
  type: OrderType;
  origin: OrderOrigin;
  requestHash: string;
  status: OrderStatus;
  step: string | null;
  summary: Record<string, unknown>;
  failure: OrderFailure | null;
  event: TimelineEntry & { seq: number };
}

/** Client-chosen key: letters, digits, dash, underscore, dot; 8–64 characters. */
export const idempotencyKeySchema = z
  .string()
  .regex(
    /^[A-Za-z0-9._-]{8,64}$/,
    rule(
      'must be 8-64 characters of letters, digits, ".", "_" or "-"',
      '应为 8-64 个字符，只含字母、数字、“.”、“_”或“-”',
    ),
  );
