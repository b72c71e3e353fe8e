import { and, asc, eq, inArray } from 'drizzle-orm';
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
   * `memberRejectRate`) and the accepted ones applied. The request is recorded with a few statements whatever
   * its size (one read of the earlier answers, one insert of the new answers, one of the applied changes),
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
      const msisdns = [...new Set(req.changes.map((c) => c.msisdn))];
      const answered = new Map<string, BbossMemberResult>();
      for (const part of slices(msisdns)) {
        const earlier = await tx
          .select({ msisdn: bbossMemberResults.msisdn, result: bbossMemberResults.result })
          .from(bbossMemberResults)
          .where(
            and(eq(bbossMemberResults.requestId, req.requestId), inArray(bbossMemberResults.msisdn, part)),
          );
        for (const row of earlier) answered.set(row.msisdn, row.result as BbossMemberResult);
      }
      // Decided in the order of the request, so the dice fall as they did when each member was a statement.
      const decided: { msisdn: string; result: BbossMemberResult }[] = [];
      const applied: BbossMemberChange[] = [];
      const results = req.changes.map((change) => {
        const known = answered.get(change.msisdn);
        if (known) return known;
        const refused = change.action === 'add' && this.ctx.random() < behaviour.memberRejectRate;
        const result: BbossMemberResult = refused
          ? { msisdn: change.msisdn, accepted: false, ...bbossMemberRejection }
          : { msisdn: change.msisdn, accepted: true };
        answered.set(change.msisdn, result);
        decided.push({ msisdn: change.msisdn, result });
        if (result.accepted) applied.push(change);
        return result;
      });
      for (const part of slices(decided)) {
        await tx.insert(bbossMemberResults).values(part.map((d) => ({ requestId: req.requestId, ...d })));
      }
      for (const part of slices(applied)) {
        await tx
          .insert(bbossMemberChanges)
          .values(part.map((change) => ({ groupCode: req.groupCode, productCode: req.productCode, change })));
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

/** Members per statement: a request of any size stays well under PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 5_000;

function slices<T>(items: T[]): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT)
    parts.push(items.slice(i, i + ROWS_PER_STATEMENT));
  return parts;
}
