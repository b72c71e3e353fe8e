import type { Db } from '../../db/client';
import { findChannel } from '../../db/queries/access';
import { findSubscriber } from '../../db/queries/subscribers';
import { AppError } from '../../domain/errors';
import { checkServicePassword, type ServicePasswordPolicy } from './service-password';

/**
 * How a customer without an operator token is let in (REQ: WO-1 self-service, CH-3, Q-1): the request names
 * the website channel it came through (site, official account, mini program), and the customer proves the
 * line with its service password (服务密码).
 */

/** The header that names the self-service channel (接口编码) a customer's request came through. */
export const CHANNEL_HEADER = 'x-channel-code';
/** The header that carries the service password on reads (never in a URL, so never in access logs). */
export const SERVICE_PASSWORD_HEADER = 'x-service-password';

/** REQ: WO-1, CH-3 — the channel must be an active channel of type `website`; anything else is 403. */
export async function requireSelfServiceChannel(db: Db, channelCode: string): Promise<void> {
  const channel = await findChannel(db, channelCode);
  if (!channel || !channel.active || channel.type !== 'website') {
    throw new AppError(
      'ChannelNotAllowed',
      `headers.${CHANNEL_HEADER}: ${channelCode} is not an active self-service (website) channel; customers ` +
        'create and follow work orders only through the operator website, official account or mini program',
    );
  }
}

/**
 * REQ: WO-1, Q-1 — the service password must match the line's, checked with the same attempt counting and
 * lockout as staff queries (a line locked here is locked there too). A wrong password, a line without one and
 * a number that is not (or no longer) ours get the same answer, and take about as long (a bcrypt comparison
 * is made in every case), so the answer does not tell which lines exist.
 */
export async function verifyServicePassword(
  db: Db,
  msisdn: string,
  password: string,
  policy: ServicePasswordPolicy,
  /** Where the request carried the password, for the message (e.g. body.servicePassword). */
  field: string,
): Promise<void> {
  const line = await findSubscriber(db, msisdn);
  const passwordHash = line && line.status !== 'cancelled' ? line.servicePasswordHash : null;
  await checkServicePassword(db, { msisdn, passwordHash }, password, policy, field);
}
