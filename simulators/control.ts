import type { SimulatedBankAccount } from '../activities/adapters/bank';
import type { BbossMemberChange, BbossOrderSubmission } from '../activities/adapters/bboss';
import type { BbossOrderAnswered } from '../domain/bboss-callbacks';
import type { HlrSubscriber } from '../activities/adapters/hlr';
import type { MnpCallback } from '../domain/mnp-callbacks';

/** The outside systems the simulators process plays. */
export type SimulatedSystem = 'hlr' | 'bank' | 'sms' | 'clearing' | 'bboss' | 'telephony';

/** How a simulated system behaves: how slow each call is and how often it fails like a flaky link. */
export interface Behaviour {
  latencyMs: number;
  /** Probability (0..1) that a call fails with a transient error. */
  failureRate: number;
}

export interface ClearingBehaviour extends Behaviour {
  /** How long after a port-in submission the donor's answer is posted back. */
  answerDelayMs: number;
  /** Probability (0..1) that the donor rejects a port-in. */
  rejectRate: number;
  /** Probability (0..1) that one sending of an answer is lost. */
  lossRate: number;
}

export interface BbossBehaviour extends Behaviour {
  /** How long BBOSS takes to decide an order (about 30 minutes in real life). */
  answerDelayMs: number;
  /** Added to `answerDelayMs` when the tariff needs approval. */
  approvalExtraDelayMs: number;
  rejectRate: number;
  lossRate: number;
  /** Probability (0..1) that BBOSS refuses one member of a member change. */
  memberRejectRate: number;
}

export interface Behaviours {
  hlr: Behaviour;
  bank: Behaviour;
  sms: Behaviour;
  telephony: Behaviour;
  clearing: ClearingBehaviour;
  bboss: BbossBehaviour;
}

export interface SimulatedCharge {
  idempotencyKey: string;
  amountFen: number;
  account: string;
  bankRef: string;
}

export interface SimulatedRefund {
  idempotencyKey: string;
  chargeRef: string;
  amountFen: number;
}

export interface SimulatedSms {
  eventKey: string;
  msisdn: string;
  text: string;
  gatewayRef: string;
  /** ISO time the gateway accepted it. */
  at: string;
}

/** A port-in as the clearing system holds it. The authorization code itself is kept only as a digest. */
export interface SimulatedPortIn {
  clearingRef: string;
  msisdn: string;
  orderId: string;
  /** Hex SHA-256 of the authorization code the recipient quoted. */
  authorizationCodeSha256: string;
  answer: Extract<MnpCallback, { event: 'portInAnswered' }>;
  cancelled: boolean;
}

/** A port-out another operator asked for (the code it quoted is not kept). */
export interface SimulatedPortOutRequest {
  clearingRef: string;
  msisdn: string;
  recipientOperator: string;
}

/** Our answer to a port-out request, by its `requestId`. */
export interface SimulatedPortOutAnswer {
  requestId: string;
  clearingRef: string;
  accept: boolean;
  reasonCode?: string;
}

/** A group product order as BBOSS holds it. */
export interface SimulatedBbossOrder {
  bbossRef: string;
  submission: BbossOrderSubmission;
  /** ISO time BBOSS decides (before it, `queryOrder` says `processing`). */
  decidesAt: string;
  answer: BbossOrderAnswered;
  /** Whether the answer's callback reached the API. */
  delivered: boolean;
}

export interface AppliedMemberChange extends BbossMemberChange {
  groupCode: string;
  productCode: string;
}

/**
 * The simulators' own interface for steering and inspecting them — what a test, the demo routes of the API and
 * `scripts/place-call.ts` use, over HTTP. It is not what the workers use: they reach each system through its
 * adapter interface (`activities/adapters/*`), as they would reach the real one.
 */
export interface SimulatorsControl {
  /** The simulators process's base URL. */
  readonly url: string;
  behaviour<S extends SimulatedSystem>(system: S): Promise<Behaviours[S]>;
  setBehaviour<S extends SimulatedSystem>(system: S, patch: Partial<Behaviours[S]>): Promise<Behaviours[S]>;
  hlr: {
    /** The subscriber switched on under this number, or null. */
    subscriber(msisdn: string): Promise<HlrSubscriber | null>;
  };
  bank: {
    /** Opens (or replaces) an account the bank vouches for. */
    openAccount(accountNo: string, account: SimulatedBankAccount): Promise<void>;
    /** Charges to this account are declined from now on. */
    decline(accountNo: string): Promise<void>;
    charges(filter?: { account?: string }): Promise<SimulatedCharge[]>;
    refunds(filter?: { chargeRef?: string }): Promise<SimulatedRefund[]>;
  };
  sms: {
    /** What the phone received, oldest first. */
    inbox(msisdn: string): Promise<SimulatedSms[]>;
  };
  clearing: {
    portIns(filter?: { orderId?: string }): Promise<SimulatedPortIn[]>;
    /** The clearing refs of the port-ins withdrawn by their recipient. */
    cancellations(): Promise<string[]>;
    /**
     * Another operator asks us for one of our numbers: the clearing system posts a `portOutRequested`
     * callback at once; rejects (with the API's status in the message) when the API refuses it.
     */
    requestPortOut(req: {
      msisdn: string;
      authorizationCode: string;
      recipientOperator: string;
    }): Promise<{ clearingRef: string }>;
    portOutRequests(filter?: { msisdn?: string }): Promise<SimulatedPortOutRequest[]>;
    /** Our answers to port-out requests, oldest first. */
    portOutAnswers(): Promise<SimulatedPortOutAnswer[]>;
  };
  bboss: {
    /** Every member change BBOSS applied, in order. */
    appliedMemberChanges(filter?: { groupCode?: string }): Promise<AppliedMemberChange[]>;
    /** The group product orders BBOSS accepted, oldest first. */
    orders(): Promise<SimulatedBbossOrder[]>;
  };
  telephony: {
    /** A customer dials the hotline from `callerMsisdn` and is put through to `agent`. */
    placeCall(req: { callerMsisdn: string; agent: string }): Promise<{ callId: string }>;
    hangUp(callId: string): Promise<void>;
  };
}
