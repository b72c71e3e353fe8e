import type { ActivityDeps } from './deps';
import { addNotification } from '../db/queries/notifications';
import type { WorkOrderState } from '../domain/work-orders';

type SlaTarget = 'response' | 'resolution';

const targetLabels: Record<SlaTarget, { zh: string; en: string; due: { zh: string; en: string } }> = {
  response: { zh: '响应', en: 'response', due: { zh: '派工', en: 'dispatch' } },
  resolution: { zh: '解决', en: 'resolution', due: { zh: '完成', en: 'completion' } },
};

/** REQ: WO-6 — SLA escalation effects. */
export function createWorkOrderSlaActivities(deps: Pick<ActivityDeps, 'db' | 'config'>) {
  return {
    /**
     * Tells the escalation role (WO_ESCALATION_ROLE) at the work order's outlet that a target passed unmet,
     * naming the work order, the target and how late it is. Once per work order and target: the notice's ID
     * is `<work order>:<target>`, so a retried or replayed call leaves the first notice as it was.
     */
    async escalateBreach(input: { workOrder: WorkOrderState; kind: SlaTarget }): Promise<void> {
      const { workOrder, kind } = input;
      const dueAt = kind === 'response' ? workOrder.sla.responseDueAt : workOrder.sla.resolutionDueAt;
      const message = breachMessage(
        workOrder,
        kind,
        dueAt,
        new Date(),
        deps.config.BUSINESS_UTC_OFFSET_HOURS,
      );
      await addNotification(deps.db, {
        id: `${workOrder.id}:${kind}`,
        recipientRole: deps.config.WO_ESCALATION_ROLE,
        outletCode: workOrder.outletCode,
        workOrderId: workOrder.id,
        kind: `sla.${kind}Breached`,
        messageZh: message.zh,
        messageEn: message.en,
      });
    },
  };
}

/** The notice in Chinese and English: which work order, which target, due when (business time), how late. */
function breachMessage(
  workOrder: WorkOrderState,
  kind: SlaTarget,
  dueAt: string | null,
  now: Date,
  utcOffsetHours: number,
): { zh: string; en: string } {
  const label = targetLabels[kind];
  const name = `${workOrder.id}（${workOrder.title}，${workOrder.priority}）`;
  const nameEn = `${workOrder.id} ("${workOrder.title}", ${workOrder.priority})`;
  if (!dueAt) {
    return {
      zh: `工单 ${name} ${label.zh}时限已超时`,
      en: `Work order ${nameEn} missed its ${label.en} target`,
    };
  }
  const late = lateness(now.getTime() - Date.parse(dueAt));
  const due = businessTime(dueAt, utcOffsetHours);
  return {
    zh: `工单 ${name} ${label.zh}时限已超时 ${late.zh}（应于 ${due} 前${label.due.zh}）`,
    en: `Work order ${nameEn} missed its ${label.en} target (${label.due.en} due by ${due}) by ${late.en}`,
  };
}

/** How late, to the second below a minute and to the minute above it. */
function lateness(ms: number): { zh: string; en: string } {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  if (seconds < 60) return { zh: `${seconds} 秒`, en: `${seconds} s` };
  const minutes = Math.round(seconds / 60);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  if (h === 0) return { zh: `${m} 分钟`, en: `${m} min` };
  return { zh: `${h} 小时 ${m} 分钟`, en: `${h} h ${m} min` };
}

/** An ISO instant written in business time, e.g. 2025-06-10 10:00 (UTC+8). */
function businessTime(iso: string, utcOffsetHours: number): string {
  const local = new Date(Date.parse(iso) + utcOffsetHours * 3_600_000).toISOString();
  const sign = utcOffsetHours < 0 ? '-' : '+';
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (UTC${sign}${Math.abs(utcOffsetHours)})`;
}
