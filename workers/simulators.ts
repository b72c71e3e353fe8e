import { BankSimulator, type SimulatedBankAccount } from '../activities/adapters/bank';
import { BbossSimulator, type BbossSimulationOptions } from '../activities/adapters/bboss';
import { ClearingSystemSimulator, type ClearingSimulationOptions } from '../activities/adapters/clearing';
import { HlrSimulator } from '../activities/adapters/hlr';
import type { SimulationOptions } from '../activities/adapters/simulation';
import { SmsGatewaySimulator } from '../activities/adapters/sms';
import type { BbossCallback } from '../domain/bboss-callbacks';
import type { MnpCallback } from '../domain/mnp-callbacks';
import type { AppConfig } from '../temporal.config';

/**
 * Where the simulated clearing system and BBOSS send their callbacks: in-process to the callback sinks
 * (`npm start`, the standalone worker) or, signed, through the API's callback routes (the tests).
 */
export interface CallbackDelivery {
  mnp: (callback: MnpCallback) => Promise<void>;
  bboss: (callback: BbossCallback) => Promise<void>;
}

/** Callbacks sent nowhere: lost, as if never sent. */
export const nowhere = async (): Promise<void> => undefined;

/** Options that replace the configured ones (`*_LATENCY_MS`, `*_RATE`, …), per simulator. */
export interface SimulatorOverrides {
  hlr?: Partial<SimulationOptions>;
  bank?: Partial<SimulationOptions>;
  sms?: Partial<SimulationOptions>;
  clearing?: Partial<Omit<ClearingSimulationOptions, 'deliver'>>;
  bboss?: Partial<Omit<BbossSimulationOptions, 'deliver'>>;
  /** Whether the bank vouches for the demo accounts (`demoBankAccounts`); yes unless false. */
  demoBankAccounts?: boolean;
}

/** Simulators that answer at once and never fail (the tests' and benchmarks' starting point). */
export const instantSimulators = {
  hlr: { latencyMs: 0, failureRate: 0 },
  bank: { latencyMs: 0, failureRate: 0 },
  sms: { latencyMs: 0, failureRate: 0 },
  demoBankAccounts: false,
} satisfies SimulatorOverrides;

export interface Simulators {
  hlr: HlrSimulator;
  bank: BankSimulator;
  clearing: ClearingSystemSimulator;
  bboss: BbossSimulator;
  sms: SmsGatewaySimulator;
}

/**
 * The outside systems as simulators, tuned by configuration (latency, failure rate, delays) unless
 * `overrides` says otherwise. The simulated clearing system and BBOSS send their callbacks through `deliver`;
 * the real ones POST them, signed, to `/api/v1/callbacks/mnp` and `/api/v1/callbacks/bboss`.
 */
export function createSimulators(
  config: AppConfig,
  deliver: CallbackDelivery,
  overrides: SimulatorOverrides = {},
): Simulators {
  const bank = new BankSimulator({
    latencyMs: config.BANK_LATENCY_MS,
    failureRate: config.BANK_FAILURE_RATE,
    ...overrides.bank,
  });
  if (overrides.demoBankAccounts ?? true)
    for (const [accountNo, account] of demoBankAccounts) bank.openAccount(accountNo, account);
  return {
    hlr: new HlrSimulator({
      latencyMs: config.HLR_LATENCY_MS,
      failureRate: config.HLR_FAILURE_RATE,
      ...overrides.hlr,
    }),
    bank,
    sms: new SmsGatewaySimulator({
      latencyMs: config.SMS_LATENCY_MS,
      failureRate: config.SMS_FAILURE_RATE,
      ...overrides.sms,
    }),
    clearing: new ClearingSystemSimulator({
      latencyMs: 0,
      failureRate: 0,
      answerDelayMs: config.CLEARING_ANSWER_DELAY_MS,
      rejectRate: config.CLEARING_REJECT_RATE,
      lossRate: config.CLEARING_LOSS_RATE,
      ...overrides.clearing,
      deliver: deliver.mnp,
    }),
    bboss: new BbossSimulator({
      latencyMs: config.BBOSS_LATENCY_MS,
      failureRate: 0,
      answerDelayMs: config.BBOSS_ANSWER_DELAY_MS,
      approvalExtraDelayMs: config.BBOSS_APPROVAL_EXTRA_DELAY_MS,
      rejectRate: config.BBOSS_REJECT_RATE,
      lossRate: config.BBOSS_LOSS_RATE,
      memberRejectRate: config.BBOSS_MEMBER_REJECT_RATE,
      ...overrides.bboss,
      deliver: deliver.bboss,
    }),
  };
}

/** Stops the simulators' pending callbacks. */
export function stopSimulators(simulators: Pick<Simulators, 'clearing' | 'bboss'>): void {
  simulators.clearing.stop();
  simulators.bboss.stop();
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
