import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { subscribers } from '../db/schema';
import type { MnpCallback, MnpCallbackSink } from '../domain/mnp-callbacks';
import { parseOrderId } from '../domain/orders';
import { portInAnsweredSignal, portOutRequestedSignal } from '../workflows/contracts';

/**
 * REQ: MNP-5 — hands verified clearing-system callbacks to the workflows waiting for them: a
 * `portInAnswered` signals the port-in order it names; a `portOutRequested` signals the port-out order that
 * holds the line (`locked_by`). No such order (or no `db` given) is `unknownOrder`.
 */
export function createMnpCallbackSink(client: Client, db?: DbOrTx): MnpCallbackSink {
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
        if (!db) return 'unknownOrder';
        const [line] = await db
          .select({ lockedBy: subscribers.lockedBy })
          .from(subscribers)
          .where(eq(subscribers.msisdn, callback.msisdn));
        const orderId = line?.lockedBy;
        if (!orderId || parseOrderId(orderId)?.type !== 'portOut') return 'unknownOrder';
        return signal(() => client.workflow.getHandle(orderId).signal(portOutRequestedSignal, callback));
      }
      if (parseOrderId(callback.orderId)?.type !== 'portIn') return 'unknownOrder';
      return signal(() => client.workflow.getHandle(callback.orderId).signal(portInAnsweredSignal, callback));
    },
  };
}
