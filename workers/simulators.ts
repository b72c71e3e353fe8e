import { BankSimulator, type SimulatedBankAccount } from '../activities/adapters/bank';
import { BbossSimulator } from '../activities/adapters/bboss';
import { ClearingSystemSimulator } from '../activities/adapters/clearing';
import { HlrSimulator } from '../activities/adapters/hlr';
import { SmsGatewaySimulator } from '../activities/adapters/sms';
import type { BbossCallback, BbossCallbackSink } from '../domain/bboss-callbacks';
import type { MnpCallbackSink } from '../domain/mnp-callbacks';
import type { AppConfig } from '../temporal.config';

/** Where simulated outside systems hand their callbacks; a missing sink loses them (as if never sent). */
export interface CallbackSinks {
  mnp?: MnpCallbackSink;
  bboss?: BbossCallbackSink;
}

/**
 * The outside systems as simulators, tuned by configuration (latency, failure rate, delays). The simulated
 * clearing system and BBOSS hand their callbacks to the sinks in-process; the real ones POST them, signed,
 * to `/api/v1/callbacks/mnp` and `/api/v1/callbacks/bboss`.
 */
export function createSimulators(
  config: AppConfig,
  sinks: CallbackSinks = {},
): {
  hlr: HlrSimulator;
  bank: BankSimulator;
  clearing: ClearingSystemSimulator;
  bboss: BbossSimulator;
  sms: SmsGatewaySimulator;
} {
  const bank = new BankSimulator({
    latencyMs: config.BANK_LATENCY_MS,
    failureRate: config.BANK_FAILURE_RATE,
  });
  for (const [accountNo, account] of demoBankAccounts) bank.openAccount(accountNo, account);
  return {
    hlr: new HlrSimulator({ latencyMs: config.HLR_LATENCY_MS, failureRate: config.HLR_FAILURE_RATE }),
    bank,
    sms: new SmsGatewaySimulator({ latencyMs: config.SMS_LATENCY_MS, failureRate: config.SMS_FAILURE_RATE }),
    clearing: new ClearingSystemSimulator({
      latencyMs: 0,
      failureRate: 0,
      answerDelayMs: config.CLEARING_ANSWER_DELAY_MS,
      rejectRate: config.CLEARING_REJECT_RATE,
      lossRate: config.CLEARING_LOSS_RATE,
      deliver: async (callback) => {
        await sinks.mnp?.deliver(callback);
      },
    }),
    bboss: createBbossSimulator(config, async (callback) => {
      await sinks.bboss?.deliver(callback);
    }),
  };
}

/**
 * REQ: OPEN-5 — the accounts the simulated bank vouches for: the walk-through customer 张三's bank card and the
 * demo enterprise's corporate account (对公帐号) with its seal card. Any other account is unknown to it.
 */
export const demoBankAccounts: readonly (readonly [string, SimulatedBankAccount])[] = [
  ['6222021234567890', { kind: 'card', holderIdNumber: '110101199003071234' }],
  [
    '6222000011112222',
    {
      kind: 'corporate',
      unitCertificateNo: 'UC-20240001',
      businessLicenceNo: '91110000MA01ABCD1X',
      sealCardNo: 'SEAL-BJ-0001',
    },
  ],
];

/** BBOSS simulated as configured (`BBOSS_*`), answering through `deliver`. */
export function createBbossSimulator(
  config: AppConfig,
  deliver: (callback: BbossCallback) => Promise<void>,
): BbossSimulator {
  return new BbossSimulator({
    latencyMs: config.BBOSS_LATENCY_MS,
    failureRate: 0,
    answerDelayMs: config.BBOSS_ANSWER_DELAY_MS,
    approvalExtraDelayMs: config.BBOSS_APPROVAL_EXTRA_DELAY_MS,
    rejectRate: config.BBOSS_REJECT_RATE,
    lossRate: config.BBOSS_LOSS_RATE,
    memberRejectRate: config.BBOSS_MEMBER_REJECT_RATE,
    deliver,
  });
}
