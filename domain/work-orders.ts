import { z } from 'zod';
import { nonBlankText } from './text-fields';
import { msisdnSchema } from './numbers';
import { workOrderStatuses, type WorkOrderStatus } from './work-order-statuses';

/**
 * Work orders (工单), source "中国移动工单运营的五个步骤" and "10086热线—营业厅服务绿色通道" (REQ: WO-1…WO-6,
 * GC-1…GC-3): created → accepted (or rejected) → outlet assigned → dispatched (by rule, by a dispatcher, or
 * grabbed) → appointment booked with the customer → in service → completed → closed; cancelled with a reason
 * at any step before completion.
 */

export {
  finalWorkOrderStatuses,
  workOrderStatuses,
  workOrderStatusLabels,
  type WorkOrderStatus,
} from './work-order-statuses';
export const workOrderStatusSchema = z.enum(workOrderStatuses);

/** REQ: WO-6 — priorities, P1 most urgent; each has its own response and resolution targets. */
export const workOrderPriorities = ['P1', 'P2', 'P3', 'P4'] as const;
export const workOrderPrioritySchema = z.enum(workOrderPriorities);
export type WorkOrderPriority = z.infer<typeof workOrderPrioritySchema>;

/** What the work is about. */
export const workOrderCategories = [
  'broadbandRepair',
  'networkFault',
  'terminalSupport',
  'businessHandling',
  'installation',
  'complaintFollowUp',
] as const;
export const workOrderCategorySchema = z.enum(workOrderCategories);
export type WorkOrderCategory = z.infer<typeof workOrderCategorySchema>;

/** REQ: GC-2 — the four kinds of hotline → store green channel (热线—营业厅服务绿色通道). */
export const greenChannelTypes = [
  'storeAppointment',
  'entrustedAcceptance',
  'itemReservation',
  'terminalSupport',
] as const;
export const greenChannelTypeSchema = z.enum(greenChannelTypes);
export type GreenChannelType = z.infer<typeof greenChannelTypeSchema>;

export const greenChannelTypeLabels: Record<GreenChannelType, { zh: string; en: string }> = {
  storeAppointment: { zh: '营业厅业务预约办理', en: 'Store business appointment' },
  entrustedAcceptance: { zh: '营业厅业务委托受理', en: 'Entrusted acceptance' },
  itemReservation: { zh: '营销活动实体物品预留', en: 'Reservation of physical items' },
  terminalSupport: { zh: '营业厅终端支撑服务', en: 'Terminal support' },
};

const text = (max: number) => nonBlankText(max, 1, 'is required');

export const workOrderCustomerSchema = z.object({
  name: text(100),
  msisdn: msisdnSchema,
  /** Where the work is done (installation, repair). */
  address: text(200).optional(),
});
export type WorkOrderCustomer = z.infer<typeof workOrderCustomerSchema>;

/** REQ: WO-1 — a work order created by staff. */
export const createWorkOrderSchema = z.object({
  category: workOrderCategorySchema,
  priority: workOrderPrioritySchema.default('P3'),
  title: text(100),
  description: text(2_000),
  customer: workOrderCustomerSchema,
  /** The area the work is in, matched by territory rules (REQ: WO-4). */
  territory: text(50).optional(),
  /** A skill the work needs, matched by skill rules (REQ: WO-4). */
  requiredSkill: text(50).optional(),
});
export type CreateWorkOrderRequest = z.infer<typeof createWorkOrderSchema>;

/** REQ: GC-3 — what staff may promise a customer; each kind is limited by the actor's authority. */
export const commitmentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('repairTimeLimit'), hours: z.number().positive().max(720) }),
  z.object({ kind: z.literal('compensation'), amountFen: z.number().int().positive().max(10_000_000) }),
  z.object({ kind: z.literal('specificGoods'), item: text(100) }),
]);
export type Commitment = z.infer<typeof commitmentSchema>;

/** REQ: GC-1…GC-3 — a green-channel work order opened by a hotline duty manager. */
export const createGreenChannelSchema = z.object({
  type: greenChannelTypeSchema,
  priority: workOrderPrioritySchema.default('P2'),
  title: text(100),
  description: text(2_000),
  customer: workOrderCustomerSchema,
  /** REQ: GC-2 — entrusted acceptance: the customer's service password, verified before the order is made. */
  servicePassword: z
    .string()
    .regex(/^\d{6}$/, 'must be 6 digits')
    .optional(),
  /** REQ: GC-2 — paper invoices or bills: sent to the customer or collected at the store. */
  paperDocuments: z.enum(['send', 'collect']).optional(),
  /** REQ: GC-3 — what was promised to the customer (refused beyond the actor's authority). */
  commitments: z.array(commitmentSchema).max(10).default([]),
});
export type CreateGreenChannelRequest = z.infer<typeof createGreenChannelSchema>;

/** REQ: WO-1 — a work order the customer creates on a self-service channel (site, official account, mini program). */
export const selfServiceWorkOrderSchema = z.object({
  category: workOrderCategorySchema,
  title: text(100),
  description: text(2_000),
  customer: workOrderCustomerSchema,
  /** The customer proves the line is theirs with its service password. */
  servicePassword: z.string().regex(/^\d{6}$/, 'must be 6 digits'),
  territory: text(50).optional(),
});
export type SelfServiceWorkOrderRequest = z.infer<typeof selfServiceWorkOrderSchema>;

/** Who acts on a work order: the signed-in operator, their roles, and (service staff) their outlet. */
export interface WorkOrderActor {
  operatorId: string;
  roles: string[];
  outletCode: string | null;
}

/** The appointment booked with the customer (REQ: WO-5). */
export interface Appointment {
  at: string;
  note: string | null;
  bookedBy: string;
}

/** REQ: WO-1…WO-6 — a work order as its workflow holds it. */
export interface WorkOrderState {
  id: string;
  kind: 'standard' | 'greenChannel';
  source: 'staff' | 'customer' | 'greenChannel';
  category: WorkOrderCategory;
  greenChannelType: GreenChannelType | null;
  priority: WorkOrderPriority;
  status: WorkOrderStatus;
  title: string;
  description: string;
  customer: WorkOrderCustomer;
  vip: boolean;
  city: string | null;
  territory: string | null;
  requiredSkill: string | null;
  outletCode: string | null;
  assigneeId: string | null;
  appointment: Appointment | null;
  result: { summary: string; resolved: boolean } | null;
  commitments: Commitment[];
  createdBy: string;
  channelCode: string;
  createdAt: string;
  /** REQ: WO-6 — targets and what became of them. */
  sla: {
    responseDueAt: string | null;
    resolutionDueAt: string | null;
    respondedAt: string | null;
    resolvedAt: string | null;
    responseBreached: boolean;
    resolutionBreached: boolean;
  };
  /** Number of timeline events so far (the next event's `seq`). */
  events: number;
}

/** REQ: WO-2…WO-5 — the steps people (or the system) take on a work order, told apart by `action`. */
export const workOrderCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept') }),
  z.object({ action: z.literal('reject'), reason: text(500) }),
  z.object({ action: z.literal('assignOutlet'), outletCode: text(40), reason: text(500).optional() }),
  z.object({ action: z.literal('dispatch'), assigneeId: text(64) }),
  z.object({ action: z.literal('redispatch'), assigneeId: text(64), reason: text(500) }),
  /** REQ: WO-4 — a dispatcher asks the workflow to dispatch by the rules now (按规则派工). */
  z.object({ action: z.literal('dispatchByRule') }),
  z.object({ action: z.literal('grab') }),
  z.object({
    action: z.literal('bookAppointment'),
    at: z.iso.datetime({ offset: true }),
    note: text(200).optional(),
  }),
  z.object({
    action: z.literal('changeAppointment'),
    at: z.iso.datetime({ offset: true }),
    reason: text(500),
  }),
  z.object({ action: z.literal('start') }),
  z.object({ action: z.literal('complete'), summary: text(2_000), resolved: z.boolean().default(true) }),
  z.object({ action: z.literal('close') }),
  z.object({ action: z.literal('cancel'), reason: text(500) }),
]);
export type WorkOrderCommand = z.infer<typeof workOrderCommandSchema>;
export type WorkOrderAction = WorkOrderCommand['action'];

/** One line of a work order's timeline. */
export interface WorkOrderEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  fromStatus: WorkOrderStatus | null;
  toStatus: WorkOrderStatus;
  details: Record<string, unknown>;
}
