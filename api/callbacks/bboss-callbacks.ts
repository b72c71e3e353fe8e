import { bbossCallbackSchema, type BbossCallbackSink } from '../../domain/bboss-callbacks';
import { signedCallbackRoute } from '../plugins/signed-callback';

import { BBOSS_SIGNATURE_HEADER } from '../../infra/callback-signature';

export { BBOSS_SIGNATURE_HEADER };

/** REQ: GRP-4 — BBOSS's answers to group product orders, signed with `BBOSS_CALLBACK_SECRET`. */
export function bbossCallbackRoutes(deps: { secret: string; sink: BbossCallbackSink }) {
  return signedCallbackRoute({
    path: '/callbacks/bboss',
    header: BBOSS_SIGNATURE_HEADER,
    secret: deps.secret,
    body: bbossCallbackSchema,
    tags: ['group business'],
    summary: 'Callback of BBOSS, the national group business platform (BBOSS 回调)',
    description:
      'Called by BBOSS, not by operators: `orderAnswered` tells how a group product order it accepted ' +
      'earlier ended (`completed` or `rejected` with reasonCode and reason). Header `x-bboss-signature` ' +
      'must be the hex HMAC-SHA256 of the raw body with `BBOSS_CALLBACK_SECRET`; otherwise 401 ' +
      '`InvalidSignature`. A callback no running order waits for is 404 `OrderNotFound`. Callbacks may ' +
      'repeat; the first answer counts.',
    handle: async (callback, request) => {
      const outcome = await deps.sink.deliver(callback);
      if (outcome === 'unknownOrder') {
        return {
          notFound: `No order ${callback.orderId} (BBOSS ${callback.bbossRef}) is waiting for an answer`,
        };
      }
      request.log.info({ bbossRef: callback.bbossRef, outcome: callback.outcome }, 'bboss callback');
      return true;
    },
  });
}
