import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { findSubscriber } from '../../db/queries/subscribers';
import { outlets, responseTeams, segmentCities } from '../../db/schema';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { complaintEscalation, greenChannelCategories, refusedCommitments } from '../../domain/green-channel';
import type { CreateGreenChannelRequest } from '../../domain/work-orders';
import { isVipLine, screenWorkOrder } from '../orders/customer-screening';
import { checkServicePassword, type ServicePasswordPolicy } from '../access/service-password';

/** Where a green-channel work order goes: the customer's home city and its response team's outlet. */
export interface GreenChannelRoute {
  city: string;
  outletCode: string;
  /** REQ: CUST-1 — the line's owner is a VIP customer: first among equal priority in the queue. */
  vip: boolean;
}

/**
 * REQ: GC-1…GC-3 — what a green-channel request is checked for before its work order starts, each refusal a
 * 4xx naming the field and the rule: no promise beyond the actor's authority (GC-3), the service password of
 * an entrusted acceptance (GC-2), no new business for a blacklisted customer (CUST-2), and the home city's
 * response team it goes to (GC-1).
 */
export async function checkGreenChannel(
  db: Db,
  principal: Principal,
  request: CreateGreenChannelRequest,
  policy: ServicePasswordPolicy,
): Promise<GreenChannelRoute> {
  const { msisdn } = request.customer;
  checkCommitments(principal, request);
  if (request.type === 'entrustedAcceptance') {
    await verifyServicePassword(db, msisdn, request.servicePassword, policy);
  }
  await screenWorkOrder(db, greenChannelCategories[request.type], msisdn);
  return { ...(await routeToResponseTeam(db, msisdn)), vip: await isVipLine(db, msisdn) };
}

/** REQ: GC-3 — refuses the whole request when any promise is beyond the actor's authority, offering escalation. */
function checkCommitments(principal: Principal, request: CreateGreenChannelRequest): void {
  const refused = refusedCommitments(request.commitments, principal.roles);
  if (refused.length === 0) return;
  throw new AppError(
    'CommitmentBeyondAuthority',
    `${refused.map((r) => `body.${r.field}: ${r.en}`).join('; ')}. ${complaintEscalation.en}`,
    { refused, escalation: complaintEscalation },
  );
}

/**
 * REQ: GC-2, Q-1 — entrusted acceptance (营业厅业务委托受理) is only for a customer who proved the line is
 * theirs with its service password, checked with the lockout every service-password check shares; the
 * password goes no further.
 */
async function verifyServicePassword(
  db: Db,
  msisdn: string,
  password: string | undefined,
  policy: ServicePasswordPolicy,
): Promise<void> {
  if (password === undefined) {
    throw new AppError(
      'ServicePasswordRequired',
      'body.servicePassword: entrusted acceptance needs the service password of the customer’s line',
    );
  }
  const line = await findSubscriber(db, msisdn);
  if (!line || line.status === 'cancelled') {
    throw new AppError(
      'ServicePasswordInvalid',
      `body.customer.msisdn: ${msisdn} is not a line of ours, so its service password cannot be verified`,
    );
  }
  const passwordHash = line.servicePasswordHash;
  await checkServicePassword(db, { msisdn, passwordHash }, password, policy, 'body.servicePassword');
}

/**
 * REQ: GC-1 — the work order goes to the response team (客响) of the customer's home city (归属地市), found
 * from the number's segment: its first 7 digits.
 */
async function routeToResponseTeam(db: Db, msisdn: string): Promise<Omit<GreenChannelRoute, 'vip'>> {
  const segment = msisdn.slice(0, 7);
  const [row] = await db
    .select({ city: segmentCities.city, outletCode: outlets.code })
    .from(segmentCities)
    .leftJoin(responseTeams, eq(responseTeams.city, segmentCities.city))
    .leftJoin(outlets, and(eq(outlets.code, responseTeams.outletCode), eq(outlets.active, true)))
    .where(eq(segmentCities.segment, segment));
  if (!row) {
    throw new AppError(
      'NoResponseTeam',
      `body.customer.msisdn: the home city of number segment ${segment} is unknown, so no response team can take the work order`,
    );
  }
  if (!row.outletCode) {
    throw new AppError(
      'NoResponseTeam',
      `body.customer.msisdn: ${row.city} (home city of segment ${segment}) has no response team at an active outlet`,
    );
  }
  return { city: row.city, outletCode: row.outletCode };
}
