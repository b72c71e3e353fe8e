import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpAdapters } from '../../activities/adapters/http';
import { demoBankAccounts } from '../../simulators/bank';
import { startSimulators, type RunningSimulators } from '../../simulators/host';
import { configSchema } from '../../temporal.config';
import { createTestDatabase } from '../support/database';

const config = configSchema.parse({ HLR_LATENCY_MS: '200', BBOSS_ANSWER_DELAY_MS: '1000' });
const nowhere = () => 'http://127.0.0.1:9';

/** How the simulators start: each system's behaviour from configuration unless the host is told otherwise. */
describe('the simulated outside systems as hosted (simulators/host.ts)', () => {
  const running: { sim: RunningSimulators; drop: () => Promise<void> }[] = [];
  const host = async (options: Partial<Parameters<typeof startSimulators>[0]> = {}) => {
    const database = await createTestDatabase();
    const sim = await startSimulators({
      config,
      databaseUrl: database.url,
      callbackApiUrl: nowhere,
      ...options,
    });
    running.push({ sim, drop: database.drop });
    return sim;
  };
  const [demoCard, demoHolder] = ((): [string, string] => {
    const [accountNo, account] = demoBankAccounts.find(([, a]) => a.kind === 'card') ?? [];
    return [accountNo ?? '', account?.kind === 'card' ? account.holderIdNumber : ''];
  })();
  const verifyDemoCard = (sim: RunningSimulators) =>
    httpAdapters(sim.url).bank.verifyAccount({
      kind: 'card',
      accountNo: demoCard,
      holderIdNumber: demoHolder,
    });

  let configured: RunningSimulators;
  let overridden: RunningSimulators;
  beforeAll(async () => {
    configured = await host();
    overridden = await host({
      behaviours: {
        hlr: { latencyMs: 0, failureRate: 0 },
        clearing: { lossRate: 1 },
        bboss: { answerDelayMs: 50 },
      },
      demoBankAccounts: false,
    });
  });
  afterAll(async () => {
    for (const r of running) {
      await r.sim.stop();
      await r.drop();
    }
  });

  it('OPEN-5: configured by default, the bank vouching for the demo accounts', async () => {
    expect((await configured.control.behaviour('hlr')).latencyMs).toBe(200);
    expect((await configured.control.behaviour('bboss')).answerDelayMs).toBe(1000);
    expect(await verifyDemoCard(configured)).toEqual({ valid: true });
  });

  it('MNP-5, GRP-4: behaviours given to the host replace the configured ones; without demo accounts the bank knows none', async () => {
    expect(await overridden.control.behaviour('hlr')).toMatchObject({ latencyMs: 0, failureRate: 0 });
    expect((await overridden.control.behaviour('clearing')).lossRate).toBe(1);
    expect((await overridden.control.behaviour('bboss')).answerDelayMs).toBe(50);
    expect(await verifyDemoCard(overridden)).toEqual({ valid: false, reason: 'unknownAccount' });
  });

  it('UI-1: a behaviour set through the control interface is what the system then has', async () => {
    expect(await configured.control.setBehaviour('hlr', { latencyMs: 250 })).toMatchObject({
      latencyMs: 250,
    });
    expect((await configured.control.behaviour('hlr')).latencyMs).toBe(250);
  });
});
