import { asc, eq, sql } from 'drizzle-orm';
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

  /**
   * Answers every change of the request, member by member, as BBOSS does: a member answered before under this
   * `requestId` gets the same answer again, the others are decided now (an `add` refused with
   * `memberRejectRate`) and the accepted ones applied. The request is recorded with three statements whatever
   * its size (one read of its earlier answers, one insert of the new answers, one of the applied changes),
   * not three per member: a batch's chunk of hundreds of members is one request.
   */
  async syncMembers(req: {
    requestId: string;
    groupCode: string;
    productCode: string;
    changes: BbossMemberChange[];
  }): Promise<{ results: BbossMemberResult[] }> {
    const behaviour = await simulateCall(this.ctx, 'bboss', 'syncMembers');
    return serially(this.ctx.db, `bboss:members:${req.requestId}`, async (tx) => {
      const earlier = await tx
        .select({ msisdn: bbossMemberResults.msisdn, result: bbossMemberResults.result })
        .from(bbossMemberResults)
        .where(eq(bbossMemberResults.requestId, req.requestId));
      const answered = new Map(earlier.map((r) => [r.msisdn, r.result as BbossMemberResult]));
      // Decided in the order of the request, so the dice fall as they did when each member was a statement.
      const decided: BbossMemberResult[] = [];
      const applied: BbossMemberChange[] = [];
      const results = req.changes.map((change) => {
        const known = answered.get(change.msisdn);
        if (known) return known;
        const refused = change.action === 'add' && this.ctx.random() < behaviour.memberRejectRate;
        const result: BbossMemberResult = refused
          ? { msisdn: change.msisdn, accepted: false, ...bbossMemberRejection }
          : { msisdn: change.msisdn, accepted: true };
        answered.set(change.msisdn, result);
        decided.push(result);
        if (result.accepted) applied.push(change);
        return result;
      });
      // Each list goes as one JSON parameter: a statement of hundreds of rows costs no more to build than one.
      if (decided.length > 0) {
        await tx.execute(sql`
          insert into ${bbossMemberResults} (request_id, msisdn, result)
          select ${req.requestId}, d.value ->> 'msisdn', d.value
            from jsonb_array_elements(${JSON.stringify(decided)}::jsonb) as d(value)`);
      }
      if (applied.length > 0) {
        // In the order of the request: `seq` is the order BBOSS applied them in.
        await tx.execute(sql`
          insert into ${bbossMemberChanges} (group_code, product_code, change)
          select ${req.groupCode}, ${req.productCode}, c.value
            from jsonb_array_elements(${JSON.stringify(applied)}::jsonb) with ordinality as c(value, n)
           order by c.n`);
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
