import type { SubscriberStatus } from './subscribers';
import { errorCatalogue } from './errors';

/**
 * Number portability (携号转网), source "携号转网办理指南". This module holds the pure rules; the data comes
 * from `db/queries/number-portability.ts`.
 */

/** REQ: MNP-1 — every reason a number cannot port out now, each with a stable code. */
export const portOutFailureCodes = [
  'NotOurNumber',
  'TenureTooShort',
  'SuspendedForArrears',
  'NotRealNameVerified',
  'ContractTermActive',
  'LocationRestricted',
  'InPreCancellationGrace',
  'LineCancelled',
] as const;
export type PortOutFailureCode = (typeof portOutFailureCodes)[number];

/** The restriction a line may carry in `subscribers.restrictions` that MNP-1 knows (号码所在地限制). */
export const locationRestriction = 'location';

/** What MNP-1 needs to know about one of our lines. Plain data, read at one instant. */
export interface PortOutLineFacts {
  status: SubscriberStatus | (string & {});
  /** Prepaid balance in fen; negative means arrears. */
  balanceFen: number;
  openedAt: Date;
  realNameVerified: boolean;
  /** End of a contract term; null when the line has none. */
  contractEndsAt: Date | null;
  restrictions: readonly string[];
}

export interface PortOutFacts {
  /** Null when the number is not one of our lines (never opened here, or not ours at all). */
  line: PortOutLineFacts | null;
  now: Date;
}

export interface PortOutRules {
  /** REQ: MNP-1 — days in network before a number may port out (seed: 90; national rule: 120). */
  minTenureDays: number;
}

export interface PortOutFailure {
  code: PortOutFailureCode;
  /** English, for logs and developers; may carry the figures (days, dates). */
  message: string;
  /** Chinese sentence staff read to the customer (from the error catalogue). */
  reason: string;
}

export interface PortOutEligibility {
  eligible: boolean;
  failures: PortOutFailure[];
}

const DAY_MS = 86_400_000;

/** Whole days between opening and `now` (入网天数); a line opened 90×24 h ago has 90. */
export function daysInNetwork(openedAt: Date, now: Date): number {
  return Math.floor((now.getTime() - openedAt.getTime()) / DAY_MS);
}

/**
 * REQ: MNP-1 — can this number port out now? Checks every condition and returns all that fail (not only the
 * first), so the customer hears everything that stands in the way at once. Pure: no clock, no database.
 */
export function portOutEligibility(facts: PortOutFacts, rules: PortOutRules): PortOutEligibility {
  const failures: PortOutFailure[] = [];
  const fail = (code: PortOutFailureCode, message: string) =>
    failures.push({ code, message, reason: errorCatalogue[code].zh });
  const { line, now } = facts;

  if (!line) {
    fail('NotOurNumber', 'The number is not a line of this operator.');
    return { eligible: false, failures };
  }
  if (line.status === 'cancelled') fail('LineCancelled', 'The line has been cancelled.');
  if (line.status === 'preCancelled') {
    fail('InPreCancellationGrace', 'The line is pre-cancelled and in its grace period.');
  }
  const days = daysInNetwork(line.openedAt, now);
  if (days < rules.minTenureDays) {
    fail(
      'TenureTooShort',
      `The line has been in network ${Math.max(days, 0)} days; at least ${rules.minTenureDays} are required.`,
    );
  }
  if (line.status === 'suspended' && line.balanceFen < 0) {
    fail('SuspendedForArrears', `The line is suspended for arrears (balance ${line.balanceFen} fen).`);
  }
  if (!line.realNameVerified)
    fail('NotRealNameVerified', 'The owner has not completed real-name verification.');
  if (line.contractEndsAt && line.contractEndsAt.getTime() > now.getTime()) {
    fail('ContractTermActive', `A contract term binds the line until ${line.contractEndsAt.toISOString()}.`);
  }
  if (line.restrictions.includes(locationRestriction)) {
    fail('LocationRestricted', 'The number is restricted to the place where it was registered.');
  }
  return { eligible: failures.length === 0, failures };
}
