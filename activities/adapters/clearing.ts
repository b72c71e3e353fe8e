import type { MnpCallback } from '../../domain/mnp-callbacks';
import { simulateCall, type SimulationOptions } from './simulation';

/**
 * REQ: MNP-5 — the central clearing system of number portability (携号转网集中管理平台). Calls are
 * asynchronous: the clearing system answers later through `POST /api/v1/callbacks/mnp`. Every call is
 * idempotent per `requestId`: a retried or re-submitted call with the same `requestId` changes nothing.
 */
export interface ClearingSystemAdapter {
  /**
   * We are the recipient: asks the donor operator, through the clearing system, to let the number go. The
   * answer arrives later as a `portInAnswered` callback; re-submitting (same `requestId`) re-sends it.
   */
  submitPortIn(req: {
    requestId: string;
    msisdn: string;
    authorizationCode: string;
    recipientOrderId: string;
  }): Promise<{ clearingRef: string }>;
  /** We are the donor: answers a `portOutRequested` callback the clearing system sent us. */
  answerPortOut(req: {
    requestId: string;
    clearingRef: string;
    accept: boolean;
    reasonCode?: string;
  }): Promise<void>;
  /** Withdraws a port-in before the switch-over (the customer cancels, MNP-5). */
  cancelPortIn(req: { requestId: string; clearingRef: string }): Promise<void>;
}

export interface ClearingSimulationOptions extends SimulationOptions {
  /** How long after `submitPortIn` the donor's answer is delivered. */
  answerDelayMs: number;
  /** Probability (0..1) that the donor rejects a port-in. */
  rejectRate: number;
  /** Probability (0..1) that one sending of an answer is lost (nothing is delivered). */
  lossRate: number;
  /** Sends a callback to us, as the clearing system would POST it. */
  deliver: (callback: MnpCallback) => Promise<void>;
  /** Clock for the proposed switch-over time; tests pass a fixed one. */
  now?: () => Date;
}

/** Reasons a donor operator gives when it refuses a port-in. */
export const donorRejections = [
  { reasonCode: 'AuthorizationCodeInvalid', reason: '携号转网授权码无效或已过期' },
  { reasonCode: 'IdentityMismatch', reason: '证件与机主资料不符' },
  { reasonCode: 'ContractTermActive', reason: '号码仍在合约期内，合约到期前不能携号转网' },
  { reasonCode: 'SuspendedForArrears', reason: '号码处于欠费停机状态，请先缴清欠费' },
] as const;

/** The donor's accepted port-in switches over this long after the answer (the next night, roughly). */
const SWITCH_OVER_AFTER_MS = 24 * 60 * 60 * 1000;

interface PortIn {
  clearingRef: string;
  msisdn: string;
  orderId: string;
  /** The code we quoted for the customer: the clearing system and the donor see it; no record of ours does. */
  authorizationCode: string;
  /** The donor's decision, made once and re-sent unchanged. */
  answer: Extract<MnpCallback, { event: 'portInAnswered' }>;
  cancelled: boolean;
}

/**
 * A clearing system in memory. The donor decides once per `clearingRef` (reject with `rejectRate`), and each
 * sending of the answer is lost with `lossRate`, so a workflow that re-submits after a timeout recovers it.
 */
export class ClearingSystemSimulator implements ClearingSystemAdapter {
  /** Port-ins by `clearingRef`. */
  readonly portIns = new Map<string, PortIn>();
  /** `submitPortIn` request IDs → `clearingRef`. */
  readonly submissions = new Map<string, string>();
  /** Our answers to port-out requests, by `requestId`. */
  readonly portOutAnswers = new Map<string, { clearingRef: string; accept: boolean; reasonCode?: string }>();
  /** Port-out requests the simulated other operators made, by `clearingRef`. */
  readonly portOutRequests = new Map<string, Extract<MnpCallback, { event: 'portOutRequested' }>>();
  readonly cancellations = new Map<string, string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private seq = 0;

  constructor(public options: ClearingSimulationOptions) {}

  private random(): number {
    return (this.options.random ?? Math.random)();
  }

  async submitPortIn(req: {
    requestId: string;
    msisdn: string;
    authorizationCode: string;
    recipientOrderId: string;
  }): Promise<{ clearingRef: string }> {
    await simulateCall('clearing system', 'submitPortIn', this.options);
    const known = this.submissions.get(req.requestId);
    const portIn = known ? this.portIns.get(known) : undefined;
    if (portIn) {
      if (!portIn.cancelled) this.sendAnswer(portIn);
      return { clearingRef: portIn.clearingRef };
    }
    const clearingRef = `CLR-IN-${++this.seq}`;
    const rejected = this.random() < this.options.rejectRate;
    const answer: PortIn['answer'] = rejected
      ? {
          event: 'portInAnswered',
          clearingRef,
          orderId: req.recipientOrderId,
          accepted: false,
          ...donorRejections[Math.floor(this.random() * donorRejections.length) % donorRejections.length]!,
        }
      : {
          event: 'portInAnswered',
          clearingRef,
          orderId: req.recipientOrderId,
          accepted: true,
          switchOverAt: new Date(
            (this.options.now ?? (() => new Date()))().getTime() + SWITCH_OVER_AFTER_MS,
          ).toISOString(),
        };
    const created: PortIn = {
      clearingRef,
      msisdn: req.msisdn,
      orderId: req.recipientOrderId,
      authorizationCode: req.authorizationCode,
      answer,
      cancelled: false,
    };
    this.portIns.set(clearingRef, created);
    this.submissions.set(req.requestId, clearingRef);
    this.sendAnswer(created);
    return { clearingRef };
  }

  async answerPortOut(req: {
    requestId: string;
    clearingRef: string;
    accept: boolean;
    reasonCode?: string;
  }): Promise<void> {
    await simulateCall('clearing system', 'answerPortOut', this.options);
    if (this.portOutAnswers.has(req.requestId)) return;
    this.portOutAnswers.set(req.requestId, {
      clearingRef: req.clearingRef,
      accept: req.accept,
      ...(req.reasonCode === undefined ? {} : { reasonCode: req.reasonCode }),
    });
  }

  async cancelPortIn(req: { requestId: string; clearingRef: string }): Promise<void> {
    await simulateCall('clearing system', 'cancelPortIn', this.options);
    if (this.cancellations.has(req.requestId)) return;
    this.cancellations.set(req.requestId, req.clearingRef);
    const portIn = this.portIns.get(req.clearingRef);
    if (portIn) portIn.cancelled = true;
  }

  /**
   * Simulator only: another operator asks us, through the clearing system, for one of our numbers. Delivers
   * a `portOutRequested` callback (never lost) and returns its `clearingRef`.
   */
  async requestPortOut(req: {
    msisdn: string;
    authorizationCode: string;
    recipientOperator: string;
  }): Promise<{ clearingRef: string }> {
    const clearingRef = `CLR-OUT-${++this.seq}`;
    const callback = { event: 'portOutRequested' as const, clearingRef, ...req };
    this.portOutRequests.set(clearingRef, callback);
    await this.options.deliver(callback);
    return { clearingRef };
  }

  /** Cancels every answer not yet sent (call at shutdown and after tests). */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Sends the (same) decision after `answerDelayMs`, unless this sending is lost. */
  private sendAnswer(portIn: PortIn): void {
    if (this.random() < this.options.lossRate) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (portIn.cancelled) return;
      // A failed delivery is a lost answer: the workflow re-submits after its timeout.
      this.options.deliver(portIn.answer).catch(() => undefined);
    }, this.options.answerDelayMs);
    this.timers.add(timer);
  }
}
