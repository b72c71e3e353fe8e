import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { DispatchChoice } from '../activities/work-order-dispatch';
import {
  applyCommand,
  awaitsDispatch,
  checkCommand,
  creationEvent,
  initialWorkOrder,
  isFinalWorkOrder,
  markBreach,
  noteEvent,
  systemActor,
  type AppliedStep,
  type StepRefusal,
} from '../domain/work-order-machine';
import type { WorkOrderCommand, WorkOrderState } from '../domain/work-orders';
import {
  workOrderCommandUpdate,
  workOrderStateQuery,
  type WorkOrderCommandRequest,
  type WorkOrderInput,
} from './contracts/work-order';
import { watchSla } from './work-order-sla';

/** Runs started before this patch write each step to the read model by a scheduled activity of its own. */
export const workOrderWritesLocallyPatch = 'work-order-writes-locally';

/**
 * Runs started before this patch may have two read-model writes in flight at once (the creation's and a step
 * sent with it), and start the SLA watch only once the creation is written. Local activities that end in
 * another order than they began are handed back in the order they began when a history is replayed, so such a
 * run could decide differently on replay (a timer before the step's answer) and stall: since this patch the
 * writes go one after another, and the SLA watch starts with the work order.
 */
export const workOrderWritesInTurnPatch = 'work-order-writes-in-turn';

/**
 * One work order (工单), REQ: WO-1…WO-6 — created → accepted → outlet assigned → dispatched (by rule, by a
 * dispatcher, re-dispatched, or grabbed) → appointment → in service → completed → closed; rejected or
 * cancelled on the way. Every step is the `workOrderCommand` update, checked and applied by the pure state
 * machine (domain/work-order-machine.ts) one at a time, then written to the read model. Between steps the
 * workflow only waits (no polling): for a chance to dispatch by rule, and — alongside — for the SLA targets.
 */
export async function workOrderWorkflow(input: WorkOrderInput): Promise<WorkOrderState> {
  // Asked once, before the first write, and kept: the whole run takes one path or the other.
  const writesLocally = patched(workOrderWritesLocallyPatch);
  const writesInTurn = writesLocally && patched(workOrderWritesInTurnPatch);
  const timeout = `${input.settings.stepTimeoutSeconds}s`;
  // The read model must follow every change: its writes retry without limit. There is no business activity
  // per step to carry the write, so it is a local activity: it runs in the workflow's own task, with no task
  // queue and no history events beyond its marker (runs started before the patch: a scheduled activity).
  const readModel = {
    startToCloseTimeout: timeout,
    retry: { initialInterval: '200ms', maximumInterval: '30s' },
  };
  const { recordWorkOrderEvent: writeNow } = writesLocally
    ? proxyLocalActivities<Activities>(readModel)
    : proxyActivities<Activities>(readModel);
  /** The last write asked for: the next one starts when it has ended (runs with `writesInTurn`). */
  let lastWrite: Promise<unknown> = Promise.resolve();
  const recordWorkOrderEvent = (step: AppliedStep): Promise<void> => {
    if (!writesInTurn) return writeNow(step);
    const write = lastWrite.then(() => writeNow(step));
    lastWrite = write.catch(() => undefined);
    return write;
  };
  // Choosing by rule and escalating may fail for good: the work order then waits for people.
  const { chooseAssignee, escalateBreach } = proxyActivities<Activities>({
    startToCloseTimeout: timeout,
    retry: { maximumAttempts: input.settings.stepMaxAttempts, initialInterval: '200ms' },
  });

  const created = creationEvent(initialWorkOrder(input, new Date()));
  let state = created.state;
  /** Raised when a step gives a chance to dispatch by rule: acceptance, an outlet (re-)assigned. */
  let dispatchChances = 0;
  let breachesInProgress = 0;
  /** A dispatcher's dispatch by rule is choosing (REQ: WO-4): a second one meanwhile is refused. */
  let choosingOnRequest = false;

  /** Takes a step the machine has checked: the state changes now, the read model follows. */
  const take = async (step: AppliedStep): Promise<WorkOrderState> => {
    state = step.state;
    await recordWorkOrderEvent(step);
    return step.state;
  };
  const note = (action: string, details: Record<string, unknown>) =>
    take(noteEvent(state, action, 'system', details, new Date()));

  // Asked before the handlers are set: a step that arrived with the first task is applied as its handler is
  // set, and its write follows the creation's.
  const createdWritten = writesInTurn ? recordWorkOrderEvent(created) : null;

  // Set before the first await: a step sent as soon as the work order exists must find its handler.
  setHandler(workOrderStateQuery, () => state);
  setHandler(
    workOrderCommandUpdate,
    async ({ command, actor, resolved }) => {
      // Checked again here: the state is the one this step is applied to, whatever ran since validation.
      const refusal = checkCommand(state, command, actor, new Date(), resolved);
      if (refusal) throw refused(refusal);
      if (command.action === 'dispatchByRule') return dispatchByRuleOnRequest(command, actor);
      // REQ: WO-4 — applied synchronously, before any await: of concurrent grabs exactly one finds no
      // assignee; every later one is refused AlreadyGrabbed.
      const step = applyCommand(state, command, actor, new Date(), resolved);
      if (command.action === 'accept' || command.action === 'assignOutlet') dispatchChances++;
      return take(step);
    },
    {
      validator: ({ command, actor, resolved }: WorkOrderCommandRequest) => {
        const refusal = checkCommand(state, command, actor, new Date(), resolved);
        if (refusal) throw refused(refusal);
      },
    },
  );

  /**
   * REQ: WO-4 — automatic dispatch (自动派工): the first matching rule's pick is dispatched as `system`; with
   * `breached` set (REQ: WO-6), re-dispatched to someone else. A choice made while the work order changed
   * (an outlet re-assigned, a grab) is dropped: the new situation gets its own chance.
   */
  const dispatchByRule = async (breached: { assigneeId: string; dueAt: string | null } | null) => {
    const before = dispatchSituation(state);
    let choice: DispatchChoice | null;
    try {
      choice = await chooseAssignee({
        workOrder: state,
        ...(breached ? { exclude: [breached.assigneeId] } : {}),
      });
    } catch (err) {
      if (!(err instanceof ActivityFailure)) throw err;
      await note('autoDispatchFailed', { message: err.cause?.message ?? err.message });
      return;
    }
    if (dispatchSituation(state) !== before) return;
    if (!choice) {
      await note('noDispatchRule', {
        message: breached
          ? 'no dispatch rule found anyone else (无其他可派服务人员)'
          : 'no dispatch rule matched (无匹配的派工规则)',
      });
      return;
    }
    const command: WorkOrderCommand = breached
      ? {
          action: 'redispatch',
          assigneeId: choice.assigneeId,
          reason: `response time breached (响应超时), due ${breached.dueAt ?? 'unknown'}`,
        }
      : { action: 'dispatch', assigneeId: choice.assigneeId };
    const rule = { ruleId: choice.ruleId, ruleName: choice.ruleName };
    const resolved = { assigneeOutlet: choice.outletCode };
    const refusal = checkCommand(state, command, systemActor, new Date(), resolved);
    if (refusal) {
      await note('autoDispatchRefused', { ...rule, assigneeId: choice.assigneeId, ...refusal });
      return;
    }
    const step = applyCommand(state, command, systemActor, new Date(), resolved);
    await take({ ...step, event: { ...step.event, details: { ...step.event.details, ...rule } } });
  };

  /**
   * REQ: WO-4 — a dispatcher asks to dispatch by rule now (按规则派工): the rules choose as for automatic
   * dispatch (the same activity, so a round robin takes its turn), and the choice is applied as a dispatch by
   * that dispatcher with the rule in the timeline. No one picked: 409 NoDispatchRuleMatched, nothing changed.
   * A work order that changed while the rules chose (a grab, an automatic dispatch) is not dispatched again.
   */
  const dispatchByRuleOnRequest = async (
    command: WorkOrderCommand,
    actor: WorkOrderCommandRequest['actor'],
  ): Promise<WorkOrderState> => {
    if (choosingOnRequest) {
      throw refused({
        code: 'IllegalWorkOrderStep',
        message: `dispatchByRule: work order ${state.id} is already being dispatched by rule; look again`,
      });
    }
    choosingOnRequest = true;
    try {
      const before = dispatchSituation(state);
      let choice: DispatchChoice | null;
      try {
        choice = await chooseAssignee({ workOrder: state });
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        throw ApplicationFailure.create({
          type: 'Unavailable',
          message: `dispatchByRule: the dispatch rules could not be applied (${err.cause?.message ?? err.message}); try again`,
          nonRetryable: true,
        });
      }
      if (dispatchSituation(state) !== before) {
        throw refused({
          code: 'IllegalWorkOrderStep',
          message:
            `dispatchByRule: work order ${state.id} changed while the rules were choosing ` +
            `(now ${state.status}${state.assigneeId ? `, held by ${state.assigneeId}` : ''}); look again`,
        });
      }
      const resolved = { ruleChoice: choice };
      const refusal = checkCommand(state, command, actor, new Date(), resolved);
      if (refusal) throw refused(refusal);
      return await take(applyCommand(state, command, actor, new Date(), resolved));
    } finally {
      choosingOnRequest = false;
    }
  };

  /** REQ: WO-6 — a missed target: marked, escalated, and (a response, when configured) dispatched by rule. */
  const onBreach = async (kind: 'response' | 'resolution') => {
    if (isFinalWorkOrder(state)) return;
    breachesInProgress++;
    try {
      await take(markBreach(state, kind, new Date()));
      try {
        await escalateBreach({ workOrder: state, kind });
      } catch (err) {
        if (!(err instanceof ActivityFailure)) throw err;
        await note('escalationFailed', { kind, message: err.cause?.message ?? err.message });
      }
      if (kind !== 'response' || !input.settings.workOrder.redispatchOnBreach) return;
      if (awaitsDispatch(state)) {
        await dispatchByRule(null);
      } else if (state.status === 'dispatched' && state.assigneeId) {
        await dispatchByRule({ assigneeId: state.assigneeId, dueAt: state.sla.responseDueAt });
      }
    } finally {
      breachesInProgress--;
    }
  };

  // Not `take`: a step that arrived with the first task may already have moved the state on.
  if (!writesInTurn) await recordWorkOrderEvent(created);
  const lifecycle = (async () => {
    let chancesTaken = 0;
    for (;;) {
      await condition(
        () => isFinalWorkOrder(state) || (dispatchChances > chancesTaken && awaitsDispatch(state)),
      );
      if (isFinalWorkOrder(state)) break;
      chancesTaken = dispatchChances;
      await dispatchByRule(null);
    }
    // The step that ended the work order answers its caller only once its handler has finished.
    await condition(() => allHandlersFinished() && breachesInProgress === 0);
    return state;
  })();
  const sla = watchSla({ state: () => state, settings: input.settings.workOrder, onBreach });
  // The SLA watch ends when its targets are settled; a failure in it must not go unnoticed.
  const ended = Promise.race([lifecycle, sla.then(() => lifecycle)]);
  if (!createdWritten) return ended;
  return Promise.all([ended, createdWritten]).then(([last]) => last);
}

/** The machine's refusal as the update's failure: the API answers with its code and message. */
function refused({ code, message }: StepRefusal): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message, nonRetryable: true });
}

/** What a dispatch choice depends on: a change here makes a choice in flight stale. */
const dispatchSituation = (s: WorkOrderState): string => `${s.status}|${s.outletCode}|${s.assigneeId}`;
