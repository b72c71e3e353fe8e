import { ApplicationFailure, condition, patched, setHandler } from '@temporalio/workflow';
import type { BbossOrderAnswered } from '../domain/bboss-callbacks';
import { waitText } from '../domain/bboss-overdue';
import { isTerminal } from '../domain/order-status';
import type { GroupSettings } from '../domain/workflow-settings';
import {
  decideApprovalUpdate,
  type ApprovalDecision,
  type GroupProductSummary,
} from './contracts/group-product';
import { askBboss, heardFrom, keepWaitingForBboss, type BbossWait } from './bboss-wait';
import type { OrderTracker } from './order-tracker';
import { CancelRequested, closedFailure } from './saga';

/**
 * The two durable waits of a group product order: an approver's decision on a tariff that needs one
 * (资费审核, REQ: GRP-3) and BBOSS's answer (REQ: GRP-4). Both are timers and a signal or update; BBOSS is
 * asked again by the retries of one activity, never by a polling loop of the workflow's own.
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
  settings: GroupSettings,
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
 * REQ: GRP-4 — waits for BBOSS's answer for as long as BBOSS works on the order (see `keepWaitingForBboss`).
 * An order that began this wait on the code that gave up after `bbossMaxQueries` asks (its history has no
 * `bboss-keeps-waiting` marker) goes on as it began, so that its history replays.
 */
export async function waitForBboss(w: BbossWait): Promise<BbossOrderAnswered> {
  if (patched('bboss-keeps-waiting')) return keepWaitingForBboss(w);
  return waitGivingUp(w);
}

/**
 * The wait of orders started before orders kept waiting for BBOSS (kept for them only): after each
 * `bbossAnswerTimeoutSeconds` without an answer BBOSS is asked where the order stands — answered → that
 * answer; still processing → wait again; unknown → re-submitted; after `bbossMaxQueries` fruitless asks the
 * order fails `BbossNoAnswer`. Remove with the patch once no such order is running.
 */
async function waitGivingUp({ answer, run, bboss, submission, settings }: BbossWait) {
  const maxQueries = settings.group.bbossMaxQueries ?? LEGACY_MAX_QUERIES;
  const since = Date.now();
  for (;;) {
    await condition(() => answer() !== null, settings.group.bbossAnswerTimeoutSeconds * 1_000);
    const got = answer();
    if (got) return got;
    if (bboss.queries >= maxQueries) {
      throw ApplicationFailure.create({
        type: 'BbossNoAnswer',
        message:
          `BBOSS did not answer order ${bboss.ref} within ${waitText(Date.now() - since).en}, ` +
          `asked again ${bboss.queries} times`,
        nonRetryable: true,
      });
    }
    bboss.queries++;
    const status = await askBboss(run, bboss.ref);
    if (status?.state === 'unknown') bboss.ref = (await run.act.submitGroupOrderToBboss(submission)).bbossRef;
    await run.order.move(
      'pending',
      'waitingForBboss',
      'system',
      `no answer after ${waitText(Date.now() - since).en}; asked BBOSS again ` +
        `(${bboss.queries} of ${maxQueries}): ${heardFrom(status)}`,
    );
    if (status?.state === 'answered') return status.answer;
  }
}

/** `BBOSS_MAX_QUERIES`' last default, for a run whose settings lack it. */
const LEGACY_MAX_QUERIES = 8;
