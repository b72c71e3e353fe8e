import type { Db } from '../../db/client';
import {
  claimServicePasswordSuccess,
  recordServicePasswordFailure,
  servicePasswordLockedUntil,
} from '../../db/queries/line-queries';
import { AppError } from '../../domain/errors';
import { isWeakServicePassword } from '../../domain/queries';
import { passwordMatches } from './password-compare';

export interface ServicePasswordPolicy {
  maxFailures: number;
  lockMinutes: number;
}

/** Where a query carries the password, for messages; other routes name their own field. */
const QUERY_FIELD = 'headers.x-service-password';

function locked(field: string, msisdn: string, until: Date): AppError {
  return new AppError(
    'ServicePasswordLocked',
    `${field}: too many wrong service passwords for ${msisdn}; checks are refused until ${until.toISOString()}`,
    { lockedUntil: until.toISOString() },
  );
}

/**
 * REQ: Q-1 — checks a line's service password (服务密码) with attempt counting: while the line is locked
 * every check is refused (403 ServicePasswordLocked, even a right password); a wrong one is counted (422
 * ServicePasswordInvalid) and the `maxFailures`-th in a row locks the checks for `lockMinutes`; a right one
 * resets the count. A line without a password is compared against a decoy hash, so it answers like a wrong
 * password. Returns whether the (right) password is weak, so the answer can advise changing it. Every route
 * that takes a service password (queries, self-service, green-channel entrusted acceptance) checks it here,
 * so one count and one lock protect a line whichever route is tried.
 */
export async function checkServicePassword(
  db: Db,
  line: { msisdn: string; passwordHash: string | null },
  password: string,
  policy: ServicePasswordPolicy,
  /** Where the request carried the password, named in messages (e.g. body.servicePassword). */
  field = QUERY_FIELD,
): Promise<{ weak: boolean }> {
  const { msisdn } = line;
  const lockedUntil = await servicePasswordLockedUntil(db, msisdn);
  if (lockedUntil) throw locked(field, msisdn, lockedUntil);
  if (!(await passwordMatches(password, line.passwordHash))) {
    const nowLocked = await recordServicePasswordFailure(db, msisdn, policy);
    throw new AppError(
      'ServicePasswordInvalid',
      `${field}: the service password does not match the line ${msisdn}` +
        (nowLocked ? `; too many wrong ones, checks are refused until ${nowLocked.toISOString()}` : ''),
      nowLocked ? { lockedUntil: nowLocked.toISOString() } : undefined,
    );
  }
  if (!(await claimServicePasswordSuccess(db, msisdn))) {
    const until = await servicePasswordLockedUntil(db, msisdn);
    if (until) throw locked(field, msisdn, until);
  }
  return { weak: isWeakServicePassword(password, msisdn) };
}
