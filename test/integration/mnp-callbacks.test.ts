import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signClearingBody } from '../../api/callbacks/mnp-callbacks';
import type { MnpCallback } from '../../domain/mnp-callbacks';
import { startHarness, type Harness } from '../support/harness';

describe('API: MNP-5 clearing system callbacks', () => {
  let h: Harness;
  const received: MnpCallback[] = [];
  const knownOrders = new Set(['order-1']);
  beforeAll(async () => {
    h = await startHarness({
      noWorker: true,
      mnpCallbacks: {
        deliver: async (callback) => {
          const known =
            callback.event === 'portInAnswered' ? knownOrders.has(callback.orderId) : callback.msisdn !== '';
          if (!known) return 'unknownOrder';
          received.push(callback);
          return 'accepted';
        },
      },
    });
  });
  afterAll(async () => h?.close());
  beforeEach(() => {
    received.length = 0;
  });

  // Keys deliberately not in schema order: the signature covers the bytes sent, not a re-serialisation.
  const accepted = JSON.stringify({
    orderId: 'order-1',
    event: 'portInAnswered',
    accepted: true,
    switchOverAt: '2026-03-02T00:00:00+08:00',
    clearingRef: 'CLR-IN-1',
  });

  const post = (payload: string, signature?: string) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/callbacks/mnp',
      headers: {
        'content-type': 'application/json',
        ...(signature === undefined ? {} : { 'x-clearing-signature': signature }),
      },
      payload,
    });
  const signed = (payload: string) => post(payload, signClearingBody(h.config.MNP_CALLBACK_SECRET, payload));

  it('MNP-5: a correctly signed callback reaches the sink without an operator token', async () => {
    const res = await signed(accepted);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ received: true });
    expect(received).toEqual([JSON.parse(accepted)]);

    const portOut = JSON.stringify({
      event: 'portOutRequested',
      clearingRef: 'CLR-OUT-2',
      msisdn: '13900100021',
      authorizationCode: 'AUTH-9',
      recipientOperator: 'CUCC',
    });
    expect((await signed(portOut)).statusCode).toBe(202);
    expect(received[1]).toMatchObject({ event: 'portOutRequested', clearingRef: 'CLR-OUT-2' });
  });

  it('MNP-5: a wrong signature is refused with 401 and nothing is delivered', async () => {
    const wrongSecret = await post(accepted, signClearingBody('not-the-secret', accepted));
    expect(wrongSecret.statusCode).toBe(401);
    expect(wrongSecret.json()).toMatchObject({ code: 'InvalidSignature', reason: '回调签名无效' });
    const tampered = await post(
      accepted.replace('order-1', 'order-2'),
      signClearingBody(h.config.MNP_CALLBACK_SECRET, accepted),
    );
    expect(tampered.statusCode).toBe(401);
    const notHex = await post(accepted, 'zz');
    expect(notHex.statusCode).toBe(401);
    expect(received).toEqual([]);
  });

  it('MNP-5: a missing signature header is refused with 401', async () => {
    const res = await post(accepted);
    expect(res.statusCode).toBe(401);
    expect(res.json<{ message: string }>().message).toContain('headers.x-clearing-signature');
    expect(received).toEqual([]);
  });

  it('MNP-5: a callback without orderId is refused 400, a rejection without reasonCode 422 BusinessRuleViolated, each naming the field', async () => {
    const noOrder = JSON.stringify({ event: 'portInAnswered', clearingRef: 'CLR-IN-1', accepted: true });
    const res = await signed(noOrder);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'ValidationFailed' });
    expect(res.json<{ message: string }>().message).toContain('body.orderId');

    const rejectedWithoutReason = JSON.stringify({
      event: 'portInAnswered',
      clearingRef: 'CLR-IN-1',
      orderId: 'order-1',
      accepted: false,
    });
    const res2 = await signed(rejectedWithoutReason);
    expect(res2.statusCode).toBe(422);
    expect(res2.json()).toMatchObject({ code: 'BusinessRuleViolated' });
    expect(res2.json<{ message: string }>().message).toContain('body.reasonCode');
    expect(received).toEqual([]);
  });

  it('MNP-5: a callback for an order nothing waits for is 404 OrderNotFound', async () => {
    const unknown = accepted.replace('order-1', 'order-404');
    const res = await signed(unknown);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'OrderNotFound', reason: '订单不存在' });
  });

  it('MNP-5: other JSON routes still parse normally', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { operatorId: 'store01', password: 'nope', channelCode: 'STORE-BJ-001' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'InvalidCredentials' });
  });
});
