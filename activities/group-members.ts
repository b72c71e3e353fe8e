import type { ActivityDeps } from '.';

/** REQ: GRP-6…GRP-8 — member orders' and member batches' effects. (Groundwork: filled in by the member work.) */
export function createGroupMemberActivities(_deps: ActivityDeps) {
  return {};
}
