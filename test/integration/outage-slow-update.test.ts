import { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient } from '../../infra/temporal-connection';
import { cancelOrderUpdate } from '../../workflows/contracts/orders-common';
import { verifiedCardPayment } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { openAccountBody, submitOrder, waitForOrder } from '../support/orders';

/** The API's Temporal deadline in this file: far shorter than the bank call the cancel has to wait for. */
const RPC_DEADLINE_MS = 1_000;

describe("the API's Temporal deadline and updates that take longer", () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness()));
  afterAll(async () => h?.close());

  it('ORD-6, ORD-3: a cancel that waits longer than TEMPORAL_RPC_DEADLINE_MS for the running step gets its real answer through the API connection, not a timeout', async () => {
    // The API's own connection (the deadline interceptor), to the test Temporal.
    const connection = await connectClient(
      { ...h.config, TEMPORAL_RPC_DEADLINE_MS: RPC_DEADLINE_MS },
      h.config.TEMPORAL_ADDRESS ?? '',
    );
    try {
      const client = new Client({ connection, namespace: h.config.TEMPORAL_NAMESPACE });
      await h.sim.setBehaviour('bank', { latencyMs: 3 * RPC_DEADLINE_MS });
      const submitted = await submitOrder(
        h.app,
        token,
        openAccountBody({ payment: await verifiedCardPayment(h.sim, '6222021111000991') }),
      );
      const id = submitted.json<{ id: string }>().id;
      // The cancel arrives while the bank verifies the card: it is honoured once that slow step has returned.
      await waitForOrder(h.app, token, id, (o) => o.step === 'verifyingBankAccount');
      const state = await client.workflow.getHandle(id).executeUpdate(cancelOrderUpdate, {
        args: [{ actor: 'store01', reason: 'customer changed their mind' }],
      });
      expect(state.status).toBe('cancelled');
    } finally {
      await h.sim.setBehaviour('bank', { latencyMs: 0 });
      await connection.close();
    }
  }, 60_000);
});
