import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * The SQL of a "lock after N failures in a row" counter on any row (an operator's sign-ins, a line's service
 * password): counted in one conditional UPDATE, so concurrent failures each count (the row lock serialises
 * them); the failure that reaches `maxFailures` locks the row for `lockMinutes` and starts the count afresh;
 * nothing changes while the row is locked.
 */
export function failureLockout(columns: { failures: PgColumn; lockedUntil: PgColumn }) {
  const notLocked: SQL = sql`(${columns.lockedUntil} IS NULL OR ${columns.lockedUntil} <= now())`;
  return {
    /** The row is not locked now (a failure counts, a success resets). */
    notLocked,
    /** The values that count one failure. */
    countFailure(policy: { maxFailures: number; lockMinutes: number }): { failures: SQL; lockedUntil: SQL } {
      const reachesMax = sql`${columns.failures} + 1 >= ${policy.maxFailures}`;
      return {
        failures: sql`CASE WHEN ${reachesMax} THEN 0 ELSE ${columns.failures} + 1 END`,
        lockedUntil: sql`CASE WHEN ${reachesMax}
          THEN now() + make_interval(secs => ${policy.lockMinutes * 60})
          ELSE NULL END`,
      };
    },
  };
}
