import { defaultPayloadConverter } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder } from '../support/orders';
import { portInBody } from '../support/fixtures';
import { preCancellationBody } from '../support/pre-cancellation';
import { newWorkOrder } from '../support/work-orders';

/** Holidays no other test uses: where they show up, a calendar travelled. */
const MNP_HOLIDAY = '2031-10-01';
const WO_HOLIDAY = '2031-10-02';

/** What the workflow was started with, as its history keeps it (the first event's input). */
async function startInput(h: Harness, workflowId: string): Promise<Record<string, unknown>> {
  const history = await h.client.workflow.getHandle(workflowId).fetchHistory();
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw new Error(`no start input in the history of ${workflowId}`);
  return defaultPayloadConverter.fromPayload<Record<string, unknown>>(payload);
}

describe('the settings a workflow starts with (read from its history)', () => {
  let h: Harness;
  let clerk: string;
  let manager: string;

  beforeAll(async () => {
    h = await startHarness({
      config: {
        MNP_HOLIDAYS: MNP_HOLIDAY,
        WO_HOLIDAYS: WO_HOLIDAY,
        STEP_TIMEOUT_SECONDS: '9',
        STEP_MAX_ATTEMPTS: '4',
      },
    });
    [clerk, manager] = await Promise.all([
      h.login('store01', 'STORE-BJ-001'),
      h.login('manager01', 'STORE-BJ-001'),
    ]);
  });
  afterAll(async () => h?.close());

  const submitted = async (token: string, body: Record<string, unknown>): Promise<string> => {
    const res = await submitOrder(h.app, token, body);
    expect(res.statusCode, res.body).toBe(202);
    return res.json<{ id: string }>().id;
  };

  it('ORD-5: an account opening carries its step settings only — no calendar, no other business’s rules', async () => {
    const input = await startInput(h, await submitted(clerk, openAccountBody()));
    expect(input.settings).toEqual({ stepTimeoutSeconds: 9, stepMaxAttempts: 4 });
    expect(JSON.stringify(input)).not.toMatch(/holidays|2031-10-0/);
  });

  it('PC-5: a pre-cancellation carries its grace and visit period, and no calendar', async () => {
    const input = await startInput(h, await submitted(manager, preCancellationBody('13900100019')));
    expect(input.settings).toEqual({
      stepTimeoutSeconds: 9,
      stepMaxAttempts: 4,
      preCancellation: {
        graceMonths: 3,
        graceSeconds: null,
        visitDays: 30,
        visitSeconds: null,
        utcOffsetHours: 8,
      },
    });
    expect(JSON.stringify(input)).not.toMatch(/holidays/);
  });

  it('MNP-3, MNP-5: a port-in carries its rules and the MNP calendar, not the work-order one', async () => {
    const input = await startInput(h, await submitted(clerk, portInBody('13312349961')));
    const settings = input.settings as { portIn: { calendar: { holidays: string[] } } };
    expect(Object.keys(settings).sort()).toEqual(['portIn', 'stepMaxAttempts', 'stepTimeoutSeconds']);
    expect(settings.portIn.calendar.holidays).toEqual([MNP_HOLIDAY]);
    expect(JSON.stringify(input)).not.toContain(WO_HOLIDAY);
  });

  it('WO-6: a work order carries its service levels and the work-order calendar, not the MNP one', async () => {
    const input = await startInput(h, await newWorkOrder(h.app, clerk));
    const settings = input.settings as { workOrder: { calendar: { holidays: string[] } } };
    expect(Object.keys(settings).sort()).toEqual(['stepMaxAttempts', 'stepTimeoutSeconds', 'workOrder']);
    expect(settings.workOrder.calendar.holidays).toEqual([WO_HOLIDAY]);
    expect(JSON.stringify(input)).not.toContain(MNP_HOLIDAY);
  });
});
