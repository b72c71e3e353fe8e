import type { GroupMemberRequest } from './groups';
import type { OrderInput } from './order-contract';
import type { SettingsOf } from './workflow-settings';

export type GroupMemberOrderInput = OrderInput<GroupMemberRequest, SettingsOf<'groupMember'>>;

/** What a member order (add, change, delete) shows (REQ: GRP-6…GRP-8). */
export interface GroupMemberSummary {
  action: 'add' | 'change' | 'delete';
  groupCode: string;
  productCode: string;
  msisdn: string;
  subscriptionId?: string;
  attributes?: Record<string, string | number | boolean>;
}
