import { BankSimulator } from '../activities/adapters/bank';
import { ClearingSystemSimulator } from '../activities/adapters/clearing';
import { HlrSimulator } from '../activities/adapters/hlr';
import type { MnpCallbackSink } from '../domain/mnp-callbacks';
import type { AppConfig } from '../temporal.config';

/**
 * The outside systems as simulators, tuned by configuration (latency, failure rate). The simulated clearing
 * system hands its callbacks to `mnpCallbacks` in-process; a real one POSTs them, signed, to
 * `/api/v1/callbacks/mnp`. Without a sink its callbacks go nowhere (as if lost).
 */
export function createSimulators(
  config: AppConfig,
  mnpCallbacks?: MnpCallbackSink,
): { hlr: HlrSimulator; bank: BankSimulator; clearing: ClearingSystemSimulator } {
  return {
    hlr: new HlrSimulator({ latencyMs: config.HLR_LATENCY_MS, failureRate: config.HLR_FAILURE_RATE }),
    bank: new BankSimulator({ latencyMs: config.BANK_LATENCY_MS, failureRate: config.BANK_FAILURE_RATE }),
    clearing: new ClearingSystemSimulator({
      latencyMs: 0,
      failureRate: 0,
      answerDelayMs: config.CLEARING_ANSWER_DELAY_MS,
      rejectRate: config.CLEARING_REJECT_RATE,
      lossRate: config.CLEARING_LOSS_RATE,
      deliver: async (callback) => {
        await mnpCallbacks?.deliver(callback);
      },
    }),
  };
}
