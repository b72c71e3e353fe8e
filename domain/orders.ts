import { z } from 'zod';
import { rule } from './bilingual-messages';
import { idempotencyKeyPattern, orderStatuses, type OrderStatus } from './order-status';

/** REQ: ORD-2 — the states live in order-status.ts, which workflows import without zod; their schema here. */
export {
  isTerminal,
  orderStatuses,
  orderStatusLabels,
  terminalStatuses,
  type OrderStatus,
} from './order-status';
export const orderStatusSchema = z.enum(orderStatuses);

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

/** What a step's activity writes: the step's own move, or the moves not written yet ending with it. */
export type OrderMoves = OrderProjection | readonly OrderProjection[];

/** Client-chosen key: letters, digits, dash, underscore, dot; 8–64 characters. */
export const idempotencyKeySchema = z
  .string()
  .regex(
    idempotencyKeyPattern,
    rule(
      'must be 8-64 characters of letters, digits, ".", "_" or "-"',
      '应为 8-64 个字符，只含字母、数字、“.”、“_”或“-”',
    ),
  );
