import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../domain/errors';
import type { SlaSettings } from '../../domain/sla';
import {
  applyCommand,
  checkCommand,
  creationEvent,
  initialWorkOrder,
  markBreach,
  noteEvent,
  systemActor,
  type NewWorkOrder,
  type ResolvedStep,
  type StepRefusal,
} from '../../domain/work-order-machine';
import {
  workOrderStatuses,
  type WorkOrderActor,
  type WorkOrderCommand,
  type WorkOrderState,
  type WorkOrderStatus,
} from '../../domain/work-orders';

const NOW = new Date('2026-03-02T02:00:00.000Z');
const LATER = '2026-03-03T02:00:00.000Z';
const LATER_STILL = '2026-03-04T06:30:00.000Z';

const slaSettings: SlaSettings = {
  sla: {
    P1: { responseMinutes: 30, resolutionMinutes: 240 },
    P2: { responseMinutes: 60, resolutionMinutes: 480 },
    P3: { responseMinutes: 120, resolutionMinutes: 1440 },
    P4: { responseMinutes: 240, resolutionMinutes: 2880 },
  },
  clock: 'continuous',
  calendar: { utcOffsetHours: 8, holidays: [] },
  workingHours: { fromHour: 9, toHour: 18 },
};

const newWorkOrder: NewWorkOrder = {
  id: 'WorkOrder:unit-0001',
  source: 'staff',
  request: {
    kind: 'standard',
    category: 'broadbandRepair',
    priority: 'P2',
    title: '宽带无法上网 Broadband down',
    description: 'No signal since this morning',
    customer: { name: '张三', msisdn: '13800100001', address: '西城区西单北大街 1 号' },
    territory: 'Xicheng',
  },
  resolved: { vip: false, city: 'Beijing', outletCode: null },
  createdBy: 'store01',
  channelCode: 'STORE-BJ-001',
  settings: { workOrder: slaSettings },
};

const created = creationEvent(initialWorkOrder(newWorkOrder, NOW)).state;

const dispatcher: WorkOrderActor = { operatorId: 'dispatch01', roles: ['dispatcher'], outletCode: null };
const frontline: WorkOrderActor = { operatorId: 'store01', roles: ['frontline'], outletCode: null };
const staff = (operatorId: string, outletCode: string | null = 'OUT-BJ-XD'): WorkOrderActor => ({
  operatorId,
  roles: ['serviceStaff'],
  outletCode,
});
const tech01 = staff('tech01');
const tech02 = staff('tech02');

/** A work order in `status`, as the steps up to it would have left it (tech01 at Xidan holds it once dispatched). */
function inStatus(status: WorkOrderStatus, overrides: Partial<WorkOrderState> = {}): WorkOrderState {
  const held = ['dispatched', 'inService', 'completed', 'closed'].includes(status);
  return {
    ...created,
    status,
    outletCode: status === 'created' || status === 'accepted' ? null : 'OUT-BJ-XD',
    assigneeId: held ? 'tech01' : null,
    ...overrides,
  };
}

/** For each step: someone allowed to take it, the command, and what the API resolved. */
const steps: Record<
  WorkOrderCommand['action'],
  {
    actor: WorkOrderActor;
    command: WorkOrderCommand;
    resolved?: ResolvedStep;
    state?: Partial<WorkOrderState>;
  }
> = {
  accept: { actor: dispatcher, command: { action: 'accept' } },
  reject: { actor: dispatcher, command: { action: 'reject', reason: '重复工单 duplicate' } },
  assignOutlet: {
    actor: dispatcher,
    command: { action: 'assignOutlet', outletCode: 'OUT-BJ-HD', reason: '客户搬家 customer moved' },
  },
  dispatch: {
    actor: dispatcher,
    command: { action: 'dispatch', assigneeId: 'tech02' },
    resolved: { assigneeOutlet: 'OUT-BJ-XD' },
  },
  redispatch: {
    actor: dispatcher,
    command: { action: 'redispatch', assigneeId: 'tech02', reason: 'tech01 is ill' },
    resolved: { assigneeOutlet: 'OUT-BJ-XD' },
  },
  dispatchByRule: {
    actor: dispatcher,
    command: { action: 'dispatchByRule' },
    resolved: {
      ruleChoice: {
        assigneeId: 'tech02',
        outletCode: 'OUT-BJ-XD',
        ruleId: 'R-LEAST-LOAD',
        ruleName: 'Least load',
      },
    },
  },
  grab: { actor: tech02, command: { action: 'grab' } },
  bookAppointment: { actor: tech01, command: { action: 'bookAppointment', at: LATER } },
  changeAppointment: {
    actor: tech01,
    command: { action: 'changeAppointment', at: LATER_STILL, reason: 'customer away' },
    state: { appointment: { at: LATER, note: null, bookedBy: 'tech01' } },
  },
  start: { actor: tech01, command: { action: 'start' } },
  complete: { actor: tech01, command: { action: 'complete', summary: 'Replaced the modem', resolved: true } },
  close: { actor: dispatcher, command: { action: 'close' } },
  cancel: { actor: dispatcher, command: { action: 'cancel', reason: '客户撤销 customer withdrew' } },
};

/**
 * The specification of which step may be taken in which status: `x` allowed, `.` refused with
 * IllegalWorkOrderStep, `G` refused with AlreadyGrabbed (someone holds the work order).
 */
const matrix = `
                    created accepted rejected outletAssigned dispatched inService completed closed cancelled
accept              x       .        .        .              .          .         .         .      .
reject              x       .        .        .              .          .         .         .      .
assignOutlet        .       x        .        x              x          .         .         .      .
dispatch            .       x        .        x              .          .         .         .      .
redispatch          .       .        .        .              x          .         .         .      .
dispatchByRule      .       x        .        x              .          .         .         .      .
grab                .       x        .        x              G          G         .         .      .
bookAppointment     .       .        .        .              x          .         .         .      .
changeAppointment   .       .        .        .              x          .         .         .      .
start               .       .        .        .              x          .         .         .      .
complete            .       .        .        .              .          x         .         .      .
close               .       .        .        .              .          .         x         .      .
cancel              x       x        .        x              x          x         .         .      .
`;

const [header = '', ...rows] = matrix.trim().split('\n');
const columns = header.trim().split(/\s+/) as WorkOrderStatus[];
const cases = rows.flatMap((row) => {
  const [action, ...marks] = row.trim().split(/\s+/) as [WorkOrderCommand['action'], ...string[]];
  return columns.map((status, i) => ({ action, status, mark: marks[i] ?? '?' }));
});

/** The machine refused with `code`, in a message that says `fragment`. */
function expectRefusal(refusal: StepRefusal | null, code: ErrorCode, fragment: string): void {
  expect(refusal?.code).toBe(code);
  expect(refusal?.message).toContain(fragment);
}

describe('work-order state machine', () => {
  it('WO-2…WO-5: the specification covers every step in every status', () => {
    expect(columns).toEqual([...workOrderStatuses]);
    expect(cases).toHaveLength(Object.keys(steps).length * workOrderStatuses.length);
  });

  it.each(cases)('WO-2…WO-5: $action from $status → $mark', ({ action, status, mark }) => {
    const { actor, command, resolved, state: extra } = steps[action];
    const state = inStatus(status, extra);
    const refusal = checkCommand(state, command, actor, NOW, resolved);
    if (mark === 'x') {
      expect(refusal).toBeNull();
      const { event } = applyCommand(state, command, actor, NOW, resolved);
      // Dispatch by rule is recorded as the dispatch it is (with the rule in its details).
      expect(event).toMatchObject({
        seq: state.events,
        fromStatus: status,
        actor: actor.operatorId,
        action: action === 'dispatchByRule' ? 'dispatch' : action,
      });
    } else if (mark === 'G') {
      expectRefusal(refusal, 'AlreadyGrabbed', 'tech01');
    } else {
      expect(refusal?.code).toBe('IllegalWorkOrderStep');
      // The refusal names the current status and the statuses the step is allowed in.
      expect(refusal?.message).toContain(`is ${status}`);
      expect(refusal?.message).toMatch(/allowed only when it is \w+/);
      expect(() => applyCommand(state, command, actor, NOW, resolved)).toThrow('IllegalWorkOrderStep');
    }
  });

  it('WO-1: a new work order is created with its SLA targets and a creation event by its creator', () => {
    const state = initialWorkOrder(newWorkOrder, NOW);
    expect(state).toMatchObject({
      status: 'created',
      priority: 'P2',
      city: 'Beijing',
      territory: 'Xicheng',
      outletCode: null,
      assigneeId: null,
      events: 0,
      sla: {
        responseDueAt: '2026-03-02T03:00:00.000Z',
        resolutionDueAt: '2026-03-02T10:00:00.000Z',
        respondedAt: null,
        resolvedAt: null,
      },
    });
    const { state: after, event } = creationEvent(state);
    expect(after.events).toBe(1);
    expect(event).toMatchObject({
      seq: 0,
      actor: 'store01',
      action: 'create',
      fromStatus: null,
      toStatus: 'created',
    });
  });

  it('WO-2: only dispatchers, duty managers and admins accept or reject; a frontline operator is refused', () => {
    const refusal = checkCommand(created, { action: 'accept' }, frontline, NOW);
    expect(refusal).toMatchObject({ code: 'RoleNotAllowed' });
    expect(refusal?.message).toContain('dispatcher, dutyManager, admin');
    expect(checkCommand(created, { action: 'reject', reason: 'spam' }, tech01, NOW)?.code).toBe(
      'RoleNotAllowed',
    );
    const duty = { operatorId: 'duty01', roles: ['dutyManager'], outletCode: null };
    expect(checkCommand(created, { action: 'accept' }, duty, NOW)).toBeNull();
    const { state, event } = applyCommand(created, { action: 'reject', reason: 'spam' }, dispatcher, NOW);
    expect(state.status).toBe('rejected');
    expect(event.details).toEqual({ reason: 'spam' });
  });

  it('WO-2: the creator may cancel their own work order; another frontline operator may not', () => {
    const cancel: WorkOrderCommand = { action: 'cancel', reason: 'customer withdrew' };
    expect(checkCommand(created, cancel, frontline, NOW)).toBeNull();
    const other = { ...frontline, operatorId: 'hotline01' };
    expectRefusal(checkCommand(created, cancel, other, NOW), 'RoleNotAllowed', 'creator (store01)');
    expect(checkCommand(created, { action: 'cancel', reason: '  ' }, frontline, NOW)?.code).toBe(
      'ValidationFailed',
    );
  });

  it('WO-3: re-assigning an outlet needs a reason, another outlet, and clears the assignee and appointment', () => {
    const dispatched = inStatus('dispatched', { appointment: { at: LATER, note: null, bookedBy: 'tech01' } });
    const noReason: WorkOrderCommand = { action: 'assignOutlet', outletCode: 'OUT-BJ-HD' };
    expectRefusal(
      checkCommand(dispatched, noReason, dispatcher, NOW),
      'ValidationFailed',
      'reason: is required when re-assigning from OUT-BJ-XD',
    );
    expect(
      checkCommand(
        dispatched,
        { action: 'assignOutlet', outletCode: 'OUT-BJ-XD', reason: 'x' },
        dispatcher,
        NOW,
      )?.code,
    ).toBe('IllegalWorkOrderStep');
    const { state, event } = applyCommand(dispatched, steps.assignOutlet.command, dispatcher, NOW);
    expect(state).toMatchObject({
      status: 'outletAssigned',
      outletCode: 'OUT-BJ-HD',
      assigneeId: null,
      appointment: null,
    });
    expect(event.details).toEqual({
      outletCode: 'OUT-BJ-HD',
      previousOutlet: 'OUT-BJ-XD',
      reason: '客户搬家 customer moved',
      previousAssignee: 'tech01',
      appointmentCleared: LATER,
    });
    // The first assignment needs no reason.
    const accepted = inStatus('accepted');
    expect(checkCommand(accepted, noReason, dispatcher, NOW)).toBeNull();
  });

  it('WO-4: a dispatch records the response time once; the assignee must work at the outlet', () => {
    const atOutlet = inStatus('outletAssigned');
    expectRefusal(
      checkCommand(atOutlet, { action: 'dispatch', assigneeId: 'tech05' }, dispatcher, NOW, {
        assigneeOutlet: 'OUT-BJ-HD',
      }),
      'StaffNotFound',
      're-assign the outlet first',
    );

    const first = applyCommand(inStatus('accepted'), steps.dispatch.command, dispatcher, NOW, {
      assigneeOutlet: 'OUT-BJ-XD',
    });
    expect(first.state).toMatchObject({
      status: 'dispatched',
      assigneeId: 'tech02',
      outletCode: 'OUT-BJ-XD',
    });
    expect(first.state.sla.respondedAt).toBe(NOW.toISOString());
    expect(first.event.details).toMatchObject({ assigneeId: 'tech02', previousAssignee: null });

    const later = new Date(NOW.getTime() + 60_000);
    const redispatched = applyCommand(
      first.state,
      { action: 'redispatch', assigneeId: 'tech01', reason: 'tech02 is ill' },
      systemActor,
      later,
    );
    expect(redispatched.state.assigneeId).toBe('tech01');
    expect(redispatched.state.sla.respondedAt).toBe(NOW.toISOString());
    expect(redispatched.event).toMatchObject({
      actor: 'system',
      fromStatus: 'dispatched',
      toStatus: 'dispatched',
      details: { previousAssignee: 'tech02', assigneeId: 'tech01', reason: 'tech02 is ill' },
    });
  });

  it('WO-4: re-dispatch goes to someone else', () => {
    const refusal = checkCommand(
      inStatus('dispatched'),
      { action: 'redispatch', assigneeId: 'tech01', reason: 'again' },
      dispatcher,
      NOW,
    );
    expectRefusal(refusal, 'ValidationFailed', 'assigneeId');
  });

  it('WO-4: the first grab wins; the next grabber is told who has it', () => {
    const accepted = inStatus('accepted');
    expect(checkCommand(accepted, { action: 'grab' }, tech02, NOW)).toBeNull();
    const grabbed = applyCommand(accepted, { action: 'grab' }, tech02, NOW);
    // A work order without an outlet goes to the grabber's.
    expect(grabbed.state).toMatchObject({
      status: 'dispatched',
      assigneeId: 'tech02',
      outletCode: 'OUT-BJ-XD',
    });
    expect(grabbed.state.sla.respondedAt).toBe(NOW.toISOString());
    expectRefusal(
      checkCommand(grabbed.state, { action: 'grab' }, tech01, NOW),
      'AlreadyGrabbed',
      'already taken by tech02',
    );
  });

  it('WO-4: only service staff of the outlet grab; others are refused', () => {
    const atXidan = inStatus('outletAssigned');
    expect(checkCommand(atXidan, { action: 'grab' }, staff('tech05', 'OUT-BJ-HD'), NOW)?.code).toBe(
      'StaffNotFound',
    );
    expect(checkCommand(atXidan, { action: 'grab' }, staff('tech99', null), NOW)?.code).toBe('StaffNotFound');
    expect(checkCommand(atXidan, { action: 'grab' }, dispatcher, NOW)?.code).toBe('RoleNotAllowed');
  });

  it('WO-5: only the assignee books, changes, starts and completes', () => {
    const dispatched = inStatus('dispatched');
    for (const command of [steps.bookAppointment.command, steps.start.command]) {
      expectRefusal(
        checkCommand(dispatched, command, tech02, NOW),
        'NotAssignee',
        'only the assignee tech01',
      );
    }
    expect(checkCommand(inStatus('inService'), steps.complete.command, dispatcher, NOW)?.code).toBe(
      'NotAssignee',
    );
  });

  it('WO-5: an appointment is in the future; booked once, then changed with a reason, each with from/to', () => {
    const dispatched = inStatus('dispatched');
    const past = { action: 'bookAppointment', at: '2026-03-02T01:59:00.000Z' } as const;
    expectRefusal(
      checkCommand(dispatched, past, tech01, NOW),
      'AppointmentInPast',
      'at: 2026-03-02T01:59:00.000Z is not after now',
    );
    expect(checkCommand(dispatched, { ...past, at: NOW.toISOString() }, tech01, NOW)?.code).toBe(
      'AppointmentInPast',
    );

    const booked = applyCommand(
      dispatched,
      { action: 'bookAppointment', at: '2026-03-03T10:00:00+08:00', note: 'call before' },
      tech01,
      NOW,
    );
    expect(booked.state.appointment).toEqual({ at: LATER, note: 'call before', bookedBy: 'tech01' });
    expect(booked.event.details).toEqual({ from: null, to: LATER, note: 'call before' });
    expect(checkCommand(booked.state, steps.bookAppointment.command, tech01, NOW)?.code).toBe(
      'IllegalWorkOrderStep',
    );

    const same = { action: 'changeAppointment', at: LATER, reason: 'x' } as const;
    expect(checkCommand(booked.state, same, tech01, NOW)?.code).toBe('ValidationFailed');
    const changed = applyCommand(booked.state, steps.changeAppointment.command, tech01, NOW);
    expect(changed.state.appointment).toEqual({ at: LATER_STILL, note: 'call before', bookedBy: 'tech01' });
    expect(changed.event).toMatchObject({
      seq: booked.state.events,
      details: { from: LATER, to: LATER_STILL, reason: 'customer away' },
    });
    expect(checkCommand(dispatched, steps.changeAppointment.command, tech01, NOW)?.message).toContain(
      'no appointment is booked yet',
    );
  });

  it('WO-2…WO-5: completion records the result and the resolution time; close ends the work order', () => {
    const done = applyCommand(inStatus('inService'), steps.complete.command, tech01, NOW);
    expect(done.state).toMatchObject({
      status: 'completed',
      result: { summary: 'Replaced the modem', resolved: true },
      sla: { resolvedAt: NOW.toISOString() },
    });
    const closed = applyCommand(done.state, { action: 'close' }, dispatcher, NOW);
    expect(closed.event).toMatchObject({
      fromStatus: 'completed',
      toStatus: 'closed',
      seq: done.state.events,
    });
  });

  it('WO-4, WO-6: notes and breaches are timeline events that keep the status', () => {
    const accepted = inStatus('accepted');
    const note = noteEvent(
      accepted,
      'noDispatchRule',
      'system',
      { message: 'no dispatch rule matched' },
      NOW,
    );
    expect(note.state).toEqual({ ...accepted, events: accepted.events + 1 });
    expect(note.event).toMatchObject({ fromStatus: 'accepted', toStatus: 'accepted', actor: 'system' });
    const breach = markBreach(note.state, 'response', NOW);
    expect(breach.state.sla.responseBreached).toBe(true);
    expect(breach.event).toMatchObject({
      seq: accepted.events + 1,
      action: 'slaBreached',
      details: { kind: 'response', dueAt: accepted.sla.responseDueAt },
    });
  });

  describe("WO-4: dispatch by rule (按规则派工) on a dispatcher's request", () => {
    const choice = {
      assigneeId: 'tech02',
      outletCode: 'OUT-BJ-XD',
      ruleId: 'R-LEAST-LOAD',
      ruleName: 'Least load',
    };
    const waiting = inStatus('outletAssigned');

    it('WO-4: desk roles only; before the rules have chosen the step is allowed, the choice then applied as a dispatch by the dispatcher', () => {
      const byRule: WorkOrderCommand = { action: 'dispatchByRule' };
      expectRefusal(checkCommand(waiting, byRule, frontline, NOW), 'RoleNotAllowed', 'dispatcher');
      expectRefusal(checkCommand(waiting, byRule, tech01, NOW), 'RoleNotAllowed', 'dispatcher');
      expectRefusal(checkCommand(waiting, byRule, systemActor, NOW), 'RoleNotAllowed', 'dispatcher');
      expect(checkCommand(waiting, byRule, dispatcher, NOW)).toBeNull();
      const { state, event } = applyCommand(waiting, byRule, dispatcher, NOW, { ruleChoice: choice });
      expect(state).toMatchObject({ status: 'dispatched', assigneeId: 'tech02', outletCode: 'OUT-BJ-XD' });
      expect(state.sla.respondedAt).toBe(NOW.toISOString());
      expect(event).toMatchObject({
        actor: 'dispatch01',
        action: 'dispatch',
        toStatus: 'dispatched',
        details: { assigneeId: 'tech02', ruleId: 'R-LEAST-LOAD', ruleName: 'Least load', byRule: true },
      });
      // A work order with no outlet goes with its assignee to theirs.
      const noOutlet = applyCommand(inStatus('accepted'), byRule, dispatcher, NOW, { ruleChoice: choice });
      expect(noOutlet.state.outletCode).toBe('OUT-BJ-XD');
    });

    it('WO-4: no rule picked anyone: 409 NoDispatchRuleMatched naming what the rules looked at; nothing applied', () => {
      const refusal = checkCommand(waiting, { action: 'dispatchByRule' }, dispatcher, NOW, {
        ruleChoice: null,
      });
      expectRefusal(refusal, 'NoDispatchRuleMatched', 'no enabled dispatch rule matches');
      expect(refusal?.message).toContain('outlet OUT-BJ-XD, territory Xicheng');
      expect(() =>
        applyCommand(waiting, { action: 'dispatchByRule' }, dispatcher, NOW, { ruleChoice: null }),
      ).toThrow('NoDispatchRuleMatched');
      // A choice from another outlet (the work order moved meanwhile) is refused like a manual dispatch.
      const elsewhere = { ...choice, assigneeId: 'tech05', outletCode: 'OUT-BJ-HD' };
      expectRefusal(
        checkCommand(waiting, { action: 'dispatchByRule' }, dispatcher, NOW, { ruleChoice: elsewhere }),
        'StaffNotFound',
        'OUT-BJ-HD',
      );
    });
  });
});
