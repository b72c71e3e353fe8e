import { z } from 'zod';
import type { WorkOrderEventRecord, WorkOrderRecord } from '../../db/queries/work-order-detail';
import {
  commitmentSchema,
  greenChannelTypeSchema,
  workOrderCategorySchema,
  workOrderPrioritySchema,
  workOrderStatusLabels,
  workOrderStatusSchema,
  type Appointment,
  type WorkOrderState,
} from '../../domain/work-orders';
import { labelSchema } from '../../domain/view-schemas';

/**
 * How the API shows one work order (REQ: WO-1…WO-6): its status with Chinese and English labels, the SLA,
 * the appointment and the timeline; the same shape whether read from the read model or, before the workflow
 * has written it, from the workflow's live state.
 */

export const workOrderTimelineEntrySchema = z.object({
  seq: z.number().int().describe('Position in the timeline, from 0 (creation)'),
  at: z.string().describe('ISO 8601 time'),
  actor: z.string().describe('Operator ID, or "system" for dispatch rules and SLA timers'),
  action: z
    .string()
    .describe('The step (accept, dispatch, grab…) or a system note (noDispatchRule, slaBreached…)'),
  fromStatus: workOrderStatusSchema.nullable(),
  toStatus: workOrderStatusSchema,
  statusLabel: labelSchema.describe('Label of toStatus'),
  details: z.record(z.string(), z.unknown()).describe('Reason, previous/new assignee, appointment from/to…'),
});
export type WorkOrderTimelineEntry = z.infer<typeof workOrderTimelineEntrySchema>;

const appointmentSchema = z.object({
  at: z.string().describe('ISO 8601 time of the service booked with the customer'),
  note: z.string().nullable(),
  bookedBy: z.string(),
});

export const workOrderViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['standard', 'greenChannel']),
  source: z.enum(['staff', 'customer', 'greenChannel']),
  category: workOrderCategorySchema,
  greenChannelType: greenChannelTypeSchema.nullable(),
  priority: workOrderPrioritySchema,
  status: workOrderStatusSchema,
  statusLabel: labelSchema,
  title: z.string(),
  description: z.string(),
  customer: z.object({ name: z.string(), msisdn: z.string(), address: z.string().optional() }),
  vip: z.boolean(),
  city: z.string().nullable(),
  territory: z.string().nullable(),
  requiredSkill: z.string().nullable(),
  outletCode: z.string().nullable().describe('The outlet (网点) the work order is assigned to'),
  assigneeId: z.string().nullable().describe('The service staff member (服务人员) doing the work'),
  appointment: appointmentSchema.nullable().describe('The service time booked with the customer (客户预约)'),
  result: z.object({ summary: z.string(), resolved: z.boolean() }).nullable(),
  commitments: z.array(commitmentSchema),
  createdBy: z.string(),
  channelCode: z.string(),
  createdAt: z.string(),
  updatedAt: z.string().describe('Time of the last timeline event'),
  sla: z.object({
    responseDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    respondedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    responseBreached: z.boolean(),
    resolutionBreached: z.boolean(),
  }),
  timeline: z.array(workOrderTimelineEntrySchema),
});
export type WorkOrderView = z.infer<typeof workOrderViewSchema>;

/** REQ: WO-5 — one booking, change or clearing of the appointment, from the timeline. */
export const appointmentChangeSchema = z.object({
  seq: z.number().int(),
  changedAt: z.string(),
  by: z.string(),
  action: z.enum(['bookAppointment', 'changeAppointment', 'assignOutlet']),
  from: z.string().nullable(),
  to: z.string().nullable().describe('null: cleared (the outlet was re-assigned)'),
  reason: z.string().nullable(),
  note: z.string().nullable(),
});
export type AppointmentChange = z.infer<typeof appointmentChangeSchema>;

/** The view of a work order the workflow holds, with the timeline read so far. */
export function viewFromState(state: WorkOrderState, timeline: WorkOrderTimelineEntry[]): WorkOrderView {
  const { events: _events, ...rest } = state;
  return {
    ...rest,
    statusLabel: workOrderStatusLabels[state.status],
    updatedAt: timeline.at(-1)?.at ?? state.createdAt,
    timeline,
  };
}

/** The view of a work order from its read-model row and timeline. */
export function viewFromRecord(record: WorkOrderRecord, events: WorkOrderEventRecord[]): WorkOrderView {
  const timeline = events.map(timelineEntry);
  const status = record.status;
  return viewFromState(
    {
      id: record.id,
      kind: record.kind,
      source: record.source,
      category: record.category,
      greenChannelType: record.greenChannelType,
      priority: record.priority,
      status,
      title: record.title,
      description: record.description,
      customer: record.customer,
      vip: record.vip,
      city: record.city,
      territory: record.territory,
      requiredSkill: record.requiredSkill,
      outletCode: record.outletCode,
      assigneeId: record.assigneeId,
      appointment: appointmentOf(record.appointmentAt, timeline),
      result: record.result,
      commitments: record.commitments ?? [],
      createdBy: record.createdBy,
      channelCode: record.channelCode,
      createdAt: record.createdAt.toISOString(),
      sla: {
        responseDueAt: iso(record.responseDueAt),
        resolutionDueAt: iso(record.resolutionDueAt),
        respondedAt: iso(record.respondedAt),
        resolvedAt: iso(record.resolvedAt),
        responseBreached: record.responseBreached,
        resolutionBreached: record.resolutionBreached,
      },
      events: record.lastEventSeq + 1,
    },
    // The row is as of its last event: a timeline line written after it (a write in flight) is not shown.
    timeline.filter((e) => e.seq <= record.lastEventSeq),
  );
}

export function timelineEntry(e: WorkOrderEventRecord): WorkOrderTimelineEntry {
  const toStatus = e.toStatus;
  return {
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actor,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus,
    statusLabel: workOrderStatusLabels[toStatus],
    details: e.details,
  };
}

/** REQ: WO-5 — the appointment's history: every booking and change with from/to, and its clearing. */
export function appointmentHistory(timeline: WorkOrderTimelineEntry[]): AppointmentChange[] {
  const changes: AppointmentChange[] = [];
  for (const e of timeline) {
    const d = e.details;
    if (e.action === 'bookAppointment' || e.action === 'changeAppointment') {
      changes.push({
        seq: e.seq,
        changedAt: e.at,
        by: e.actor,
        action: e.action,
        from: text(d.from),
        to: text(d.to),
        reason: text(d.reason),
        note: text(d.note),
      });
    } else if (e.action === 'assignOutlet' && typeof d.appointmentCleared === 'string') {
      changes.push({
        seq: e.seq,
        changedAt: e.at,
        by: e.actor,
        action: 'assignOutlet',
        from: d.appointmentCleared,
        to: null,
        reason: text(d.reason),
        note: null,
      });
    }
  }
  return changes;
}

/** The appointment the row holds, with who booked it and its note from the timeline. */
function appointmentOf(at: Date | null, timeline: WorkOrderTimelineEntry[]): Appointment | null {
  if (!at) return null;
  const history = appointmentHistory(timeline);
  const last = history.at(-1);
  const booking = [...history].reverse().find((c) => c.action === 'bookAppointment');
  return { at: at.toISOString(), note: booking?.note ?? null, bookedBy: last?.by ?? 'unknown' };
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
