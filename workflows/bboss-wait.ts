import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  proxyActivities,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { BbossOrderStatus, BbossOrderSubmission } from '../activities/adapters/bboss';
import type { BbossOrderAnswered } from '../domain/bboss-callbacks';
import { waitText } from '../domain/bboss-overdue';
import type { SettingsOf } from '../domain/workflow-settings';
import type { GroupProductSummary } from './contracts/group-product';
import type { OrderRun } from './order-run';

/** The BBOSS leg of the order's summary, kept up to date while the order waits (REQ: GRP-4). */
export type BbossLeg = NonNullable<GroupProductSummary['bboss']> & { ref: string; waitingSince: string };

/** What waiting for BBOSS needs of the order. */
export interface BbossWait {
  /** BBOSS's answer by callback, once it came (the signal handler sets it). */
  answer: () => BbossOrderAnswered | null;
  run: Pick<OrderRun, 'act' | 'finish' | 'order'>;
  bboss: BbossLeg;
  /** The order as submitted: re-submitted unchanged when BBOSS does not know it. */
  submission: Omit<BbossOrderSubmission, 'requestId'>;
  summary: GroupProductSummary;
  settings: SettingsOf<'groupProduct'>;
}

/** Settings of orders started before they were given (REQ: GRP-4; the defaults of temporal.config.ts). */
const DEFAULT_MAX_ASK_INTERVAL_SECONDS = 21_600;
const DEFAULT_OVERDUE_HOURS = 4;
const DEFAULT_MAX_RESUBMITS = 3;

type News = Exclude<BbossOrderStatus, { state: 'processing' }>;

/**
 * REQ: GRP-4 — waits for BBOSS's answer as long as BBOSS is working on the order (the first answer counts,
 * by callback or by asking). After `bbossAnswerTimeoutSeconds` BBOSS is asked where the order stands; while
 * it is still processing it (or cannot be reached) it is asked again at twice the previous interval, at most
 * `bbossMaxAskIntervalSeconds` apart. After `bbossOverdueHours` staff are alerted once. A BBOSS that does not
 * know the order gets it again (same request, same BBOSS order), up to `bbossMaxResubmits` times; after that
 * the order fails `BbossOrderUnknown`.
 *
 * Why the history stays bounded however long BBOSS takes: the first ask is a step of its own (its outcome
 * goes into the timeline); every later ask is an attempt of one activity whose retry policy is the growing
 * interval, and Temporal writes no history for attempts — a wait of months costs the same few dozen events
 * as a wait of a day (measured in test/workflows/bboss-wait.time-skipping.test.ts).
 */
export async function keepWaitingForBboss(w: BbossWait): Promise<BbossOrderAnswered> {
  const { answer, run, bboss, settings } = w;
  const firstMs = settings.group.bbossAnswerTimeoutSeconds * 1_000;
  const capMs = (settings.group.bbossMaxAskIntervalSeconds ?? DEFAULT_MAX_ASK_INTERVAL_SECONDS) * 1_000;
  const maxResubmits = settings.group.bbossMaxResubmits ?? DEFAULT_MAX_RESUBMITS;
  const overdue = watchOverdue(w);
  const answered = () => answer() !== null;

  for (;;) {
    if (await overdue.until(answered, firstMs)) return answer() as BbossOrderAnswered;
    const status = await askBboss(run, bboss.ref);
    bboss.queries++;
    let news: News;
    if (status === null || status.state === 'processing') {
      const next = Math.min(2 * firstMs, capMs);
      await note(
        w,
        `${heardFrom(status)}; asking again in ${waitText(next).en}, then less often ` +
          `(at most every ${waitText(capMs).en})`,
      );
      const later = await askUntilNews(w, overdue, next, Math.min(2 * next, capMs), capMs);
      if (!later) return answer() as BbossOrderAnswered;
      bboss.queries += later.asks;
      news = later.status;
    } else {
      news = status;
    }
    // The callback's answer counts first; an answer heard by asking is the same decision.
    const got = answer();
    if (got) return got;
    if (news.state === 'answered') {
      await note(w, heardFrom(news));
      return news.answer;
    }
    const resubmits = bboss.resubmits ?? 0;
    if (resubmits >= maxResubmits) {
      throw ApplicationFailure.create({
        type: 'BbossOrderUnknown',
        message:
          `BBOSS still did not know order ${bboss.ref} after ${resubmits} re-submissions ` +
          `(waited ${waitText(Date.now() - Date.parse(bboss.waitingSince)).en})`,
        nonRetryable: true,
      });
    }
    // The same request again, retried until BBOSS takes it: past the point of no return there is no way back.
    bboss.ref = (await run.finish.submitGroupOrderToBboss(w.submission)).bbossRef;
    bboss.resubmits = resubmits + 1;
    await note(w, `${heardFrom(news)} (${bboss.resubmits} of ${maxResubmits})`);
  }
}

/** Where BBOSS says the order stands; null when BBOSS could not be asked (that ask counts as fruitless). */
export async function askBboss(run: Pick<OrderRun, 'act'>, bbossRef: string) {
  try {
    return await run.act.queryBbossOrder({ bbossRef });
  } catch (err) {
    if (err instanceof ActivityFailure) return null;
    throw err;
  }
}

/** What an ask heard, as the timeline tells it. */
export function heardFrom(status: BbossOrderStatus | null): string {
  if (status === null) return 'BBOSS could not be reached';
  switch (status.state) {
    case 'answered':
      return `BBOSS answered ${status.answer.outcome}`;
    case 'processing':
      return 'BBOSS is still processing it';
    case 'unknown':
      return 'BBOSS did not know the order; re-submitted';
  }
}

/** A timeline line about an ask: how long the order has waited, which ask it was, what it heard. */
async function note(w: BbossWait, heard: string): Promise<void> {
  const waited = waitText(Date.now() - Date.parse(w.bboss.waitingSince)).en;
  await w.run.order.move(
    'pending',
    'waitingForBboss',
    'system',
    `no answer after ${waited}; asked BBOSS (ask ${w.bboss.queries}): ${heard}`,
  );
}

/**
 * Waits `waitMs`, then asks BBOSS until it has news — each ask an attempt of `askBbossForNews`, the first
 * `firstRetryMs` after, then twice the previous interval up to `capMs`. Null when BBOSS's callback came first
 * (the asking is called off).
 */
async function askUntilNews(
  w: BbossWait,
  overdue: OverdueWatch,
  waitMs: number,
  firstRetryMs: number,
  capMs: number,
): Promise<{ asks: number; status: News } | null> {
  const answered = () => w.answer() !== null;
  if (await overdue.until(answered, waitMs)) return null;
  const asking = proxyActivities<Activities>({
    startToCloseTimeout: `${w.settings.stepTimeoutSeconds}s`,
    retry: { initialInterval: firstRetryMs, backoffCoefficient: 2, maximumInterval: capMs },
  });
  const scope = new CancellationScope();
  const asked = scope.run(() => asking.askBbossForNews({ bbossRef: w.bboss.ref }));
  let settled = false;
  const settle = () => {
    settled = true;
  };
  asked.then(settle, settle);
  await overdue.until(() => answered() || settled);
  if (answered()) {
    scope.cancel();
    // Called off: its rejection (cancelled) is expected.
    await asked.catch(() => undefined);
    return null;
  }
  return asked;
}

interface OverdueWatch {
  /**
   * Waits until `done` holds (true) or `timeoutMs` passes (false; no timeout: until `done`), alerting staff on
   * the way when the order becomes overdue.
   */
  until: (done: () => boolean, timeoutMs?: number) => Promise<boolean>;
}

/** REQ: GRP-4 — after `bbossOverdueHours` without BBOSS's answer staff are alerted, once per order. */
function watchOverdue(w: BbossWait): OverdueWatch {
  const { bboss, settings } = w;
  const since = Date.parse(bboss.waitingSince);
  const dueAt = since + (settings.group.bbossOverdueHours ?? DEFAULT_OVERDUE_HOURS) * 3_600_000;

  let raised = bboss.overdueAt !== undefined;
  async function alert(): Promise<void> {
    raised = true;
    const waited = waitText(Date.now() - since).en;
    const { id: orderId, origin } = w.run.order.state;
    const to = await w.run.finish.alertBbossOverdue({
      orderId,
      bbossRef: bboss.ref,
      waitingSince: bboss.waitingSince,
      action: w.summary.action,
      groupCode: w.summary.groupCode,
      productCode: w.summary.productCode,
      ...(w.summary.customerManagerId ? { customerManagerId: w.summary.customerManagerId } : {}),
      ...(w.summary.submitterId ? { submitterId: w.summary.submitterId } : {}),
      channelCode: origin.channelCode,
      outletCode: origin.outletCode ?? null,
    });
    const whom = to.outletCode ? `${to.recipientRole} at ${to.outletCode}` : to.recipientRole;
    bboss.overdueAt = new Date().toISOString();
    await w.run.order.move(
      'pending',
      'waitingForBboss',
      'system',
      `overdue: no answer from BBOSS after ${waited}; staff alerted (${whom})`,
    );
  }

  return {
    async until(done, timeoutMs) {
      const endAt = timeoutMs === undefined ? Infinity : Date.now() + timeoutMs;
      for (;;) {
        const until = Math.min(endAt, raised ? Infinity : dueAt);
        if (until === Infinity) {
          await condition(done);
          return true;
        }
        // A timer needs at least a millisecond; one already due fires at once.
        if (await condition(done, Math.max(until - Date.now(), 1))) return true;
        if (!raised && Date.now() >= dueAt) {
          await alert();
          continue;
        }
        return false;
      }
    },
  };
}
