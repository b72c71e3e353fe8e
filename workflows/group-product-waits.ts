import { ActivityFailure, ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import type { BbossOrderAnswered } from '../domain/bboss-callbacks';
import { isTerminal } from '../domain/orders';
import {
  decideApprovalUpdate,
  type ApprovalDecision,
  type GroupProductSummary,
  type WorkflowSettings,
} from './contracts';
import type { OrderRun } from './order-run';
import type { OrderTracker } from './order-tracker';
import { CancelRequested, closedFailure } from './saga';

/**
 * The two durable waits of a group product order: an approver's decision on a tariff that needs one
 * (资费审核, REQ: GRP-3) and BBOSS's answer (REQ: GRP-4). Both are timers and a signal or update, never polling.
 */

/**
 * Sets the `decideApproval` update handler: accepted only while the order waits for approval; the decision
 * goes into the summary and the timeline (actor = the approver, reason = their comment). Returns a reader of
 * the decision (a function, since the handler sets it while the workflow awaits).
 */
export function listenForApproval(
  order: OrderTracker,
  summary: GroupProductSummary,
): () => ApprovalDecision | null {
  let decision: ApprovalDecision | null = null;
  setHandler(
    decideApprovalUpdate,
    async (d) => {
      decision = d;
      summary.approval = {
        required: true,
        decision: d.approve ? 'approved' : 'rejected',
        approverId: d.approverId,
        comment: d.comment,
        decidedAt: new Date().toISOString(),
      };
      await order.move(
        'inProgress',
        d.approve ? 'tariffApproved' : 'tariffRejected',
        d.approverId,
        d.comment,
      );
      return order.state;
    },
    {
      validator: (_d: ApprovalDecision) => {
        const { status, step } = order.state;
        if (isTerminal(status)) throw closedFailure(status, 'take an approval decision');
        if (status !== 'pending' || step !== 'awaitingApproval') {
          throw ApplicationFailure.create({
            type: 'NotAwaitingApproval',
            message: `The order is ${status}${step ? `/${step}` : ''}, not waiting for a tariff approval`,
            nonRetryable: true,
          });
        }
      },
    },
  );
  return () => decision;
}

/**
 * REQ: GRP-3 — waits for the approver (at most `approvalTimeoutHours`, then `ApprovalTimedOut`). A rejection
 * ends the order `ApprovalRejected` with the approver's comment; a cancel ends the wait (CancelRequested).
 */
export async function waitForApproval(
  decision: () => ApprovalDecision | null,
  cancelRequest: () => unknown,
  tariffCode: string,
  settings: WorkflowSettings['group'],
): Promise<void> {
  await condition(
    () => decision() !== null || cancelRequest() !== null,
    settings.approvalTimeoutHours * 3_600_000,
  );
  if (cancelRequest()) throw new CancelRequested();
  const decided = decision();
  if (!decided) {
    throw ApplicationFailure.create({
      type: 'ApprovalTimedOut',
      message: `No approver decided on tariff ${tariffCode} within ${settings.approvalTimeoutHours}h`,
      nonRetryable: true,
    });
  }
  if (!decided.approve) {
    throw ApplicationFailure.create({
      type: 'ApprovalRejected',
      message: `Approver ${decided.approverId} rejected tariff ${tariffCode}: ${decided.comment}`,
      nonRetryable: true,
    });
  }
}

/**
 * REQ: GRP-4 — waits for BBOSS's answer (the first one counts). After each `bbossAnswerTimeoutSeconds` without
 * it, BBOSS is asked where the order stands: answered → that answer; still processing → wait again; unknown
 * (the submission never arrived) → re-submitted (same request, same BBOSS order) and wait again. Every ask
 * writes how long the order has waited into the timeline; after `bbossMaxQueries` fruitless asks the order
 * fails `BbossNoAnswer`.
 */
export async function waitForBboss(
  answer: () => BbossOrderAnswered | null,
  run: Pick<OrderRun, 'act' | 'order'>,
  bboss: { ref: string; queries: number },
  resubmit: () => Promise<{ bbossRef: string }>,
  settings: WorkflowSettings['group'],
): Promise<BbossOrderAnswered> {
  const since = Date.now();
  for (;;) {
    await condition(() => answer() !== null, settings.bbossAnswerTimeoutSeconds * 1_000);
    const got = answer();
    if (got) return got;
    if (bboss.queries >= settings.bbossMaxQueries) {
      throw ApplicationFailure.create({
        type: 'BbossNoAnswer',
        message:
          `BBOSS did not answer order ${bboss.ref} within ${formatWait(Date.now() - since)}, ` +
          `asked again ${bboss.queries} times`,
        nonRetryable: true,
      });
    }
    bboss.queries++;
    const status = await askBboss(run, bboss.ref);
    // The same request again: BBOSS takes it as the same order (normally under the same reference).
    if (status?.state === 'unknown') bboss.ref = (await resubmit()).bbossRef;
    const heard =
      status === null
        ? 'BBOSS could not be reached'
        : status.state === 'answered'
          ? `BBOSS answered ${status.answer.outcome}`
          : status.state === 'processing'
            ? 'BBOSS is still processing it'
            : 'BBOSS did not know the order; re-submitted';
    await run.order.move(
      'pending',
      'waitingForBboss',
      'system',
      `no answer after ${formatWait(Date.now() - since)}; asked BBOSS again ` +
        `(${bboss.queries} of ${settings.bbossMaxQueries}): ${heard}`,
    );
    if (status?.state === 'answered') return status.answer;
  }
}

/** Where BBOSS says the order stands; null when BBOSS could not be asked (that ask counts as fruitless). */
async function askBboss(run: Pick<OrderRun, 'act'>, bbossRef: string) {
  try {
    return await run.act.queryBbossOrder({ bbossRef });
  } catch (err) {
    if (err instanceof ActivityFailure) return null;
    throw err;
  }
}

/** A wait as staff read it: `45s`, `12m 5s`, `3h 20m`. */
function formatWait(ms: number): string {
  const seconds = Math.round(ms / 1_000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ${seconds % 60}s`;
  return `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}
