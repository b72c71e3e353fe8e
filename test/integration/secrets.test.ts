import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, orderEvents, orders, parkedSecrets, portOutCodes, smsMessages } from '../../db/schema';
import { openAccountBody, sampleIndividual } from '../support/fixtures';
import { startHarness, type Harness } from '../support/harness';
import { holdsSecret, workflowHistoryText } from '../support/history';
import { submitOrder, waitForOrder } from '../support/orders';
import { ownerIdentity } from '../support/service-changes';

/**
 * REQ: OPEN-6, Q-1, MNP-5 — the secrets a customer gives or gets (service passwords, number-porting
 * authorization codes) never travel in clear: not in a workflow history (input, activity arguments and results,
 * signals, updates), not in the read model, not in a log line. One run of each business that carries one:
 * an account opening with a service password, a customer-data change with a new one, a port-out through the
 * clearing system's callback, and a port-in.
 */
describe('secrets stay out of histories, the read model and the logs', () => {
  const logLines: string[] = [];
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    h = await startHarness({
      logLines,
      config: { MNP_SWITCH_WINDOW: '0-23', MNP_SWITCH_OVER_DELAY_SECONDS: '1' },
    });
    token = await h.login();
  });
  afterAll(async () => h?.close());

  const openingPassword = '582913';
  const changedPassword = '604182';
  const portInCode = 'Q7W3ZK';
  const portOutLine = '13900100018';
  let portOutCode = '';
  const orderIds: string[] = [];

  const run = async (body: Record<string, unknown>, until?: (o: { status: string }) => boolean) => {
    const res = await submitOrder(h.app, token, body);
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    orderIds.push(id);
    return { id, order: await waitForOrder(h.app, token, id, until) };
  };

  beforeAll(async () => {
    const opened = await run(openAccountBody({ servicePassword: openingPassword }));
    expect(opened.order.status).toBe('completed');

    const changed = await run({
      type: 'changeCustomerData',
      msisdn: '13900100017',
      contactPhone: '13911113333',
      servicePassword: changedPassword,
      identity: ownerIdentity('13900100017'),
    });
    expect(changed.order.status).toBe('completed');

    const portIn = await run({
      type: 'portIn',
      msisdn: '13312349001',
      donorOperator: 'China Telecom',
      authorizationCode: portInCode,
      customer: sampleIndividual,
      agreementSigned: true,
      channel: 'store',
      productCode: 'VOICE-58',
      payment: { method: 'cash' },
    });
    expect(portIn.order.status).toBe('completed');

    const portOut = await run(
      { type: 'portOut', msisdn: portOutLine, identity: ownerIdentity(portOutLine) },
      (o) => o.status === 'pending',
    );
    portOutCode = await vi.waitFor(async () => {
      const code = (await h.sim.sms.inbox(portOutLine))
        .map((m) => /授权码为 ([A-Z0-9]{6})/.exec(m.text)?.[1])
        .find((c) => c !== undefined);
      if (!code) throw new Error('no code texted yet');
      return code;
    });
    // The recipient operator quotes the code through the clearing system's signed callback.
    await h.sim.clearing.requestPortOut({
      msisdn: portOutLine,
      authorizationCode: portOutCode,
      recipientOperator: 'China Unicom',
    });
    expect((await waitForOrder(h.app, token, portOut.id)).status).toBe('completed');
  }, 120_000);

  const secrets = () => [openingPassword, changedPassword, portInCode, portOutCode];

  it('OPEN-6 Q-1 MNP-5: no workflow history holds a service password or an authorization code in clear', async () => {
    expect(orderIds).toHaveLength(4);
    for (const id of orderIds) {
      const history = await workflowHistoryText(h.client, id);
      for (const secret of secrets()) expect(holdsSecret(history, secret), `${secret} in ${id}`).toBe(false);
    }
  });

  it('OPEN-6 Q-1 MNP-5: the read model and the audit log hold none of them', async () => {
    const rows = JSON.stringify([
      await h.db.select().from(orders).where(inArray(orders.id, orderIds)),
      await h.db.select().from(orderEvents).where(inArray(orderEvents.orderId, orderIds)),
      await h.db.select().from(auditLog),
      await h.db.select().from(smsMessages),
      await h.db.select().from(portOutCodes),
      await h.db.select().from(parkedSecrets),
    ]);
    for (const secret of secrets()) expect(holdsSecret(rows, secret), secret).toBe(false);
    // What is kept is a hash (or, for a code still to be passed on, a sealed value, wiped once used).
    const parked = await h.db.select().from(parkedSecrets).where(inArray(parkedSecrets.orderId, orderIds));
    expect(parked.map((p) => p.kind).sort()).toEqual([
      'authorizationCode',
      'servicePassword',
      'servicePassword',
    ]);
    for (const p of parked) expect(p.sealed).toBeNull();
    const [code] = await h.db.select().from(portOutCodes).where(eq(portOutCodes.msisdn, portOutLine));
    expect(code?.codeHash).toMatch(/^\S{20,}$/);
  });

  it('OPEN-6 Q-1 MNP-5: no log line of the API or the worker holds any of them', () => {
    // The requests were logged (so an empty log proves nothing): the order submissions are there.
    expect(logLines.some((l) => l.includes('/api/v1/orders'))).toBe(true);
    // …and so was the worker running them (its lines name the workflow).
    expect(logLines.some((l) => l.includes('"workflowId"') && l.includes(orderIds[0] ?? '-'))).toBe(true);
    for (const secret of secrets()) {
      expect(
        logLines.filter((l) => holdsSecret(l, secret)),
        secret,
      ).toEqual([]);
    }
  });
});
