import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { MnpCallback, MnpCallbackSink } from '../domain/mnp-callbacks';
import { parseOrderId } from '../domain/orders';
import { portInAnsweredSignal } from '../workflows/contracts';

/**
 * REQ: MNP-5 — hands verified clearing-system callbacks to the workflows waiting for them: a
 * `portInAnswered` signals the port-in order it names; an order that does not exist (or is not a port-in)
 * is `unknownOrder`. `portOutRequested` is `unknownOrder` until port-out exists.
 */
export function createMnpCallbackSink(client: Client): MnpCallbackSink {
  return {
    async deliver(callback: MnpCallback) {
      if (callback.event !== 'portInAnswered') return 'unknownOrder';
      if (parseOrderId(callback.orderId)?.type !== 'portIn') return 'unknownOrder';
      try {
        await client.workflow.getHandle(callback.orderId).signal(portInAnsweredSignal, callback);
        return 'accepted';
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return 'unknownOrder';
        throw err;
      }
    },
  };
}
