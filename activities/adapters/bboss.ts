import type { BbossOrderAnswered } from '../../domain/bboss-callbacks';
import type { AttributeValues } from '../../domain/product-spec';

/** What a group product order asks of BBOSS. */
export interface BbossOrderSubmission {
  /** Idempotency key: the same `requestId` again is the same BBOSS order (same `bbossRef`). */
  requestId: string;
  orderId: string;
  action: 'open' | 'change' | 'cancel';
  groupCode: string;
  productCode: string;
  tariffCode?: string;
  /** The tariff needs BBOSS's approval (资费审核): the answer takes longer. */
  tariffNeedsApproval: boolean;
  attributes?: AttributeValues;
}

/** Where a BBOSS order stands when asked: still in hand, decided (as the callback says), or never received. */
export type BbossOrderStatus =
  | { state: 'processing'; bbossRef: string }
  | { state: 'answered'; answer: BbossOrderAnswered }
  | { state: 'unknown'; bbossRef: string };

export interface BbossMemberChange {
  action: 'add' | 'change' | 'delete';
  msisdn: string;
  attributes?: AttributeValues;
}

export interface BbossMemberResult {
  msisdn: string;
  accepted: boolean;
  reasonCode?: string;
  reason?: string;
}

/**
 * REQ: GRP-4, GRP-6…GRP-8 — BBOSS, the national group business platform (一级 BBOSS). A group product order
 * is accepted at once and answered later by callback (`POST /api/v1/callbacks/bboss`); `queryOrder` asks
 * again when the answer is late. Member changes are answered at once, member by member. Every call is
 * idempotent per `requestId`.
 */
export interface BbossAdapter {
  submitOrder(req: BbossOrderSubmission): Promise<{ bbossRef: string }>;
  queryOrder(req: { bbossRef: string }): Promise<BbossOrderStatus>;
  syncMembers(req: {
    requestId: string;
    groupCode: string;
    productCode: string;
    changes: BbossMemberChange[];
  }): Promise<{ results: BbossMemberResult[] }>;
}
