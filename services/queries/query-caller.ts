import type { Db } from '../../db/client';
import { findCall, type CallSession } from '../../db/queries/call-sessions';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { identityCheckChannels, identityMatches } from '../../domain/queries';
import { callIsLive } from '../../domain/telephony';

/** How a query says who is asking: the hotline call it serves, or the owner's document shown at a store. */
export interface CallerQuery {
  callId?: string | undefined;
  idType?: string | undefined;
  idNumber?: string | undefined;
}

/**
 * REQ: Q-2 — a call the asking agent may use: reported started by the telephony side, put through to this
 * operator, not ended and not older than `maxMinutes` (a lost end event does not keep it usable for ever).
 */
export async function usableCall(
  db: Db,
  principal: Principal,
  callId: string,
  maxMinutes: number,
): Promise<CallSession> {
  const call = await findCall(db, callId);
  if (!call) {
    throw new AppError('CallNotFound', `query.callId: the telephony side reported no call ${callId}`);
  }
  if (call.agentId !== principal.operatorId) {
    throw new AppError(
      'CallNotYours',
      `query.callId: call ${callId} was put through to another agent, not ${principal.operatorId}`,
    );
  }
  const state = callIsLive(call, new Date(), maxMinutes);
  if (state !== 'live') {
    throw new AppError(
      'CallEnded',
      state === 'ended'
        ? `query.callId: call ${callId} has ended`
        : `query.callId: call ${callId} started more than ${maxMinutes} minutes ago (TELEPHONY_CALL_MAX_MINUTES)`,
    );
  }
  return call;
}

/**
 * REQ: Q-2 — whether the line asked about is the caller's own line (本机), never from a number typed by the
 * agent. At the hotline (call-centre channel) the query names its call (`callId`) and the own line is the
 * number the call came from. At a store (own store, agent outlet) the owner's identity document, checked in
 * person, makes it the own line; a document that is not the owner's is reported as such. Anything else is
 * another line.
 */
export async function identifyCaller(
  db: Db,
  principal: Principal,
  query: CallerQuery,
  line: { msisdn: string; ownerIdType: string | null; ownerIdNumber: string | null },
  maxMinutes: number,
): Promise<{ ownLine: boolean; identityMismatch: boolean }> {
  const { callId, idType, idNumber } = query;
  const documentShown = idType !== undefined && idNumber !== undefined;
  if (documentShown && !(identityCheckChannels as readonly string[]).includes(principal.channelType)) {
    throw new AppError(
      'IdentityNotInPerson',
      `query.idNumber: an identity document counts as the own line only when checked in person at a store ` +
        `(${identityCheckChannels.join(', ')}); on a ${principal.channelType} channel the hotline call ` +
        '(callId) identifies the own line',
    );
  }
  if (principal.channelType === 'callCentre' && callId === undefined) {
    throw new AppError(
      'CallRequired',
      'query.callId: a hotline query names the call it serves; the own line (本机) is the number the call ' +
        'came from, as the telephony side reported it',
    );
  }
  if (callId !== undefined) {
    const call = await usableCall(db, principal, callId, maxMinutes);
    return { ownLine: call.callerMsisdn === line.msisdn, identityMismatch: false };
  }
  if (documentShown) {
    const matched = identityMatches(
      { idType, idNumber },
      { idType: line.ownerIdType, idNumber: line.ownerIdNumber },
    );
    return { ownLine: matched, identityMismatch: !matched };
  }
  return { ownLine: false, identityMismatch: false };
}
