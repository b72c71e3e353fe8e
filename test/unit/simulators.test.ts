import { describe, expect, it } from 'vitest';
import { configSchema } from '../../temporal.config';
import { createSimulators, demoBankAccounts, instantSimulators, nowhere } from '../../workers/simulators';

const config = configSchema.parse({ HLR_LATENCY_MS: '200', BBOSS_ANSWER_DELAY_MS: '1000' });
const deliver = { mnp: nowhere, bboss: nowhere };

describe('the simulated outside systems (workers/simulators.ts)', () => {
  it('OPEN-5: configured by default, the bank vouching for the demo accounts', () => {
    const s = createSimulators(config, deliver);
    expect(s.hlr.options.latencyMs).toBe(200);
    expect(s.bboss.options.answerDelayMs).toBe(1000);
    expect([...s.bank.accounts.keys()]).toEqual(demoBankAccounts.map(([accountNo]) => accountNo));
  });

  it('MNP-5, GRP-4: overrides replace the configured options; callbacks go where `deliver` says', () => {
    const s = createSimulators(config, deliver, {
      ...instantSimulators,
      clearing: { lossRate: 1 },
      bboss: { answerDelayMs: 50 },
    });
    expect(s.hlr.options).toMatchObject({ latencyMs: 0, failureRate: 0 });
    expect(s.bank.accounts.size).toBe(0);
    expect(s.clearing.options.lossRate).toBe(1);
    expect(s.clearing.options.deliver).toBe(nowhere);
    expect(s.bboss.options).toMatchObject({ answerDelayMs: 50, deliver: nowhere });
  });
});
