/**
 * Where a workflow's time went, read from its history's event times: workflow tasks waiting for a worker and
 * running in it, activities likewise, and what is left (the server's own hand-offs and writes).
 */
import type { WorkflowHandle } from '@temporalio/client';
import { round } from './measure';

export type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

/** The marker the SDK records for each local activity's result (sdk-core `LOCAL_ACTIVITY_MARKER_NAME`). */
export const LOCAL_ACTIVITY_MARKER = 'core_local_activity';

export interface Profile {
  /** Averages per workflow. */
  events: number;
  activities: number;
  localActivities: number;
  /** Milliseconds per workflow: workflow tasks waiting for / running in a worker; same for activities. */
  wftQueueMs: number;
  wftRunMs: number;
  activityQueueMs: number;
  activityRunMs: number;
  /** First event → last event. */
  totalMs: number;
}

const timeOf = (e: HistoryEvent): number =>
  Number(e.eventTime?.seconds?.toString() ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;

/** One step of a workflow as its history shows it. */
export interface Step {
  /** Milliseconds since the first event, when the step was scheduled. */
  atMs: number;
  what: string;
  queuedMs: number;
  ranMs: number;
}

/** The workflow's steps in order: each workflow task, each activity, each local activity's marker. */
export function steps(history: History): Step[] {
  const events = history.events ?? [];
  const first = events[0];
  const t0 = first ? timeOf(first) : 0;
  const at = new Map<number, { time: number; event: HistoryEvent }>();
  const out: Step[] = [];
  const get = (id: unknown) => at.get(Number(String(id)));
  for (const e of events) {
    const now = timeOf(e);
    at.set(Number(e.eventId?.toString() ?? 0), { time: now, event: e });
    const finished =
      e.activityTaskCompletedEventAttributes ??
      e.activityTaskFailedEventAttributes ??
      e.activityTaskTimedOutEventAttributes;
    if (e.workflowTaskCompletedEventAttributes) {
      const started = get(e.workflowTaskCompletedEventAttributes.startedEventId);
      const scheduled = get(started?.event.workflowTaskStartedEventAttributes?.scheduledEventId);
      if (started && scheduled)
        out.push({
          atMs: scheduled.time - t0,
          what: 'workflow task',
          queuedMs: started.time - scheduled.time,
          ranMs: now - started.time,
        });
    } else if (finished) {
      const started = get(finished.startedEventId);
      const scheduled = get(finished.scheduledEventId);
      const name = scheduled?.event.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
      const outcome = e.activityTaskCompletedEventAttributes ? '' : ' (failed)';
      if (started && scheduled)
        out.push({
          atMs: scheduled.time - t0,
          what: `activity ${name}${outcome}`,
          queuedMs: started.time - scheduled.time,
          ranMs: now - started.time,
        });
    } else if (e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER) {
      out.push({ atMs: now - t0, what: `local activity ${localActivityType(e)}`, queuedMs: 0, ranMs: 0 });
    }
  }
  return out;
}

/** The local activity's type from its marker's data (JSON the SDK writes), or `?`. */
function localActivityType(e: HistoryEvent): string {
  try {
    const data = e.markerRecordedEventAttributes?.details?.data?.payloads?.[0]?.data;
    if (!data) return '?';
    const parsed = JSON.parse(Buffer.from(data).toString('utf8')) as { activity_type?: string };
    return parsed.activity_type ?? '?';
  } catch {
    return '?';
  }
}

/** Averages over the histories: events, scheduled activities, local activities and where the time went. */
export function profile(histories: readonly History[]): Profile {
  const sum: Profile = {
    events: 0,
    activities: 0,
    localActivities: 0,
    wftQueueMs: 0,
    wftRunMs: 0,
    activityQueueMs: 0,
    activityRunMs: 0,
    totalMs: 0,
  };
  for (const h of histories) {
    const events = h.events ?? [];
    sum.events += events.length;
    sum.activities += events.filter((e) => e.activityTaskScheduledEventAttributes).length;
    sum.localActivities += events.filter(
      (e) => e.markerRecordedEventAttributes?.markerName === LOCAL_ACTIVITY_MARKER,
    ).length;
    for (const s of steps(h)) {
      if (s.what === 'workflow task') {
        sum.wftQueueMs += s.queuedMs;
        sum.wftRunMs += s.ranMs;
      } else {
        sum.activityQueueMs += s.queuedMs;
        sum.activityRunMs += s.ranMs;
      }
    }
    const first = events[0];
    const last = events[events.length - 1];
    if (first && last) sum.totalMs += timeOf(last) - timeOf(first);
  }
  const count = Math.max(1, histories.length);
  return Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, v / count])) as unknown as Profile;
}

export function describeProfile(p: Profile): string {
  return (
    `per workflow ${Math.round(p.totalMs)} ms = workflow tasks ${Math.round(p.wftQueueMs)} queued + ` +
    `${Math.round(p.wftRunMs)} running, activities ${Math.round(p.activityQueueMs)} queued + ` +
    `${Math.round(p.activityRunMs)} running (rest: server hand-offs)`
  );
}

/** The steps as lines for a reader: when, what, queued, ran; then the sums. */
export function describeSteps(history: History): string[] {
  const all = steps(history);
  const lines = all.map(
    (s) =>
      `  +${String(Math.round(s.atMs)).padStart(6)} ms  ${s.what.padEnd(44)} ` +
      (s.what.startsWith('local activity')
        ? '(inside the workflow task)'
        : `queued ${String(round(s.queuedMs)).padStart(6)} ms, ran ${String(round(s.ranMs)).padStart(7)} ms`),
  );
  const p = profile([history]);
  lines.push(`  = ${describeProfile(p)}`);
  return lines;
}
