import { BankSimulator } from '../activities/adapters/bank';
import { HlrSimulator } from '../activities/adapters/hlr';
import type { AppConfig } from '../temporal.config';

/** The outside systems as simulators, tuned by configuration (latency, failure rate). */
export function createSimulators(config: AppConfig): { hlr: HlrSimulator; bank: BankSimulator } {
  return {
    hlr: new HlrSimulator({ latencyMs: config.HLR_LATENCY_MS, failureRate: config.HLR_FAILURE_RATE }),
    bank: new BankSimulator({ latencyMs: config.BANK_LATENCY_MS, failureRate: config.BANK_FAILURE_RATE }),
  };
}
