import type { Db } from '../../db/client';
import { operatorExists, recordCallEnd, recordCallStart } from '../../db/queries/call-sessions';
import { AppError } from '../../domain/errors';
import { nationalNumber, telephonyEventSchema } from '../../domain/telephony';
import { signedCallbackRoute } from '../plugins/signed-callback';

import { TELEPHONY_SIGNATURE_HEADER } from '../../infra/callback-signature';

export { TELEPHONY_SIGNATURE_HEADER };

/**
 * REQ: Q-2 — call events of the call-centre telephony side, signed with `TELEPHONY_CALLBACK_SECRET`. A
 * `callStarted` event is what lets a hotline query treat the calling number as the own line (本机).
 */
export function telephonyCallbackRoutes(deps: { db: Db; secret: string }) {
  const { db } = deps;
  return signedCallbackRoute({
    path: '/callbacks/telephony',
    header: TELEPHONY_SIGNATURE_HEADER,
    secret: deps.secret,
    body: telephonyEventSchema,
    tags: ['queries'],
    summary: 'Call events of the call-centre telephony side (来电事件)',
    description:
      'Called by the telephony side (switch / CTI), not by operators. `callStarted` `{ callId, callerMsisdn, ' +
      'agent, startedAt? }`: a hotline call from `callerMsisdn` (the calling line as the switch identified ' +
      'it; +86/0086/86 before a mobile number is dropped) was put through to the operator `agent`; queries ' +
      'then carry `callId`, and only that agent may use it. `callEnded` `{ callId, endedAt? }`: the call no ' +
      'longer identifies its caller. Header `x-telephony-signature` must be the hex HMAC-SHA256 of the raw ' +
      'body with `TELEPHONY_CALLBACK_SECRET`; otherwise 401 `InvalidSignature`. Events may repeat: the first ' +
      'counts; a `callStarted` repeating a call ID with another caller or agent is 409 `CallIdReused`. An ' +
      'unknown agent is 404 `NoSuchOperator`; ending an unknown call is 422 `CallNotFound`. REQ: Q-2.',
    handle: async (event, request) => {
      if (event.event === 'callStarted') {
        if (!(await operatorExists(db, event.agent))) {
          throw new AppError('NoSuchOperator', `body.agent: no operator ${event.agent}`);
        }
        const callerMsisdn = nationalNumber(event.callerMsisdn);
        const stored = await recordCallStart(db, {
          callId: event.callId,
          callerMsisdn,
          agentId: event.agent,
          startedAt: event.startedAt ? new Date(event.startedAt) : new Date(),
        });
        if (stored.callerMsisdn !== callerMsisdn || stored.agentId !== event.agent) {
          throw new AppError(
            'CallIdReused',
            `body.callId: ${event.callId} is already a call from another number or to another agent`,
          );
        }
        request.log.info({ callId: event.callId, agent: event.agent }, 'telephony: call started');
        return true;
      }
      const endedAt = event.endedAt ? new Date(event.endedAt) : new Date();
      if (!(await recordCallEnd(db, event.callId, endedAt))) {
        throw new AppError('CallNotFound', `body.callId: no call ${event.callId} was reported started`);
      }
      request.log.info({ callId: event.callId }, 'telephony: call ended');
      return true;
    },
  });
}
