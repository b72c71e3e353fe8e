import { describe, expect, it } from 'vitest';
import type { SettingsOf, WorkflowSettings } from '../../domain/workflow-settings';
import { loadConfig, workflowSettings, workflowSettingsSource } from '../../temporal.config';

describe('configuration', () => {
  it('OPEN-2, OPEN-4: values the source leaves open have documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PREEMPTION_TTL_SECONDS: 1800,
      ROAMING_DEPOSIT_FEN: 50_000,
      STEP_TIMEOUT_SECONDS: 30,
      STEP_MAX_ATTEMPTS: 5,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'orders',
      API_PORT: 3000,
    });
    expect(config.TEMPORAL_ADDRESS).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('OPEN-2: configured values are read from the environment as numbers and flags', () => {
    const config = loadConfig({ PREEMPTION_TTL_SECONDS: '60', SEED_DEMO_DATA: '1', TEMPORAL_TLS: 'false' });
    expect(config.PREEMPTION_TTL_SECONDS).toBe(60);
    expect(config.SEED_DEMO_DATA).toBe(true);
    expect(config.TEMPORAL_TLS).toBe(false);
  });

  it.each([
    ['PREEMPTION_TTL_SECONDS', 'soon'],
    ['PREEMPTION_TTL_SECONDS', '0'],
    ['ROAMING_DEPOSIT_FEN', '-1'],
    ['HLR_FAILURE_RATE', '1.5'],
    ['LOG_LEVEL', 'loud'],
    ['SEED_DEMO_DATA', 'yes'],
    ['MNP_SWITCH_WINDOW', '20-9'],
    ['MNP_HOLIDAYS', '2025-1-1'],
  ])('OPEN-2: a bad %s=%j stops the start with the variable named', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`Invalid configuration: .*${name}`));
  });

  it('ORD-5, PC-5, MNP-3, MNP-5, GRP-4, GRP-6, WO-6: each business gets its step settings and its own rules from the configuration, nothing else', () => {
    const config = loadConfig({ STEP_TIMEOUT_SECONDS: '7', STEP_MAX_ATTEMPTS: '2' });
    const steps = { stepTimeoutSeconds: 7, stepMaxAttempts: 2 };
    const switchOver = {
      calendar: { utcOffsetHours: 8, holidays: [] },
      switchWindow: { fromHour: 9, toHour: 20 },
      switchOverDelaySeconds: null,
    };
    expect(workflowSettings(config, 'openAccount')).toEqual(steps);
    expect(workflowSettings(config, 'serviceChange')).toEqual(steps);
    expect(workflowSettings(config, 'groupMember')).toEqual(steps);
    expect(workflowSettings(config, 'preCancellation')).toEqual({
      ...steps,
      preCancellation: {
        graceMonths: 3,
        graceSeconds: null,
        visitDays: 30,
        visitSeconds: null,
        utcOffsetHours: 8,
      },
    });
    expect(workflowSettings(config, 'portIn')).toEqual({
      ...steps,
      portIn: {
        feeFen: 0,
        answerTimeoutSeconds: 3600,
        maxResubmits: 3,
        deadlineWorkingDays: 3,
        ...switchOver,
      },
    });
    // A port-out's switch-over is timed as a port-in's (MNP-5): those parts of `portIn`, not the fee or timeouts.
    expect(workflowSettings(config, 'portOut')).toEqual({
      ...steps,
      portOut: { authCodeValidityHours: 24, authCodeMaxAttempts: 5 },
      portIn: switchOver,
    });
    expect(workflowSettings(config, 'groupProduct')).toEqual({
      ...steps,
      group: {
        bbossAnswerTimeoutSeconds: 2700,
        bbossMaxAskIntervalSeconds: 21600,
        bbossOverdueHours: 4,
        bbossMaxResubmits: 3,
        approvalTimeoutHours: 72,
        utcOffsetHours: 8,
      },
    });
    expect(workflowSettings(config, 'memberBatch')).toEqual({
      ...steps,
      memberBatch: { chunkSize: 200, chunksPerRun: 20 },
    });
    expect(workflowSettings(config, 'workOrder')).toEqual({
      ...steps,
      workOrder: {
        sla: {
          P1: { responseMinutes: 30, resolutionMinutes: 240 },
          P2: { responseMinutes: 120, resolutionMinutes: 960 },
          P3: { responseMinutes: 240, resolutionMinutes: 1920 },
          P4: { responseMinutes: 480, resolutionMinutes: 4800 },
        },
        clock: 'business',
        calendar: { utcOffsetHours: 8, holidays: [], extraWorkingDays: [] },
        workingHours: { fromHour: 9, toHour: 18 },
        redispatchOnBreach: true,
        escalationRole: 'dutyManager',
      },
    });
    expect(
      workflowSettings(
        loadConfig({ MNP_HOLIDAYS: '2025-10-01, 2025-10-02', MNP_SWITCH_WINDOW: '0-23' }),
        'portIn',
      ).portIn,
    ).toMatchObject({
      calendar: { holidays: ['2025-10-01', '2025-10-02'] },
      switchWindow: { fromHour: 0, toHour: 23 },
    });
    expect(
      workflowSettings(loadConfig({ PRE_CANCEL_GRACE_SECONDS: '5' }), 'preCancellation').preCancellation
        .graceSeconds,
    ).toBe(5);
  });

  it("ORD-5: a workflow started with every business's settings, as before they were split, reads its own where it always did", () => {
    const config = loadConfig({});
    const everyBusiness: WorkflowSettings = {
      ...workflowSettings(config, 'preCancellation'),
      ...workflowSettings(config, 'portOut'),
      ...workflowSettings(config, 'portIn'),
      ...workflowSettings(config, 'groupProduct'),
      ...workflowSettings(config, 'memberBatch'),
      ...workflowSettings(config, 'workOrder'),
    };
    // Type-checked: the old input is a superset of each business's settings under the same paths.
    const portOut: SettingsOf<'portOut'> = everyBusiness;
    const preCancellation: SettingsOf<'preCancellation'> = everyBusiness;
    expect(portOut.portIn).toMatchObject(workflowSettings(config, 'portOut').portIn);
    expect(preCancellation.preCancellation.graceMonths).toBe(3);
  });

  it('ORD-5: the order service gets the settings of the business it starts', () => {
    const settingsOf = workflowSettingsSource(loadConfig({ MNP_HOLIDAYS: '2025-10-01' }));
    expect(settingsOf('portIn').portIn.calendar.holidays).toEqual(['2025-10-01']);
    expect(settingsOf('openAccount')).toEqual({ stepTimeoutSeconds: 30, stepMaxAttempts: 5 });
  });

  it('PC-5: the visit period after the grace defaults to 30 days, is configurable, and has a seconds override for demos', () => {
    expect(loadConfig({}).PRE_CANCEL_VISIT_DAYS).toBe(30);
    expect(
      workflowSettings(
        loadConfig({ PRE_CANCEL_VISIT_DAYS: '45', PRE_CANCEL_VISIT_SECONDS: '8' }),
        'preCancellation',
      ).preCancellation,
    ).toMatchObject({ visitDays: 45, visitSeconds: 8 });
    expect(() => loadConfig({ PRE_CANCEL_VISIT_DAYS: '0' })).toThrow(/PRE_CANCEL_VISIT_DAYS/);
    expect(() => loadConfig({ PRE_CANCEL_VISIT_SECONDS: 'soon' })).toThrow(/PRE_CANCEL_VISIT_SECONDS/);
  });

  it('WO-6: SLA targets are read per priority; a malformed or incomplete list stops the start naming the rule', () => {
    expect(loadConfig({ WO_SLA: 'P1:0.05/0.1,P2:1/2,P3:3/4,P4:5/6' }).WO_SLA.P1).toEqual({
      responseMinutes: 0.05,
      resolutionMinutes: 0.1,
    });
    expect(() => loadConfig({ WO_SLA: 'P1:30/240' })).toThrow(/WO_SLA: targets for P2, P3, P4 are missing/);
    expect(() => loadConfig({ WO_SLA: 'P1=30' })).toThrow(/WO_SLA: "P1=30" must look like P1:30\/240/);
    expect(() => loadConfig({ WO_WORKING_HOURS: '18-9' })).toThrow(/WO_WORKING_HOURS: must be whole hours/);
  });
});
