import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { workOrders } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';
import { newKey } from '../support/orders';

/**
 * The hotline → store green channel (热线—营业厅服务绿色通道, REQ: GC-1…GC-3) through the API against the real
 * Temporal server and PostgreSQL: who may open one, where it goes, the service password of an entrusted
 * acceptance, and promises beyond the actor's authority.
 */

let h: Harness;
let duty: string;
let hotline: string;
let admin: string;

beforeAll(async () => {
  h = await startHarness();
  [duty, hotline, admin] = await Promise.all([
    h.login('duty01', 'CC-10086-BJ'),
    h.login('hotline01', 'CC-10086-BJ'),
    h.login('admin01', 'CC-10086-BJ'),
  ]);
});
afterAll(async () => h?.close());

const greenChannelBody = (overrides: Record<string, unknown> = {}) => ({
  type: 'storeAppointment',
  title: '预约营业厅办理套餐变更',
  description: '客户不愿在营业厅排队，要求预约办理 (customer will not queue; wants an appointment)',
  customer: { name: '测试用户 Test 05', msisdn: '13900100005' },
  ...overrides,
});

async function openGreenChannel(token: string, body: Record<string, unknown>, key = newKey('gc')) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/green-channel-orders',
    headers: { authorization: `Bearer ${token}`, 'idempotency-key': key },
    payload: body,
  });
}

/** The work order as its workflow wrote it to the read model. */
async function storedWorkOrder(id: string) {
  return vi.waitFor(
    async () => {
      const [row] = await h.db.select().from(workOrders).where(eq(workOrders.id, id));
      if (!row) throw new Error(`work order ${id} not projected yet`);
      return row;
    },
    { timeout: 15_000, interval: 100 },
  );
}

/** The workflow's input as Temporal recorded it in the history. */
async function workflowInputText(id: string): Promise<string> {
  const history = await h.client.workflow.getHandle(id).fetchHistory();
  const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
  const payloads = started?.input?.payloads ?? [];
  expect(payloads.length).toBeGreaterThan(0);
  return payloads.map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8')).join('\n');
}

describe('green-channel work orders', () => {
  it('GC-1: only a duty manager and above open one — a hotline agent is refused 403, the duty manager gets 202', async () => {
    const refused = await openGreenChannel(hotline, greenChannelBody());
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'RoleNotAllowed', reason: '该工号的角色无权办理此业务' });

    const key = newKey('gc');
    const res = await openGreenChannel(duty, greenChannelBody(), key);
    expect(res.statusCode).toBe(202);
    const body = res.json<{ id: string; href: string }>();
    expect(body).toMatchObject({
      id: `WorkOrder:CC-10086-BJ:${key}`,
      status: 'created',
      replayed: false,
      outletCode: 'OUT-BJ-XD',
      city: 'Beijing',
    });
    expect(res.headers.location).toBe(body.href);

    const again = await openGreenChannel(duty, greenChannelBody(), key);
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({ id: body.id, replayed: true });
  });

  it("GC-1, GC-2: it goes to the response team of the customer's home city — Beijing to Xidan, Shanghai to Pudong", async () => {
    const beijing = await openGreenChannel(duty, greenChannelBody({ type: 'terminalSupport' }));
    const shanghai = await openGreenChannel(
      duty,
      greenChannelBody({ type: 'itemReservation', customer: { name: '沪客户', msisdn: '13900300001' } }),
    );
    expect(beijing.json()).toMatchObject({ outletCode: 'OUT-BJ-XD', city: 'Beijing' });
    expect(shanghai.json()).toMatchObject({ outletCode: 'OUT-SH-PD', city: 'Shanghai' });

    const bj = await storedWorkOrder(beijing.json<{ id: string }>().id);
    expect(bj).toMatchObject({
      kind: 'greenChannel',
      source: 'greenChannel',
      greenChannelType: 'terminalSupport',
      category: 'terminalSupport',
      outletCode: 'OUT-BJ-XD',
      city: 'Beijing',
      createdBy: 'duty01',
      channelCode: 'CC-10086-BJ',
    });
    const sh = await storedWorkOrder(shanghai.json<{ id: string }>().id);
    expect(sh).toMatchObject({
      greenChannelType: 'itemReservation',
      category: 'businessHandling',
      outletCode: 'OUT-SH-PD',
      city: 'Shanghai',
    });
  });

  it('GC-1: a number whose home city has no response team is refused 422 NoResponseTeam', async () => {
    const res = await openGreenChannel(
      duty,
      greenChannelBody({ customer: { name: '外地客户', msisdn: '13700000001' } }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'NoResponseTeam', reason: '客户归属地市没有客响团队' });
    expect(res.json<{ message: string }>().message).toContain('body.customer.msisdn');
    expect(res.json<{ message: string }>().message).toContain('1370000');
  });

  it('GC-2: entrusted acceptance needs the right service password — missing, wrong, unset or not our line are refused 422', async () => {
    const entrusted = (msisdn: string, servicePassword?: string) =>
      greenChannelBody({
        type: 'entrustedAcceptance',
        customer: { name: '测试用户', msisdn },
        ...(servicePassword ? { servicePassword } : {}),
      });

    const missing = await openGreenChannel(duty, entrusted('13900100005'));
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'ServicePasswordRequired' });
    expect(missing.json<{ message: string }>().message).toContain('body.servicePassword');

    for (const [msisdn, password, field] of [
      ['13900100005', '000000', 'body.servicePassword'], // wrong password
      ['13900100007', '135790', 'body.servicePassword'], // the line has no service password
      ['13900100999', '135790', 'body.customer.msisdn'], // not a line of ours
    ] as const) {
      const res = await openGreenChannel(duty, entrusted(msisdn, password));
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'ServicePasswordInvalid', reason: '服务密码验证失败' });
      expect(res.json<{ message: string }>().message).toContain(field);
      expect(res.body).not.toContain(password);
    }
  });

  it('GC-2: with the right password the work order starts, and the password is kept neither in the workflow input nor in the stored work order', async () => {
    const res = await openGreenChannel(
      duty,
      greenChannelBody({
        type: 'entrustedAcceptance',
        title: '委托营业厅办理副卡',
        customer: { name: '测试用户 Test 05', msisdn: '13900100005' },
        servicePassword: '135790',
        paperDocuments: 'send',
      }),
    );
    expect(res.statusCode).toBe(202);
    const { id } = res.json<{ id: string }>();

    const input = await workflowInputText(id);
    expect(input).toContain('entrustedAcceptance');
    expect(input).toContain('"paperDocuments":"send"');
    expect(input).not.toContain('135790');
    expect(input).not.toContain('servicePassword');

    const stored = await storedWorkOrder(id);
    expect(stored.greenChannelType).toBe('entrustedAcceptance');
    // The store reads from the work order whether to send the invoices or have them collected.
    expect(stored.description).toContain('寄送');
    expect(JSON.stringify(stored)).not.toContain('135790');
  });

  it('GC-3: promises beyond the duty manager’s authority are refused 422 with an offer to escalate to the complaint process', async () => {
    const res = await openGreenChannel(
      duty,
      greenChannelBody({
        commitments: [
          { kind: 'repairTimeLimit', hours: 72 },
          { kind: 'repairTimeLimit', hours: 24 },
          { kind: 'compensation', amountFen: 5_000 },
          { kind: 'specificGoods', item: 'iPhone 16 256G' },
        ],
      }),
    );
    expect(res.statusCode).toBe(422);
    const body = res.json<{ code: string; message: string; details: { refused: { field: string }[] } }>();
    expect(body).toMatchObject({
      code: 'CommitmentBeyondAuthority',
      reason: '承诺超出职权范围，不能受理；可升级至投诉处理流程',
      details: {
        escalation: {
          process: 'complaint',
          zh: '可升级至投诉处理流程',
          en: 'You may escalate to the complaint process',
        },
      },
    });
    expect(body.details.refused.map((r) => r.field)).toEqual([
      'commitments.1',
      'commitments.2',
      'commitments.3',
    ]);
    for (const named of [
      'repair time limit of 24 hours',
      'compensation of 5000 fen',
      'specific goods "iPhone 16 256G"',
    ]) {
      expect(body.message).toContain(named);
    }
    expect(body.message).not.toContain('72 hours');
  });

  it('GC-3: promises within authority are kept on the work order — 72-hour repair by the duty manager, 5,000 fen by an admin', async () => {
    const byDuty = await openGreenChannel(
      duty,
      greenChannelBody({ type: 'terminalSupport', commitments: [{ kind: 'repairTimeLimit', hours: 72 }] }),
    );
    expect(byDuty.statusCode).toBe(202);
    const byAdmin = await openGreenChannel(
      admin,
      greenChannelBody({
        commitments: [
          { kind: 'compensation', amountFen: 5_000 },
          { kind: 'repairTimeLimit', hours: 24 },
        ],
      }),
    );
    expect(byAdmin.statusCode).toBe(202);

    expect((await storedWorkOrder(byDuty.json<{ id: string }>().id)).commitments).toEqual([
      { kind: 'repairTimeLimit', hours: 72 },
    ]);
    expect((await storedWorkOrder(byAdmin.json<{ id: string }>().id)).commitments).toEqual([
      { kind: 'compensation', amountFen: 5_000 },
      { kind: 'repairTimeLimit', hours: 24 },
    ]);
  });
});
