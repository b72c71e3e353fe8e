import type { Db } from '../../db/client';
import { findQueryLine, type QueryLine } from '../../db/queries/line-queries';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import {
  queryAdvice,
  servedAdvice,
  withoutPassword,
  type Label,
  type LineQueryKind,
} from '../../domain/queries';
import { SERVICE_PASSWORD_HEADER } from '../access/self-service-auth';
import { checkServicePassword, type ServicePasswordPolicy } from '../access/service-password';
import { identifyCaller, type CallerQuery } from './query-caller';

/** What every line answer carries besides its data: the line, how it was served, what to tell the caller. */
export interface ServedMeta {
  msisdn: string;
  servedBy: 'ownLine' | 'servicePassword' | 'paymentDetails';
  advice: Label | null;
}

/** One question about a line: which line, who asks (call or document), the service password if given. */
export interface LineQuestion {
  msisdn: string;
  caller: CallerQuery;
  servicePassword: string | undefined;
  /** The caller gave a payment's amount and date (payment records, Q-1). */
  paymentDetailsGiven?: boolean;
}

export type LineAdmission = (
  principal: Principal,
  kind: LineQueryKind,
  question: LineQuestion,
) => Promise<{ line: QueryLine; meta: ServedMeta }>;

/**
 * REQ: — the line, once the caller may be told about it: who the caller is to the line (call or
 * document, never a typed number), then the item's rule, then the service password when it is needed.
 */
export function createLineAdmission(deps: {
  db: Db;
  policy: ServicePasswordPolicy;
  maxCallMinutes: number;
}): LineAdmission {
  const { db, policy } = deps;
  return async (principal, kind, { msisdn, caller, servicePassword, paymentDetailsGiven = false }) => {
    const line = await findQueryLine(db, msisdn);
    if (!line) throw new AppError('SubscriberNotFound', `params.msisdn: ${msisdn} is not a line of ours`);
    const who = await identifyCaller(db, principal, caller, line, deps.maxCallMinutes);
    const facts = { ownLine: who.ownLine, realNameVerified: line.realNameVerified, paymentDetailsGiven };
    if (servicePassword === undefined) {
      const decision = withoutPassword(kind, facts);
      if (decision.serve) return { line, meta: { msisdn, servedBy: decision.servedBy, advice: null } };
      if (who.identityMismatch && withoutPassword(kind, { ...facts, ownLine: true }).serve) {
        throw new AppError(
          'IdentityMismatch',
          `query.idNumber: the document shown is not that of the owner of ${msisdn}, so it is another line: ` +
            `${kind} needs the service password (Q-2)`,
          { advice: queryAdvice.otherLine },
        );
      }
      throw new AppError(
        'ServicePasswordRequired',
        `headers.${SERVICE_PASSWORD_HEADER}: ${kind} of ${msisdn} is answered here only with the service ` +
          `password (Q-2). ${decision.advice.en}`,
        { advice: decision.advice },
      );
    }
    const { weak } = await checkServicePassword(db, line, servicePassword, policy);
    return {
      line,
      meta: {
        msisdn,
        servedBy: 'servicePassword',
        advice: servedAdvice({ weakPassword: weak, ...facts }),
      },
    };
  };
}
