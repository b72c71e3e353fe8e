import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { TransientOutsideError } from '../activities/adapters/simulation';
import type { AppConfig } from '../temporal.config';
import type { Behaviours, SimulatedSystem } from './control';
import type { SimDb } from './db';
import { behaviour } from './schema';

export const simulatedSystems: readonly SimulatedSystem[] = [
  'hlr',
  'bank',
  'sms',
  'clearing',
  'bboss',
  'telephony',
];

/** Each system's behaviour as configured (`HLR_LATENCY_MS`, `BANK_*`, `SMS_*`, `CLEARING_*`, `BBOSS_*`, …). */
export function configuredBehaviours(config: AppConfig): Behaviours {
  return {
    hlr: { latencyMs: config.HLR_LATENCY_MS, failureRate: config.HLR_FAILURE_RATE },
    bank: { latencyMs: config.BANK_LATENCY_MS, failureRate: config.BANK_FAILURE_RATE },
    sms: { latencyMs: config.SMS_LATENCY_MS, failureRate: config.SMS_FAILURE_RATE },
    telephony: { latencyMs: config.TELEPHONY_LATENCY_MS, failureRate: 0 },
    clearing: {
      latencyMs: 0,
      failureRate: 0,
      answerDelayMs: config.CLEARING_ANSWER_DELAY_MS,
      rejectRate: config.CLEARING_REJECT_RATE,
      lossRate: config.CLEARING_LOSS_RATE,
    },
    bboss: {
      latencyMs: config.BBOSS_LATENCY_MS,
      failureRate: 0,
      answerDelayMs: config.BBOSS_ANSWER_DELAY_MS,
      approvalExtraDelayMs: config.BBOSS_APPROVAL_EXTRA_DELAY_MS,
      rejectRate: config.BBOSS_REJECT_RATE,
      lossRate: config.BBOSS_LOSS_RATE,
      memberRejectRate: config.BBOSS_MEMBER_REJECT_RATE,
    },
  };
}

/** Behaviours that answer at once and never fail or lose anything (tests, benchmarks). */
export const instantBehaviours: Behaviours = {
  hlr: { latencyMs: 0, failureRate: 0 },
  bank: { latencyMs: 0, failureRate: 0 },
  sms: { latencyMs: 0, failureRate: 0 },
  telephony: { latencyMs: 0, failureRate: 0 },
  clearing: { latencyMs: 0, failureRate: 0, answerDelayMs: 50, rejectRate: 0, lossRate: 0 },
  bboss: {
    latencyMs: 0,
    failureRate: 0,
    answerDelayMs: 50,
    approvalExtraDelayMs: 50,
    rejectRate: 0,
    lossRate: 0,
    memberRejectRate: 0,
  },
};

/** Writes every system's behaviour (at start: configuration and the caller's overrides win over the table). */
export async function writeBehaviours(db: SimDb, all: Behaviours): Promise<void> {
  for (const system of simulatedSystems) {
    const settings = { ...all[system] } as Record<string, number>;
    await db
      .insert(behaviour)
      .values({ system, settings })
      .onConflictDoUpdate({ target: behaviour.system, set: { settings, updatedAt: sql`now()` } });
  }
}

/** The behaviour of one system, as now in force (every simulator process reads the same row). */
export class BehaviourStore {
  constructor(
    private readonly db: SimDb,
    private readonly defaults: Behaviours,
  ) {}

  async get<S extends SimulatedSystem>(system: S): Promise<Behaviours[S]> {
    const [row] = await this.db.select().from(behaviour).where(eq(behaviour.system, system));
    return { ...this.defaults[system], ...row?.settings };
  }

  async set<S extends SimulatedSystem>(system: S, patch: Partial<Behaviours[S]>): Promise<Behaviours[S]> {
    const settings = { ...(await this.get(system)), ...patch } as Record<string, number>;
    await this.db
      .insert(behaviour)
      .values({ system, settings })
      .onConflictDoUpdate({ target: behaviour.system, set: { settings, updatedAt: sql`now()` } });
    return settings as unknown as Behaviours[S];
  }
}

/** What every simulator shares: its behaviour, its clock and its dice. */
export interface SimContext {
  db: SimDb;
  behaviours: BehaviourStore;
  now: () => Date;
  random: () => number;
}

/**
 * Waits the system's latency, then fails with its failure rate, as a slow and flaky link would; answers the
 * behaviour in force for the rest of the call.
 */
export async function simulateCall<S extends SimulatedSystem>(
  ctx: SimContext,
  system: S,
  operation: string,
): Promise<Behaviours[S]> {
  const current = await ctx.behaviours.get(system);
  const { latencyMs, failureRate } = current;
  if (latencyMs > 0) await sleep(latencyMs);
  if (ctx.random() < failureRate) throw new TransientOutsideError(systemNames[system], operation);
  return current;
}

const systemNames: Record<SimulatedSystem, string> = {
  hlr: 'HLR',
  bank: 'bank',
  sms: 'sms',
  clearing: 'clearing system',
  bboss: 'BBOSS',
  telephony: 'telephony',
};
