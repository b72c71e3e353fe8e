import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { BbossCallback, BbossCallbackSink } from '../../domain/bboss-callbacks';
import { bbossAnsweredSignal, parseGroupProductOrderId } from '../../workflows/contracts/group-product';

/**
 * REQ: GRP-4 — hands verified BBOSS callbacks to the group product order waiting for them (the order ID is in
 * the callback). An order waits for as long as BBOSS works on it, so a late answer still finds it; a callback
 * for no such running order (never ours, or already ended) is `unknownOrder`.
 */
export function createBbossCallbackSink(client: Client): BbossCallbackSink {
  return {
    async deliver(callback: BbossCallback) {
      if (!parseGroupProductOrderId(callback.orderId)) return 'unknownOrder';
      try {
        await client.workflow.getHandle(callback.orderId).signal(bbossAnsweredSignal, callback);
        return 'accepted';
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) return 'unknownOrder';
        throw err;
      }
    },
  };
}
