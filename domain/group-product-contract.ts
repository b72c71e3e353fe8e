import type { GroupProductRequest } from './groups';
import type { AttributeValues } from './product-spec';
import type { OrderInput } from './order-contract';
import type { SettingsOf } from './workflow-settings';

export type GroupProductOrderInput = OrderInput<GroupProductRequest, SettingsOf<'groupProduct'>>;

/** What a group product order (open, change, cancel) shows (REQ: GRP-1…GRP-5, GRP-9). */
export interface GroupProductSummary {
  action: 'open' | 'change' | 'cancel';
  groupCode: string;
  productCode: string;
  /** The group subscription (its ID is the ID of the order that opened it). */
  subscriptionId?: string;
  tariffCode?: string;
  /** REQ: GRP-3 — the tariff parameters (资费参数) ordered, shown to the approver. */
  tariffParams?: AttributeValues;
  /** REQ: GRP-3, GRP-5 — the product attributes ordered (open) or changed to (change). */
  attributes?: AttributeValues;
  effectiveMode?: 'immediate' | 'nextCycle';
  /** REQ: GRP-2 — when the new terms take effect (ISO 8601). */
  effectiveFrom?: string;
  customerManagerId?: string;
  submitterId?: string;
  /** REQ: GRP-3 — the tariff approval, when the tariff needs one. */
  approval?: {
    required: boolean;
    decision?: 'approved' | 'rejected';
    approverId?: string;
    comment?: string;
    decidedAt?: string;
  };
  /**
   * REQ: GRP-4 — the BBOSS leg: reference, since when we wait, how often we asked, when it became overdue
   * (staff alerted), how often it was re-submitted to a BBOSS that did not know it, and BBOSS's answer.
   */
  bboss?: {
    ref?: string;
    waitingSince?: string;
    queries: number;
    overdueAt?: string;
    resubmits?: number;
    outcome?: 'completed' | 'rejected';
    reasonCode?: string;
    reason?: string;
    answeredAt?: string;
  };
  /** REQ: GRP-9 — members removed with the cancellation. */
  membersRemoved?: number;
}

/** REQ: GRP-3 — an approver's decision on a tariff that needs approval. */
export interface ApprovalDecision {
  approverId: string;
  approve: boolean;
  comment: string;
}
