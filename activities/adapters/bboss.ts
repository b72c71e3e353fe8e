import type { BbossCallback, BbossOrderAnswered } from '../../domain/bboss-callbacks';
import type { AttributeValues } from '../../domain/product-spec';
import { simulateCall, type SimulationOptions } from './simulation';

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

export interface BbossSimulationOptions extends SimulationOptions {
  /** How long BBOSS takes to decide an order (about 30 minutes in real life). */
  answerDelayMs: number;
  /** Added to `answerDelayMs` when the tariff needs approval. */
  approvalExtraDelayMs: number;
  /** Probability (0..1) that BBOSS rejects an order. */
  rejectRate: number;
  /** Probability (0..1) that the callback of an answer is lost (`queryOrder` still tells the outcome). */
  lossRate: number;
  /** Probability (0..1) that BBOSS refuses one member of a member change. */
  memberRejectRate: number;
  /** Sends a callback to us, as BBOSS would POST it. */
  deliver: (callback: BbossCallback) => Promise<void>;
  now?: () => Date;
}

/** Reasons BBOSS gives when it rejects a group product order. */
export const bbossRejections = [
  { reasonCode: 'ContractExpired', reason: '集团合同已到期，请续签后再受理' },
  { reasonCode: 'TariffNotApproved', reason: '资费未通过审核' },
  { reasonCode: 'GroupCreditInsufficient', reason: '集团客户信用度不足' },
] as const;

/** Why BBOSS refuses one member. */
export const bbossMemberRejection = {
  reasonCode: 'MemberRefusedByBboss',
  reason: '成员号码已在其他集团的同类产品中，BBOSS 拒绝加入',
} as const;

interface SimulatedOrder {
  submission: BbossOrderSubmission;
  bbossRef: string;
  decidesAt: number;
  answer: BbossOrderAnswered;
  delivered: boolean;
}

/**
 * BBOSS in memory. An order is decided once (rejected with `rejectRate`) and answered after its delay; the
 * callback is lost with `lossRate`, but `queryOrder` after the delay tells the decision, so a workflow that
 * asks again recovers it. Member changes are answered at once and remembered per `requestId`.
 */
export class BbossSimulator implements BbossAdapter {
  readonly orders = new Map<string, SimulatedOrder>();
  private readonly byRequest = new Map<string, string>();
  /** Member results by request, then by msisdn: a repeated request gets the same answers. */
  readonly memberRequests = new Map<string, Map<string, BbossMemberResult>>();
  /** Every member change BBOSS applied, in order (a repeated request adds nothing). */
  readonly appliedMemberChanges: (BbossMemberChange & { groupCode: string; productCode: string })[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private seq = 0;

  constructor(public options: BbossSimulationOptions) {}

  private random(): number {
    return (this.options.random ?? Math.random)();
  }

  private now(): number {
    return (this.options.now ?? (() => new Date()))().getTime();
  }

  async submitOrder(req: BbossOrderSubmission): Promise<{ bbossRef: string }> {
    await simulateCall('BBOSS', 'submitOrder', this.options);
    const known = this.byRequest.get(req.requestId);
    if (known) return { bbossRef: known };
    const bbossRef = `BBOSS-${String(++this.seq).padStart(8, '0')}`;
    const delay =
      this.options.answerDelayMs + (req.tariffNeedsApproval ? this.options.approvalExtraDelayMs : 0);
    const decidesAt = this.now() + delay;
    const rejected = this.random() < this.options.rejectRate;
    const answer: BbossOrderAnswered = {
      event: 'orderAnswered',
      bbossRef,
      orderId: req.orderId,
      outcome: rejected ? 'rejected' : 'completed',
      ...(rejected
        ? bbossRejections[Math.floor(this.random() * bbossRejections.length) % bbossRejections.length]!
        : {}),
      answeredAt: new Date(decidesAt).toISOString(),
    };
    const order: SimulatedOrder = { submission: req, bbossRef, decidesAt, answer, delivered: false };
    this.orders.set(bbossRef, order);
    this.byRequest.set(req.requestId, bbossRef);
    const lost = this.random() < this.options.lossRate;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (lost) return;
      // A failed delivery is a lost answer: the workflow asks again after its timeout.
      this.options.deliver(answer).then(
        () => {
          order.delivered = true;
        },
        () => undefined,
      );
    }, delay);
    this.timers.add(timer);
    return { bbossRef };
  }

  async queryOrder(req: { bbossRef: string }): Promise<BbossOrderStatus> {
    await simulateCall('BBOSS', 'queryOrder', this.options);
    const order = this.orders.get(req.bbossRef);
    if (!order) return { state: 'unknown', bbossRef: req.bbossRef };
    if (this.now() < order.decidesAt) return { state: 'processing', bbossRef: req.bbossRef };
    return { state: 'answered', answer: order.answer };
  }

  async syncMembers(req: {
    requestId: string;
    groupCode: string;
    productCode: string;
    changes: BbossMemberChange[];
  }): Promise<{ results: BbossMemberResult[] }> {
    await simulateCall('BBOSS', 'syncMembers', this.options);
    let answered = this.memberRequests.get(req.requestId);
    if (!answered) {
      answered = new Map();
      this.memberRequests.set(req.requestId, answered);
    }
    const results = req.changes.map((change) => {
      const earlier = answered.get(change.msisdn);
      if (earlier) return earlier;
      const refused = change.action === 'add' && this.random() < this.options.memberRejectRate;
      const result: BbossMemberResult = refused
        ? { msisdn: change.msisdn, accepted: false, ...bbossMemberRejection }
        : { msisdn: change.msisdn, accepted: true };
      answered.set(change.msisdn, result);
      if (result.accepted)
        this.appliedMemberChanges.push({ ...change, groupCode: req.groupCode, productCode: req.productCode });
      return result;
    });
    return { results };
  }

  /** Cancels every answer not yet sent (call at shutdown and after tests). */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
