import { mnpCallbackSchema, type MnpCallbackSink } from '../../domain/mnp-callbacks';
import { signBody, signedCallbackRoute } from '../plugins/signed-callback';

import { CLEARING_SIGNATURE_HEADER } from '../../infra/callback-signature';

export { CLEARING_SIGNATURE_HEADER };

/** Hex HMAC-SHA256 of the raw body with the shared secret: what the clearing system sends in the header. */
export const signClearingBody = signBody;

/** REQ: MNP-5 — callbacks of the central clearing system, signed with `MNP_CALLBACK_SECRET`. */
export function mnpCallbackRoutes(deps: { secret: string; sink: MnpCallbackSink }) {
  return signedCallbackRoute({
    path: '/callbacks/mnp',
    header: CLEARING_SIGNATURE_HEADER,
    secret: deps.secret,
    body: mnpCallbackSchema,
    tags: ['number portability'],
    summary: 'Callback of the number portability clearing system (携号转网回调)',
    description:
      'Called by the central clearing system, not by operators: `portInAnswered` (the donor answered ' +
      'our port-in) or `portOutRequested` (another operator asks for one of our numbers, quoting the ' +
      "holder's authorization code: it is checked here against the stored hash of the port-out order's " +
      'code and the order learns only the verdict — valid, wrong, expired or void after ' +
      '`MNP_AUTH_CODE_MAX_ATTEMPTS` wrong codes — never the code). Header ' +
      '`x-clearing-signature` must be the hex HMAC-SHA256 of the raw body with `MNP_CALLBACK_SECRET`; ' +
      'otherwise 401 `InvalidSignature`. A callback nothing waits for is 404 `OrderNotFound`. Callbacks ' +
      'may repeat; receiving one twice is harmless.',
    handle: async (callback, request) => {
      const outcome = await deps.sink.deliver(callback);
      if (outcome === 'unknownOrder') {
        const what =
          callback.event === 'portInAnswered'
            ? `order ${callback.orderId} (clearingRef ${callback.clearingRef})`
            : `port-out ${callback.clearingRef} of ${callback.msisdn}`;
        return { notFound: `No ${what} is waiting for a ${callback.event} callback` };
      }
      request.log.info({ event: callback.event, clearingRef: callback.clearingRef }, 'mnp callback');
      return true;
    },
  });
}
