import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { findPortOutCode } from '../../db/queries/port-out-codes';
import { subscribers } from '../../db/schema';
import {
  portOutCodeVerdict,
  type MnpCallback,
  type MnpCallbackSink,
  type PortOutRequestVerdict,
} from '../../domain/mnp-callbacks';
import { authorizationCodeMatches } from '../../infra/authorization-codes';
import type { AppConfig } from '../../temporal.config';
import { parsePortInOrderId, portInAnsweredSignal } from '../../workflows/contracts/port-in';
import { parsePortOutOrderId, portOutRequestedSignal } from '../../workflows/contracts/port-out';

/** What the sink needs to judge a port-out request: the database and the code settings. */
export interface PortOutCodeCheck {
  db: DbOrTx;
  /** `SECRETS_KEY` keys the stored code hashes; `MNP_AUTH_CODE_MAX_ATTEMPTS` voids a code. */
  config: Pick<AppConfig, 'SECRETS_KEY' | 'MNP_AUTH_CODE_MAX_ATTEMPTS'>;
  /** Clock for the expiry; tests pass a fixed one. */
  now?: () => Date;
}

/**
 * REQ: MNP-5 — hands verified clearing-system callbacks to the workflows waiting for them: a
 * `portInAnswered` signals the port-in order it names; a `portOutRequested` is judged here against the
 * stored hash of the code of the port-out order that holds the line (`locked_by`), and that order is
 * signalled the verdict only — the code quoted never enters a signal or a workflow history. No such order
 * (or no `portOut` check given) is `unknownOrder`.
 */
export function createMnpCallbackSink(client: Client, portOut?: PortOutCodeCheck): MnpCallbackSink {
  const signal = async (run: () => Promise<void>) => {
    try {
      await run();
      return 'accepted' as const;
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return 'unknownOrder' as const;
      throw err;
    }
  };
  return {
    async deliver(callback: MnpCallback) {
      if (callback.event === 'portOutRequested') {
        if (!portOut) return 'unknownOrder';
        const { db, config } = portOut;
        const [line] = await db
          .select({ lockedBy: subscribers.lockedBy })
          .from(subscribers)
          .where(eq(subscribers.msisdn, callback.msisdn));
        const orderId = line?.lockedBy;
        if (!orderId || !parsePortOutOrderId(orderId)) return 'unknownOrder';
        const code = await findPortOutCode(db, orderId);
        const verdict: PortOutRequestVerdict = {
          clearingRef: callback.clearingRef,
          recipientOperator: callback.recipientOperator,
          verdict: portOutCodeVerdict(
            code && {
              matches: authorizationCodeMatches(
                config.SECRETS_KEY,
                orderId,
                callback.authorizationCode,
                code.codeHash,
              ),
              failedAttempts: code.failedAttempts,
              expiresAt: code.expiresAt,
            },
            { maxAttempts: config.MNP_AUTH_CODE_MAX_ATTEMPTS, now: (portOut.now ?? (() => new Date()))() },
          ),
        };
        return signal(() => client.workflow.getHandle(orderId).signal(portOutRequestedSignal, verdict));
      }
      if (!parsePortInOrderId(callback.orderId)) return 'unknownOrder';
      return signal(() => client.workflow.getHandle(callback.orderId).signal(portInAnsweredSignal, callback));
    },
  };
}
