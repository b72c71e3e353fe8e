import { and, asc, eq } from 'drizzle-orm';
import type {
  BbossAdapter,
  BbossMemberChange,
  BbossMemberResult,
  BbossOrderStatus,
  BbossOrderSubmission,
} from '../activities/adapters/bboss';
import type { BbossOrderAnswered } from '../domain/bboss-callbacks';
import { simulateCall, type SimContext } from './behaviour';
import type { AppliedMemberChange, SimulatedBbossOrder } from './control';
import type { Outbox } from './outbox';
import { bbossMemberChanges, bbossMemberResults, bbossOrders } from './schema';
import { nextRef, serially } from './serially';

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

/**
 * REQ: GRP-4, GRP-6…GRP-8 — simulated BBOSS. An order is decided once (rejected with `rejectRate`) and
 * answered after its delay from the outbox; the callback is lost with `lossRate`, but `queryOrder` after the
 * delay tells the decision. Member changes are answered at once and remembered per `requestId`.
 */
export class DbBboss implements BbossAdapter {
  constructor(
    private readonly ctx: SimContext,
    private readonly outbox: Outbox,
  ) {}

  async submitOrder(req: BbossOrderSubmission): Promise<{ bbossRef: string }> {
    const behaviour = await simulateCall(this.ctx, 'bboss', 'submitOrder');
    const delay = behaviour.answerDelayMs + (req.tariffNeedsApproval ? behaviour.approvalExtraDelayMs : 0);
    const dueAt = new Date(Date.now() + delay);
    const bbossRef = await serially(this.ctx.db, `bboss:${req.requestId}`, async (tx) => {
      const [known] = await tx.select().from(bbossOrders).where(eq(bbossOrders.requestId, req.requestId));
      if (known) return known.bbossRef;
      const ref = `BBOSS-${String(await nextRef(tx, 'bboss_refs')).padStart(8, '0')}`;
      const decidesAt = new Date(this.ctx.now().getTime() + delay);
      const rejected = this.ctx.random() < behaviour.rejectRate;
      const answer: BbossOrderAnswered = {
        event: 'orderAnswered',
        bbossRef: ref,
        orderId: req.orderId,
        outcome: rejected ? 'rejected' : 'completed',
        ...(rejected
          ? bbossRejections[Math.floor(this.ctx.random() * bbossRejections.length) % bbossRejections.length]!
          : {}),
        answeredAt: decidesAt.toISOString(),
      };
      await tx
        .insert(bbossOrders)
        .values({ bbossRef: ref, requestId: req.requestId, submission: req, decidesAt, answer });
      const lost = this.ctx.random() < behaviour.lossRate;
      await this.outbox.enqueue(tx, { target: 'bboss', body: answer, dueAt, lost, bbossRef: ref });
      return ref;
    });
    this.outbox.wake(dueAt);
    return { bbossRef };
  }

  async queryOrder(req: { bbossRef: string }): Promise<BbossOrderStatus> {
    await simulateCall(this.ctx, 'bboss', 'queryOrder');
    const [order] = await this.ctx.db
      .select()
      .from(bbossOrders)
      .where(eq(bbossOrders.bbossRef, req.bbossRef));
    if (!order) return { state: 'unknown', bbossRef: req.bbossRef };
    if (this.ctx.now().getTime() < order.decidesAt.getTime())
      return { state: 'processing', bbossRef: req.bbossRef };
    return { state: 'answered', answer: order.answer as BbossOrderAnswered };
  }

  async syncMembers(req: {
    requestId: string;
    groupCode: string;
    productCode: string;
    changes: BbossMemberChange[];
  }): Promise<{ results: BbossMemberResult[] }> {
    const behaviour = await simulateCall(this.ctx, 'bboss', 'syncMembers');
    return serially(this.ctx.db, `bboss:members:${req.requestId}`, async (tx) => {
      const results: BbossMemberResult[] = [];
      for (const change of req.changes) {
        const [earlier] = await tx
          .select()
          .from(bbossMemberResults)
          .where(
            and(
              eq(bbossMemberResults.requestId, req.requestId),
              eq(bbossMemberResults.msisdn, change.msisdn),
            ),
          );
        if (earlier) {
          results.push(earlier.result as BbossMemberResult);
          continue;
        }
        const refused = change.action === 'add' && this.ctx.random() < behaviour.memberRejectRate;
        const result: BbossMemberResult = refused
          ? { msisdn: change.msisdn, accepted: false, ...bbossMemberRejection }
          : { msisdn: change.msisdn, accepted: true };
        await tx
          .insert(bbossMemberResults)
          .values({ requestId: req.requestId, msisdn: change.msisdn, result });
        if (result.accepted)
          await tx
            .insert(bbossMemberChanges)
            .values({ groupCode: req.groupCode, productCode: req.productCode, change });
        results.push(result);
      }
      return { results };
    });
  }

  async orders(): Promise<SimulatedBbossOrder[]> {
    const rows = await this.ctx.db.select().from(bbossOrders).orderBy(asc(bbossOrders.seq));
    return rows.map((r) => ({
      bbossRef: r.bbossRef,
      submission: r.submission as BbossOrderSubmission,
      decidesAt: r.decidesAt.toISOString(),
      answer: r.answer as BbossOrderAnswered,
      delivered: r.delivered,
    }));
  }

  async appliedMemberChanges(filter: { groupCode?: string } = {}): Promise<AppliedMemberChange[]> {
    const rows = await this.ctx.db
      .select()
      .from(bbossMemberChanges)
      .where(filter.groupCode === undefined ? undefined : eq(bbossMemberChanges.groupCode, filter.groupCode))
      .orderBy(asc(bbossMemberChanges.seq));
    return rows.map((r) => ({
      ...(r.change as BbossMemberChange),
      groupCode: r.groupCode,
      productCode: r.productCode,
    }));
  }
}
