import type { ActivityDeps } from '.';

/** REQ: GRP-1…GRP-5, GRP-9 — group product orders' effects. (Groundwork: filled in by the group order work.) */
export function createGroupProductActivities(_deps: ActivityDeps) {
  return {};
}
