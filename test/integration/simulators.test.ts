import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpAdapters } from '../../activities/adapters/http';
import { SubscriberExistsError } from '../../activities/adapters/hlr';
import { TransientOutsideError } from '../../activities/adapters/simulation';
import { startSimulators } from '../../simulators/host';
import { openAccountBody, portInBody } from '../support/fixtures';
import type { Harness } from '../support/harness';
import { startSignedInHarness } from '../support/harness';
import { submitOrder, waitForOrder } from '../support/orders';

describe('the simulated outside systems as a process of their own', () => {
  let h: Harness;
  let token: string;
  beforeAll(
    async () =>
      ({ h, token } = await startSignedInHarness({
        config: { MNP_SWITCH_WINDOW: '0-23', MNP_SWITCH_OVER_DELAY_SECONDS: '1' },
      })),
  );
  afterAll(async () => h?.close());

  it('OPS: an opened account switches its line on in the simulated HLR, read back over its control routes', async () => {
    const res = await submitOrder(h.app, token, openAccountBody());
    expect(res.statusCode).toBe(202);
    const order = await waitForOrder(h.app, token, res.json<{ id: string }>().id);
    expect(order.status).toBe('completed');
    const msisdn = String(order.summary.msisdn);
    const subscriber = await h.sim.hlr.subscriber(msisdn);
    expect(subscriber?.barred).toBe(false);
    expect(subscriber?.hlrRef).toMatch(/^HLR-/);
    expect(await h.sim.hlr.subscriber('13000000000')).toBeNull();
  });

  it("MNP-5: the clearing system's answer reaches the port-in through the API's signed callback route", async () => {
    const res = await submitOrder(h.app, token, portInBody('13312349001', { authorizationCode: 'ZX98YU' }));
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();
    const order = await waitForOrder(h.app, token, id);
    expect(order.status).toBe('completed');
    const [portIn] = await h.sim.clearing.portIns({ orderId: id });
    expect(portIn).toMatchObject({ msisdn: '13312349001', cancelled: false, answer: { accepted: true } });
    // The clearing system keeps a digest of the code, never the code.
    expect(JSON.stringify(portIn)).not.toContain('ZX98YU');
    expect(portIn?.authorizationCodeSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('OPS: the adapters keep their refusals over HTTP; a behaviour set through the control routes applies', async () => {
    const adapters = httpAdapters(h.simulatorsUrl);
    await adapters.hlr.provision({ requestId: 'p-1', msisdn: '13900009999', imsi: 'i', services: ['voice'] });
    await expect(
      adapters.hlr.provision({ requestId: 'p-2', msisdn: '13900009999', imsi: 'i', services: ['voice'] }),
    ).rejects.toBeInstanceOf(SubscriberExistsError);
    await h.sim.setBehaviour('sms', { failureRate: 1 });
    await expect(
      adapters.sms.send({ eventKey: 'e', msisdn: '13900009999', text: 't' }),
    ).rejects.toBeInstanceOf(TransientOutsideError);
    expect(await h.sim.behaviour('sms')).toEqual({ latencyMs: 0, failureRate: 1 });
    await h.sim.setBehaviour('sms', { failureRate: 0 });
  });

  it('GRP-4, GRP-6: BBOSS takes an order once per requestId, answers it when asked after its delay, and applies a member change once', async () => {
    const { bboss } = httpAdapters(h.simulatorsUrl);
    const submission = {
      requestId: 'bb-1',
      orderId: 'GroupProduct:none',
      action: 'open' as const,
      groupCode: 'G-SIM-1',
      productCode: 'P-1',
      tariffNeedsApproval: false,
    };
    const first = await bboss.submitOrder(submission);
    expect(await bboss.submitOrder(submission)).toEqual(first);
    await vi.waitFor(async () =>
      expect(await bboss.queryOrder(first)).toMatchObject({
        state: 'answered',
        answer: { outcome: 'completed' },
      }),
    );
    expect(await bboss.queryOrder({ bbossRef: 'BBOSS-99999999' })).toEqual({
      state: 'unknown',
      bbossRef: 'BBOSS-99999999',
    });
    const sync = {
      requestId: 'm-1',
      groupCode: 'G-SIM-1',
      productCode: 'P-1',
      changes: [{ action: 'add' as const, msisdn: '13900001111' }],
    };
    await bboss.syncMembers(sync);
    expect(await bboss.syncMembers(sync)).toEqual({ results: [{ msisdn: '13900001111', accepted: true }] });
    expect(await h.sim.bboss.appliedMemberChanges({ groupCode: 'G-SIM-1' })).toEqual([
      { action: 'add', msisdn: '13900001111', groupCode: 'G-SIM-1', productCode: 'P-1' },
    ]);
    // No order of ours waits for this answer: the API refuses the callback, so it was not delivered.
    expect((await h.sim.bboss.orders()).find((o) => o.bbossRef === first.bbossRef)?.delivered).toBe(false);
  });

  it('Q-2: a placed call is posted, signed, to the API', async () => {
    const { callId } = await h.sim.telephony.placeCall({ callerMsisdn: '13900100005', agent: 'hotline01' });
    expect(callId).toMatch(/^CALL-/);
  });

  it('OPS: simulators started again on the same database keep what they held', async () => {
    const again = await startSimulators({
      config: h.config,
      databaseUrl: h.dbUrl,
      callbackApiUrl: () => h.apiUrl,
      demoBankAccounts: false,
    });
    try {
      expect(await again.control.hlr.subscriber('13900009999')).toMatchObject({ provisionedBy: 'p-1' });
      await vi.waitFor(async () => expect(await again.control.clearing.portIns()).toHaveLength(1));
    } finally {
      await again.stop();
    }
  });
});
