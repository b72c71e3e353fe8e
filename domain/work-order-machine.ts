import type { ErrorCode } from './errors';
import { greenChannelCategories } from './green-channel';
import { slaDueDates, type SlaSettings } from './sla';
import { finalWorkOrderStatuses, workOrderStatusLabels } from './work-order-statuses';
import type {
  Commitment,
  GreenChannelType,
  WorkOrderActor,
  WorkOrderCategory,
  WorkOrderCommand,
  WorkOrderCustomer,
  WorkOrderEvent,
  WorkOrderPriority,
  WorkOrderState,
  WorkOrderStatus,
} from './work-orders';

/**
 * The work-order state machine (工单状态机), REQ: WO-1…WO-5: which step may be taken from which status, by
 * whom, and what it changes. Pure — the workflow imports it and runs every step through it, one at a time —
 * so the rules are tested without Temporal.
 *
 * Decisions where the source ("工单运营的五个步骤") is silent:
 * - Accepting (受理) keeps the status `accepted` even when the outlet is already known (a green channel's
 *   response team); dispatch and grab are allowed from `accepted` and `outletAssigned` alike.
 * - Re-assigning the outlet (重新分配网点, "如遇特殊情况") is allowed until service starts, needs a reason, and
 *   clears the assignee and the appointment: the new outlet's staff book their own time with the customer.
 * - An assignee belongs to the work order's outlet: dispatching (or grabbing) across outlets is refused; the
 *   outlet is re-assigned first. A work order without an outlet takes the assignee's outlet.
 * - Re-dispatch (重新派工) keeps the appointment: the customer was promised that time; the new assignee may
 *   change it, with a reason.
 * - The appointment (客户预约) is booked once and then changed with a reason, while dispatched: once service
 *   has started the appointment has been kept.
 * - The SLA counts the first dispatch of any kind as the response and completion as the resolution (also
 *   when the problem could not be resolved: the customer has had the answer).
 */

/** A step the machine refuses: a code of the error catalogue and a message naming the rule. */
export interface StepRefusal {
  code: ErrorCode;
  message: string;
}

/** Whom the dispatch rules picked for a `dispatchByRule` step, and by which rule (REQ: WO-4). */
export interface RuleChoice {
  assigneeId: string;
  outletCode: string;
  ruleId: string;
  ruleName: string;
}

/**
 * What was resolved for a step: the outlet of a dispatch's assignee (by the API); for `dispatchByRule`, the
 * rules' choice (by the workflow): absent while not chosen yet, null when no rule picked anyone.
 */
export interface ResolvedStep {
  assigneeOutlet?: string;
  ruleChoice?: RuleChoice | null;
}

/** A step applied: the work order after it and its timeline event. */
export interface AppliedStep {
  state: WorkOrderState;
  event: WorkOrderEvent;
}

/** What a new work order is made of (the workflow input, without Temporal types). */
export interface NewWorkOrder {
  id: string;
  source: WorkOrderState['source'];
  request:
    | {
        kind: 'standard';
        category: WorkOrderCategory;
        priority?: WorkOrderPriority;
        title: string;
        description: string;
        customer: WorkOrderCustomer;
        territory?: string;
        requiredSkill?: string;
      }
    | {
        kind: 'greenChannel';
        type: GreenChannelType;
        priority: WorkOrderPriority;
        title: string;
        description: string;
        customer: WorkOrderCustomer;
        commitments: Commitment[];
      };
  resolved: { vip: boolean; city: string | null; outletCode: string | null };
  createdBy: string;
  channelCode: string;
  settings: { workOrder: SlaSettings };
}

/** The actor of automatic steps (dispatch rules, SLA re-dispatch). */
export const systemActor: WorkOrderActor = { operatorId: 'system', roles: ['system'], outletCode: null };

/** The statuses each step may be taken from. */
export const stepAllowedFrom: Record<WorkOrderCommand['action'], readonly WorkOrderStatus[]> = {
  accept: ['created'],
  reject: ['created'],
  assignOutlet: ['accepted', 'outletAssigned', 'dispatched'],
  dispatch: ['accepted', 'outletAssigned'],
  redispatch: ['dispatched'],
  dispatchByRule: ['accepted', 'outletAssigned'],
  grab: ['accepted', 'outletAssigned'],
  bookAppointment: ['dispatched'],
  changeAppointment: ['dispatched'],
  start: ['dispatched'],
  complete: ['inService'],
  close: ['completed'],
  cancel: ['created', 'accepted', 'outletAssigned', 'dispatched', 'inService'],
};

/** Dispatchers (派工员) and the duty manager and above run the desk steps. */
const deskRoles = ['dispatcher', 'dutyManager', 'admin'] as const;

/** Who may take each step: any of `roles`, the assignee, and (cancel) the work order's creator. */
const stepActors: Record<
  WorkOrderCommand['action'],
  { roles?: readonly string[]; assignee?: true; creator?: true }
> = {
  accept: { roles: deskRoles },
  reject: { roles: deskRoles },
  assignOutlet: { roles: deskRoles },
  dispatch: { roles: [...deskRoles, 'system'] },
  redispatch: { roles: [...deskRoles, 'system'] },
  dispatchByRule: { roles: deskRoles },
  grab: { roles: ['serviceStaff'] },
  bookAppointment: { assignee: true },
  changeAppointment: { assignee: true },
  start: { assignee: true },
  complete: { assignee: true },
  close: { roles: deskRoles },
  cancel: { roles: deskRoles, creator: true },
};

/** REQ: WO-1 — a new work order, status `created`, with its SLA targets (WO-6); no timeline event yet. */
export function initialWorkOrder(input: NewWorkOrder, now: Date): WorkOrderState {
  const r = input.request;
  const priority = r.priority ?? 'P3';
  const due = slaDueDates(priority, now, input.settings.workOrder);
  return {
    id: input.id,
    kind: r.kind,
    source: input.source,
    category: r.kind === 'standard' ? r.category : greenChannelCategories[r.type],
    greenChannelType: r.kind === 'greenChannel' ? r.type : null,
    priority,
    status: 'created',
    title: r.title,
    description: r.description,
    customer: r.customer,
    vip: input.resolved.vip,
    city: input.resolved.city,
    territory: (r.kind === 'standard' ? r.territory : undefined) ?? null,
    requiredSkill: (r.kind === 'standard' ? r.requiredSkill : undefined) ?? null,
    outletCode: input.resolved.outletCode,
    assigneeId: null,
    appointment: null,
    result: null,
    commitments: r.kind === 'greenChannel' ? r.commitments : [],
    createdBy: input.createdBy,
    channelCode: input.channelCode,
    createdAt: now.toISOString(),
    sla: {
      responseDueAt: due.responseDueAt,
      resolutionDueAt: due.resolutionDueAt,
      respondedAt: null,
      resolvedAt: null,
      responseBreached: false,
      resolutionBreached: false,
    },
    events: 0,
  };
}

/** The first timeline event: who created the work order, where, and what kind. */
export function creationEvent(state: WorkOrderState): AppliedStep {
  return appendEvent(state, state, {
    at: state.createdAt,
    actor: state.createdBy,
    action: 'create',
    fromStatus: null,
    details: {
      source: state.source,
      channelCode: state.channelCode,
      category: state.category,
      priority: state.priority,
      ...(state.greenChannelType ? { greenChannelType: state.greenChannelType } : {}),
      ...(state.outletCode ? { outletCode: state.outletCode } : {}),
    },
  });
}

/**
 * REQ: WO-2…WO-5 — why `actor` may not take `command` now, or null when they may. Checked in this order:
 * the actor's role, the status, the assignee, then the step's own rules.
 */
export function checkCommand(
  state: WorkOrderState,
  command: WorkOrderCommand,
  actor: WorkOrderActor,
  now: Date,
  resolved: ResolvedStep = {},
): StepRefusal | null {
  return (
    refuseActor(state, command, actor) ??
    refuseStatus(state, command) ??
    refuseNonAssignee(state, command, actor) ??
    refuseByStepRules(state, command, actor, now, resolved)
  );
}

/** REQ: WO-2…WO-5 — takes a step `checkCommand` allowed; throws when it is not allowed (a bug upstream). */
export function applyCommand(
  state: WorkOrderState,
  command: WorkOrderCommand,
  actor: WorkOrderActor,
  now: Date,
  resolved: ResolvedStep = {},
): AppliedStep {
  const refusal = checkCommand(state, command, actor, now, resolved);
  if (refusal) throw new Error(`${refusal.code}: ${refusal.message}`);
  const at = now.toISOString();
  const step = (next: Partial<WorkOrderState>, details: Record<string, unknown> = {}) =>
    appendEvent(
      state,
      { ...state, ...next },
      { at, actor: actor.operatorId, action: command.action, details },
    );

  switch (command.action) {
    case 'accept':
      return step({ status: 'accepted' });
    case 'reject':
      return step({ status: 'rejected' }, { reason: command.reason });
    case 'assignOutlet':
      return step(
        { status: 'outletAssigned', outletCode: command.outletCode, assigneeId: null, appointment: null },
        {
          outletCode: command.outletCode,
          previousOutlet: state.outletCode,
          ...(command.reason ? { reason: command.reason } : {}),
          ...(state.assigneeId ? { previousAssignee: state.assigneeId } : {}),
          ...(state.appointment ? { appointmentCleared: state.appointment.at } : {}),
        },
      );
    case 'dispatch':
    case 'grab': {
      const assigneeId = command.action === 'grab' ? actor.operatorId : command.assigneeId;
      // A work order without an outlet goes with its assignee to theirs.
      const outlet =
        state.outletCode ??
        (command.action === 'grab' ? actor.outletCode : (resolved.assigneeOutlet ?? null));
      return step(
        {
          status: 'dispatched',
          assigneeId,
          outletCode: outlet,
          sla: { ...state.sla, respondedAt: state.sla.respondedAt ?? at },
        },
        { assigneeId, previousAssignee: null, outletCode: outlet },
      );
    }
    case 'dispatchByRule': {
      // REQ: WO-4 — a dispatch, by the asking dispatcher, of whom the rules chose (checked: a choice is there).
      const choice = resolved.ruleChoice;
      if (!choice) throw new Error("dispatchByRule: applied without the rules' choice");
      const outlet = state.outletCode ?? choice.outletCode;
      return appendEvent(
        state,
        {
          ...state,
          status: 'dispatched',
          assigneeId: choice.assigneeId,
          outletCode: outlet,
          sla: { ...state.sla, respondedAt: state.sla.respondedAt ?? at },
        },
        {
          at,
          actor: actor.operatorId,
          action: 'dispatch',
          details: {
            assigneeId: choice.assigneeId,
            previousAssignee: null,
            outletCode: outlet,
            ruleId: choice.ruleId,
            ruleName: choice.ruleName,
            byRule: true,
          },
        },
      );
    }
    case 'redispatch':
      return step(
        { assigneeId: command.assigneeId },
        { assigneeId: command.assigneeId, previousAssignee: state.assigneeId, reason: command.reason },
      );
    case 'bookAppointment': {
      const appointment = { at: iso(command.at), note: command.note ?? null, bookedBy: actor.operatorId };
      return step(
        { appointment },
        { from: null, to: appointment.at, ...(command.note ? { note: command.note } : {}) },
      );
    }
    case 'changeAppointment': {
      const note = state.appointment?.note ?? null;
      const appointment = { at: iso(command.at), note, bookedBy: actor.operatorId };
      return step(
        { appointment },
        { from: state.appointment?.at ?? null, to: appointment.at, reason: command.reason },
      );
    }
    case 'start':
      return step({ status: 'inService' });
    case 'complete':
      return step(
        {
          status: 'completed',
          result: { summary: command.summary, resolved: command.resolved },
          sla: { ...state.sla, resolvedAt: at },
        },
        { summary: command.summary, resolved: command.resolved },
      );
    case 'close':
      return step({ status: 'closed' });
    case 'cancel':
      return step({ status: 'cancelled' }, { reason: command.reason });
  }
}

/**
 * A timeline line that is not a step (e.g. "no dispatch rule matched"): the status stays, the work order
 * counts the event.
 */
export function noteEvent(
  state: WorkOrderState,
  action: string,
  actor: string,
  details: Record<string, unknown>,
  now: Date,
): AppliedStep {
  return appendEvent(state, state, { at: now.toISOString(), actor, action, details });
}

/** REQ: WO-6 — marks a missed target on the work order, with its timeline line `slaBreached`. */
export function markBreach(state: WorkOrderState, kind: 'response' | 'resolution', now: Date): AppliedStep {
  const sla =
    kind === 'response'
      ? { ...state.sla, responseBreached: true }
      : { ...state.sla, resolutionBreached: true };
  const dueAt = kind === 'response' ? state.sla.responseDueAt : state.sla.resolutionDueAt;
  return appendEvent(
    state,
    { ...state, sla },
    {
      at: now.toISOString(),
      actor: 'system',
      action: 'slaBreached',
      details: { kind, dueAt },
    },
  );
}

/** Rejected, closed or cancelled: no step any more. */
export const isFinalWorkOrder = (state: Pick<WorkOrderState, 'status'>): boolean =>
  finalWorkOrderStatuses.includes(state.status);

/** Waiting for someone to do the work: accepted or at an outlet, nobody assigned (REQ: WO-4). */
export const awaitsDispatch = (state: WorkOrderState): boolean =>
  (state.status === 'accepted' || state.status === 'outletAssigned') && state.assigneeId === null;

/** The next event of `before`, written onto `after` (which counts it). */
function appendEvent(
  before: WorkOrderState,
  after: WorkOrderState,
  e: { at: string; actor: string; action: string; details: Record<string, unknown>; fromStatus?: null },
): AppliedStep {
  const event: WorkOrderEvent = {
    seq: before.events,
    at: e.at,
    actor: e.actor,
    action: e.action,
    fromStatus: e.fromStatus === null ? null : before.status,
    toStatus: after.status,
    details: e.details,
  };
  return { state: { ...after, events: before.events + 1 }, event };
}

const iso = (at: string): string => new Date(at).toISOString();

const label = (status: WorkOrderStatus): string => `${status} (${workOrderStatusLabels[status].zh})`;

function refuseActor(
  state: WorkOrderState,
  command: WorkOrderCommand,
  actor: WorkOrderActor,
): StepRefusal | null {
  const who = stepActors[command.action];
  if (!who.roles) return null;
  if (actor.roles.some((r) => who.roles?.includes(r))) return null;
  if (who.creator && actor.operatorId === state.createdBy) return null;
  return {
    code: 'RoleNotAllowed',
    message:
      `${command.action}: needs one of the roles ${who.roles.join(', ')}` +
      (who.creator ? ` or being the work order's creator (${state.createdBy})` : '') +
      `; ${actor.operatorId} has ${actor.roles.join(', ') || 'no role'}`,
  };
}

function refuseStatus(state: WorkOrderState, command: WorkOrderCommand): StepRefusal | null {
  const allowed = stepAllowedFrom[command.action];
  if (allowed.includes(state.status)) return null;
  // REQ: WO-4 — the first grab wins; every later grabber is told who has it.
  if (command.action === 'grab' && (state.status === 'dispatched' || state.status === 'inService')) {
    return {
      code: 'AlreadyGrabbed',
      message: `grab: work order ${state.id} is already taken by ${state.assigneeId ?? '?'} (${label(state.status)})`,
    };
  }
  return {
    code: 'IllegalWorkOrderStep',
    message:
      `${command.action}: work order ${state.id} is ${label(state.status)}; ` +
      `${command.action} is allowed only when it is ${allowed.join(' or ')}`,
  };
}

function refuseNonAssignee(
  state: WorkOrderState,
  command: WorkOrderCommand,
  actor: WorkOrderActor,
): StepRefusal | null {
  if (!stepActors[command.action].assignee || actor.operatorId === state.assigneeId) return null;
  return {
    code: 'NotAssignee',
    message: `${command.action}: only the assignee ${state.assigneeId ?? '(none)'} may do this; ${actor.operatorId} is not`,
  };
}

function refuseByStepRules(
  state: WorkOrderState,
  command: WorkOrderCommand,
  actor: WorkOrderActor,
  now: Date,
  resolved: ResolvedStep,
): StepRefusal | null {
  switch (command.action) {
    case 'reject':
    case 'cancel':
      return requireText(command.action, 'reason', command.reason);
    case 'assignOutlet':
      if (command.outletCode === state.outletCode) {
        return {
          code: 'IllegalWorkOrderStep',
          message: `assignOutlet: work order ${state.id} is already at outlet ${command.outletCode}`,
        };
      }
      return state.outletCode
        ? requireText('assignOutlet', 'reason', command.reason, `re-assigning from ${state.outletCode}`)
        : null;
    case 'dispatch':
      return refuseOtherOutlet(state, command.assigneeId, resolved.assigneeOutlet);
    case 'dispatchByRule':
      return refuseDispatchByRule(state, resolved.ruleChoice);
    case 'redispatch':
      if (command.assigneeId === state.assigneeId) {
        return {
          code: 'ValidationFailed',
          message: `assigneeId: ${command.assigneeId} already holds work order ${state.id}; re-dispatch to someone else`,
        };
      }
      return (
        requireText('redispatch', 'reason', command.reason) ??
        refuseOtherOutlet(state, command.assigneeId, resolved.assigneeOutlet)
      );
    case 'grab':
      if (!actor.outletCode) {
        return {
          code: 'StaffNotFound',
          message: `grab: ${actor.operatorId} has no active service staff profile (outlet)`,
        };
      }
      return refuseOtherOutlet(state, actor.operatorId, actor.outletCode);
    case 'bookAppointment':
      if (state.appointment) {
        return {
          code: 'IllegalWorkOrderStep',
          message: `bookAppointment: an appointment is already booked for ${state.appointment.at}; change it with changeAppointment and a reason`,
        };
      }
      return refusePast(command.at, now);
    case 'changeAppointment':
      if (!state.appointment) {
        return {
          code: 'IllegalWorkOrderStep',
          message: 'changeAppointment: no appointment is booked yet; book one with bookAppointment',
        };
      }
      if (Date.parse(command.at) === Date.parse(state.appointment.at)) {
        return { code: 'ValidationFailed', message: `at: ${command.at} is already the appointment time` };
      }
      return requireText('changeAppointment', 'reason', command.reason) ?? refusePast(command.at, now);
    case 'accept':
    case 'start':
    case 'complete':
    case 'close':
      return null;
  }
}

/**
 * REQ: WO-4 — dispatch by rule needs a work order nobody holds; once the rules have chosen (`choice` not
 * undefined), someone picked (409 NoDispatchRuleMatched naming what the rules looked at) of its outlet.
 */
function refuseDispatchByRule(
  state: WorkOrderState,
  choice: RuleChoice | null | undefined,
): StepRefusal | null {
  if (state.assigneeId) {
    return {
      code: 'IllegalWorkOrderStep',
      message: `dispatchByRule: work order ${state.id} is already held by ${state.assigneeId}; re-dispatch it instead`,
    };
  }
  if (choice === undefined) return null;
  if (choice === null) {
    const looked = [
      `outlet ${state.outletCode ?? 'none'}`,
      `territory ${state.territory ?? 'none'}`,
      `skill ${state.requiredSkill ?? 'none'}`,
      `category ${state.category}`,
      `priority ${state.priority}`,
    ].join(', ');
    return {
      code: 'NoDispatchRuleMatched',
      message:
        `dispatchByRule: no enabled dispatch rule matches work order ${state.id} (${looked}) with an ` +
        'available service staff member; dispatch it by hand or leave it to a grab — the dispatch preview ' +
        'shows each rule and why',
    };
  }
  return refuseOtherOutlet(state, choice.assigneeId, choice.outletCode);
}

/** An assignee works at the work order's outlet (REQ: WO-3, WO-4). */
function refuseOtherOutlet(
  state: WorkOrderState,
  assigneeId: string,
  assigneeOutlet: string | undefined,
): StepRefusal | null {
  if (!state.outletCode || !assigneeOutlet || assigneeOutlet === state.outletCode) return null;
  return {
    code: 'StaffNotFound',
    message:
      `assigneeId: ${assigneeId} works at outlet ${assigneeOutlet}, not at the work order's outlet ` +
      `${state.outletCode}; re-assign the outlet first`,
  };
}

function refusePast(at: string, now: Date): StepRefusal | null {
  if (Date.parse(at) > now.getTime()) return null;
  return {
    code: 'AppointmentInPast',
    message: `at: ${at} is not after now (${now.toISOString()}); an appointment must be in the future`,
  };
}

function requireText(
  action: string,
  field: string,
  value: string | undefined,
  when?: string,
): StepRefusal | null {
  if (value && value.trim().length > 0) return null;
  return {
    code: 'ValidationFailed',
    message: `${field}: is required${when ? ` when ${when}` : ''} (${action})`,
  };
}
