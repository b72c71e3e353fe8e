import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { ClearingSystemAdapter } from '../activities/adapters/clearing';
import type { PortInAnswered, PortOutRequested } from '../domain/mnp-callbacks';
import { simulateCall, type SimContext } from './behaviour';
import type { SimulatedPortIn, SimulatedPortOutAnswer, SimulatedPortOutRequest } from './control';
import type { Outbox } from './outbox';
import {
  clearingCancellations,
  clearingPortIns,
  clearingPortOutAnswers,
  clearingPortOutRequests,
} from './schema';
import { nextRef, serially } from './serially';

/** Reasons a donor operator gives when it refuses a port-in. */
export const donorRejections = [
  { reasonCode: 'AuthorizationCodeInvalid', reason: '携号转网授权码无效或已过期' },
  { reasonCode: 'IdentityMismatch', reason: '证件与机主资料不符' },
  { reasonCode: 'ContractTermActive', reason: '号码仍在合约期内，合约到期前不能携号转网' },
  { reasonCode: 'SuspendedForArrears', reason: '号码处于欠费停机状态，请先缴清欠费' },
] as const;

/** The donor's accepted port-in switches over this long after the answer (the next night, roughly). */
const SWITCH_OVER_AFTER_MS = 24 * 60 * 60 * 1000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * REQ: MNP-5 — the simulated clearing system. The donor decides once per port-in (reject with `rejectRate`);
 * the answer is posted after `answerDelayMs` from the outbox, and each sending is lost with `lossRate`, so a
 * workflow that re-submits (same `requestId`: the same port-in, the answer sent again) recovers it.
 */
export class DbClearing implements ClearingSystemAdapter {
  constructor(
    private readonly ctx: SimContext,
    private readonly outbox: Outbox,
  ) {}

  async submitPortIn(req: {
    requestId: string;
    msisdn: string;
    authorizationCode: string;
    recipientOrderId: string;
  }): Promise<{ clearingRef: string }> {
    const behaviour = await simulateCall(this.ctx, 'clearing', 'submitPortIn');
    const dueAt = new Date(Date.now() + behaviour.answerDelayMs);
    const clearingRef = await serially(this.ctx.db, `clearing:${req.requestId}`, async (tx) => {
      const [known] = await tx
        .select()
        .from(clearingPortIns)
        .where(eq(clearingPortIns.requestId, req.requestId));
      const lost = () => this.ctx.random() < behaviour.lossRate;
      if (known) {
        if (!known.cancelled)
          await this.outbox.enqueue(tx, {
            target: 'mnp',
            body: known.answer as PortInAnswered,
            dueAt,
            lost: lost(),
            clearingRef: known.clearingRef,
          });
        return known.clearingRef;
      }
      const ref = `CLR-IN-${await nextRef(tx, 'clearing_refs')}`;
      const answer = this.decide(ref, req.recipientOrderId, behaviour.rejectRate);
      await tx.insert(clearingPortIns).values({
        clearingRef: ref,
        requestId: req.requestId,
        msisdn: req.msisdn,
        orderId: req.recipientOrderId,
        authorizationCodeSha256: sha256(req.authorizationCode),
        answer,
      });
      await this.outbox.enqueue(tx, { target: 'mnp', body: answer, dueAt, lost: lost(), clearingRef: ref });
      return ref;
    });
    this.outbox.wake(dueAt);
    return { clearingRef };
  }

  async answerPortOut(req: {
    requestId: string;
    clearingRef: string;
    accept: boolean;
    reasonCode?: string;
  }): Promise<void> {
    await simulateCall(this.ctx, 'clearing', 'answerPortOut');
    await this.ctx.db
      .insert(clearingPortOutAnswers)
      .values({
        requestId: req.requestId,
        clearingRef: req.clearingRef,
        accept: req.accept,
        reasonCode: req.reasonCode ?? null,
      })
      .onConflictDoNothing();
  }

  async cancelPortIn(req: { requestId: string; clearingRef: string }): Promise<void> {
    await simulateCall(this.ctx, 'clearing', 'cancelPortIn');
    await serially(this.ctx.db, `clearing:cancel:${req.requestId}`, async (tx) => {
      const inserted = await tx.insert(clearingCancellations).values(req).onConflictDoNothing().returning();
      if (inserted.length === 0) return;
      await tx
        .update(clearingPortIns)
        .set({ cancelled: true })
        .where(eq(clearingPortIns.clearingRef, req.clearingRef));
    });
  }

  /**
   * Another operator asks us, through the clearing system, for one of our numbers: posts a
   * `portOutRequested` callback at once (never lost) and returns its `clearingRef`; throws when the API
   * refused it (e.g. 404 when no port-out order waits for it).
   */
  async requestPortOut(req: {
    msisdn: string;
    authorizationCode: string;
    recipientOperator: string;
  }): Promise<{ clearingRef: string }> {
    const clearingRef = `CLR-OUT-${await nextRef(this.ctx.db, 'clearing_refs')}`;
    await this.ctx.db.insert(clearingPortOutRequests).values({
      clearingRef,
      msisdn: req.msisdn,
      recipientOperator: req.recipientOperator,
    });
    const callback: PortOutRequested = { event: 'portOutRequested', clearingRef, ...req };
    await this.outbox.sendNow('mnp', callback);
    return { clearingRef };
  }

  async portIns(filter: { orderId?: string } = {}): Promise<SimulatedPortIn[]> {
    const rows = await this.ctx.db
      .select()
      .from(clearingPortIns)
      .where(filter.orderId === undefined ? undefined : eq(clearingPortIns.orderId, filter.orderId))
      .orderBy(asc(clearingPortIns.seq));
    return rows.map((r) => ({
      clearingRef: r.clearingRef,
      msisdn: r.msisdn,
      orderId: r.orderId,
      authorizationCodeSha256: r.authorizationCodeSha256,
      answer: r.answer as PortInAnswered,
      cancelled: r.cancelled,
    }));
  }

  async cancellations(): Promise<string[]> {
    const rows = await this.ctx.db
      .select()
      .from(clearingCancellations)
      .orderBy(asc(clearingCancellations.seq));
    return rows.map((r) => r.clearingRef);
  }

  async portOutRequests(filter: { msisdn?: string } = {}): Promise<SimulatedPortOutRequest[]> {
    const rows = await this.ctx.db
      .select()
      .from(clearingPortOutRequests)
      .where(filter.msisdn === undefined ? undefined : eq(clearingPortOutRequests.msisdn, filter.msisdn))
      .orderBy(asc(clearingPortOutRequests.seq));
    return rows.map(({ clearingRef, msisdn, recipientOperator }) => ({
      clearingRef,
      msisdn,
      recipientOperator,
    }));
  }

  async portOutAnswers(): Promise<SimulatedPortOutAnswer[]> {
    const rows = await this.ctx.db
      .select()
      .from(clearingPortOutAnswers)
      .orderBy(asc(clearingPortOutAnswers.seq));
    return rows.map((r) => ({
      requestId: r.requestId,
      clearingRef: r.clearingRef,
      accept: r.accept,
      ...(r.reasonCode === null ? {} : { reasonCode: r.reasonCode }),
    }));
  }

  private decide(clearingRef: string, orderId: string, rejectRate: number): PortInAnswered {
    if (this.ctx.random() < rejectRate) {
      const i = Math.floor(this.ctx.random() * donorRejections.length) % donorRejections.length;
      return { event: 'portInAnswered', clearingRef, orderId, accepted: false, ...donorRejections[i]! };
    }
    return {
      event: 'portInAnswered',
      clearingRef,
      orderId,
      accepted: true,
      switchOverAt: new Date(this.ctx.now().getTime() + SWITCH_OVER_AFTER_MS).toISOString(),
    };
  }
}
