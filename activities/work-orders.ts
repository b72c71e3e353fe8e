import type { ActivityDeps } from '.';

/** REQ: WO-1…WO-5 — the work-order workflow's effects. (Groundwork: filled in by the work-order work.) */
export function createWorkOrderActivities(_deps: ActivityDeps) {
  return {};
}
