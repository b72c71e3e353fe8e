import type { WorkOrderPriority } from './work-orders';
import type { BusinessCalendar } from './business-calendar';

/** The work-order SLA settings (WorkflowSettings['workOrder']), repeated here so domain code imports no workflow. */
export interface SlaSettings {
  sla: Record<WorkOrderPriority, { responseMinutes: number; resolutionMinutes: number }>;
  clock: 'business' | 'continuous';
  calendar: BusinessCalendar;
  workingHours: { fromHour: number; toHour: number };
}

/**
 * REQ: WO-6 — when a work order created at `from` must be responded to (dispatched) and resolved (completed).
 * Groundwork placeholder: counts continuous time; the SLA work makes the business clock count working time.
 */
export function slaDueDates(
  priority: WorkOrderPriority,
  from: Date,
  settings: SlaSettings,
): { responseDueAt: string; resolutionDueAt: string } {
  const target = settings.sla[priority];
  const at = (minutes: number) => new Date(from.getTime() + minutes * 60_000).toISOString();
  return { responseDueAt: at(target.responseMinutes), resolutionDueAt: at(target.resolutionMinutes) };
}
