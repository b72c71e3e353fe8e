import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Activities } from '../../activities';
import type { WorkOrderEvent, WorkOrderState } from '../../domain/work-orders';
import {
  workOrderCommandUpdate,
  workOrderId,
  type WorkOrderInput,
} from '../../workflows/contracts/work-order';
import { testWorkflowSettings } from '../support/fixtures';
import { useDevServerWorkers } from '../support/dev-server-workers';
import { replayOnTodaysCode } from '../support/replay';

/**
 * The work-order workflow against the shared Temporal dev server with its activities mocked: what it does when
 * a step arrives in the same workflow task as the work order's creation, so that two read-model writes could be
 * in flight at once and end in either order.
 */

const dispatcher = { operatorId: 'dispatch01', roles: ['dispatcher'], outletCode: null };

function inputFor(): WorkOrderInput {
  return {
    id: workOrderId('STORE-BJ-001', `wf-${randomBytes(8).toString('hex')}`),
    source: 'staff',
    request: {
      kind: 'standard',
      category: 'broadbandRepair',
      priority: 'P3',
      title: '宽带报修 Broadband repair',
      description: '光猫红灯 The modem shows a red light',
      customer: { name: '张三', msisdn: '13800100088' },
    },
    resolved: { vip: false, city: '010', outletCode: null },
    createdBy: 'dispatch01',
    channelCode: 'STORE-BJ-001',
    settings: testWorkflowSettings('workOrder'),
  };
}

describe('work-order workflow with mocked activities', () => {
  const server = useDevServerWorkers();

  it('WO-2, ORD-2: a step sent with the creation is written after it, and the history replays whatever order the writes would have ended in', async () => {
    const input = inputFor();
    const taskQueue = server.taskQueue();
    const written: WorkOrderEvent[] = [];
    // The creation's write is slow and the acceptance's fast: were both in flight at once, the acceptance would
    // end first. The creation waits for the acceptance's write, or 1 s when the writes come one after another.
    let acceptanceWritten = (): void => undefined;
    const acceptance = new Promise<void>((resolve) => (acceptanceWritten = resolve));
    const acts: Partial<Activities> = {
      async recordWorkOrderEvent({ event }) {
        if (event.action === 'create') {
          await Promise.race([acceptance, new Promise((r) => setTimeout(r, 1_000))]);
        } else if (event.action === 'accept') {
          acceptanceWritten();
        }
        written.push(event);
      },
      // No rule picks anyone: the work order waits for people after its acceptance.
      async chooseAssignee() {
        return null;
      },
    };

    // Started, and the step sent, before any worker polls: the first workflow task carries both.
    const handle = await server.client().workflow.start('workOrderWorkflow', {
      workflowId: input.id,
      taskQueue,
      args: [input],
      workflowExecutionTimeout: '60s',
    });
    const accepted = handle.executeUpdate(workOrderCommandUpdate, {
      args: [{ command: { action: 'accept' }, actor: dispatcher }],
    });
    // The update is admitted once the server holds it; a worker started after that sees it with the start.
    await new Promise((r) => setTimeout(r, 1_000));
    const worker = await server.worker(taskQueue, acts);
    const state: WorkOrderState = await worker.runUntil(async () => {
      const after = await accepted;
      // Let the rule's answer (nobody) reach the timeline before the worker stops.
      for (let i = 0; i < 300 && !written.some((e) => e.action === 'noDispatchRule'); i++) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await handle.terminate('test over');
      return after;
    });

    expect(state.status).toBe('accepted');
    // Determinism: the run replays on today's code, so a worker that picks it up again after a restart goes on.
    const history = await handle.fetchHistory();
    // The case this test is about: the step was taken in the first workflow task, beside the creation.
    const events = history.events ?? [];
    const firstTaskDone = events.findIndex((e) => e.workflowTaskCompletedEventAttributes);
    const stepAccepted = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
    const laterTasks = events
      .slice(firstTaskDone + 1, stepAccepted)
      .filter((e) => e.workflowTaskScheduledEventAttributes || e.workflowTaskStartedEventAttributes);
    expect(stepAccepted).toBeGreaterThan(firstTaskDone);
    expect(laterTasks).toEqual([]);
    await expect(replayOnTodaysCode(history, input.id)).resolves.toBeUndefined();
    // ORD-2: the read model receives the steps in the order they were taken, creation first.
    expect(written.map((e) => [e.seq, e.action])).toEqual([
      [0, 'create'],
      [1, 'accept'],
      [2, 'noDispatchRule'],
    ]);
  });
});
