import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bills, customers, numbers, payments, simCards, subscribers } from '../../db/schema';
import { verifiedCardPayment } from '../support/fixtures';
import { startSignedInHarness, type Harness } from '../support/harness';
import { lineRow, ownerIdentity, path, runChange, seededLine } from '../support/service-changes';
import { replayOnTodaysCode } from '../support/replay';

/**
 * Every service change (REQ: CHG-1, CHG-2) once, through the HTTP API against the real Temporal dev server
 * and PostgreSQL: what the counter sees on the order and what changed on the line, in stock, at the HLR and
 * in the books. Each test works on a demo line of its own, as the tests of this file share one database.
 */
describe('service changes through the API', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => ({ h, token } = await startSignedInHarness()));
  afterAll(async () => h?.close());

  const paymentsOf = (orderId: string) => h.db.select().from(payments).where(eq(payments.orderId, orderId));

  it('CHG-1: number change (改号) moves the line to the chosen number, recycles the old one and charges the fee', async () => {
    const [oldMsisdn, newMsisdn] = ['13900100005', '13800100500'];
    const order = await runChange(h, token, {
      type: 'changeNumber',
      msisdn: oldMsisdn,
      newMsisdn,
      payment: { method: 'cash' },
    });
    expect(order.status).toBe('completed');
    expect(path(order)).toEqual([
      'acknowledged',
      'inProgress/checkingLine',
      'inProgress/claimingNumber',
      'inProgress/charging',
      'inProgress/changingNumberOnHlr',
      'inProgress/committingNumberChange',
      'completed',
    ]);
    expect(order.summary).toMatchObject({ oldMsisdn, newMsisdn, selectionFeeFen: 0, feeFen: 2_000 });

    expect(await lineRow(h, oldMsisdn)).toBeNull();
    const seed = seededLine(oldMsisdn);
    expect(await lineRow(h, newMsisdn)).toMatchObject({
      customerId: `CUST-SEED-${oldMsisdn}`,
      iccid: seed.iccid,
      status: 'active',
      balanceFen: seed.balanceFen,
      lockedBy: null,
    });
    const [fresh] = await h.db.select().from(numbers).where(eq(numbers.msisdn, newMsisdn));
    expect(fresh?.status).toBe('inUse');
    const [old] = await h.db.select().from(numbers).where(eq(numbers.msisdn, oldMsisdn));
    expect(old?.status).toBe('recycled');
    // RECYCLE_COOLDOWN_DAYS defaults to 90: the old number rests before it can be sold again.
    const restDays = ((old?.availableFrom?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(restDays).toBeGreaterThan(89.9);
    expect(restDays).toBeLessThanOrEqual(90);
    const [sim] = await h.db.select().from(simCards).where(eq(simCards.iccid, seed.iccid));
    expect(sim?.msisdn).toBe(newMsisdn);
    expect(await h.db.select().from(bills).where(eq(bills.msisdn, newMsisdn))).toHaveLength(3);
    expect(await h.sim.hlr.subscriber(newMsisdn)).not.toBeNull();
    expect(await h.sim.hlr.subscriber(oldMsisdn)).toBeNull();
    const charged = await paymentsOf(order.id);
    expect(charged).toEqual([
      expect.objectContaining({
        amountFen: 2_000,
        direction: 'in',
        status: 'charged',
        receiptNo: order.summary.receiptNo,
      }),
    ]);

    // Determinism guard: the recorded history replays against today's workflow code without divergence.
    const history = await h.client.workflow.getHandle(order.id).fetchHistory();
    await expect(replayOnTodaysCode(history, order.id)).resolves.toBeUndefined();
  });

  it('CHG-1, PC-5: a number change may take a recycled number after its cool-down, replacing its cancelled line', async () => {
    const [msisdn, recycled] = ['13900100017', '13800100700'];
    await h.db
      .update(numbers)
      .set({ status: 'recycled', availableFrom: new Date(Date.now() - 60_000) })
      .where(eq(numbers.msisdn, recycled));
    await h.db.insert(subscribers).values({
      msisdn: recycled,
      customerId: 'CUST-FORMER-OWNER',
      iccid: '89860099999999999999',
      imsi: '460009999999999',
      productCode: 'VOICE-58',
      status: 'cancelled',
    });
    const order = await runChange(h, token, {
      type: 'changeNumber',
      msisdn,
      newMsisdn: recycled,
      payment: { method: 'cash' },
    });
    expect(order.status).toBe('completed');
    expect(order.summary.newMsisdn).toBe(recycled);
    expect(await lineRow(h, recycled)).toMatchObject({ customerId: `CUST-SEED-${msisdn}`, status: 'active' });
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, recycled));
    expect(number?.status).toBe('inUse');
  });

  it('CHG-1: SIM replacement (补卡) puts a stock SIM on the line, retires the old one and tells the HLR the new IMSI', async () => {
    const msisdn = '13900100006';
    const seed = seededLine(msisdn);
    const order = await runChange(h, token, {
      type: 'swapSim',
      msisdn,
      reason: 'lost',
      identity: ownerIdentity(msisdn),
      payment: { method: 'cash' },
    });
    expect(order.status).toBe('completed');
    const newIccid = order.summary.newIccid as string;
    expect(order.summary).toMatchObject({ reason: 'lost', oldIccid: seed.iccid, feeFen: 2_000 });
    expect(newIccid).toMatch(/^898600100001/);

    const [fresh] = await h.db.select().from(simCards).where(eq(simCards.iccid, newIccid));
    expect(fresh).toMatchObject({ status: 'inUse', msisdn });
    const [old] = await h.db.select().from(simCards).where(eq(simCards.iccid, seed.iccid));
    expect(old).toMatchObject({ status: 'damaged', msisdn: null });
    expect(await lineRow(h, msisdn)).toMatchObject({ iccid: newIccid, imsi: fresh?.imsi, lockedBy: null });
    expect((await h.sim.hlr.subscriber(msisdn))?.imsi).toBe(fresh?.imsi);
    expect(await paymentsOf(order.id)).toEqual([
      expect.objectContaining({ amountFen: 2_000, status: 'charged' }),
    ]);
  });

  it('CHG-1: customer data change (客户资料修改) updates the owner record and keeps the new service password as a hash', async () => {
    const msisdn = '13900100007';
    const order = await runChange(h, token, {
      type: 'changeCustomerData',
      msisdn,
      name: '测试用户 Test 07 (renamed)',
      contactPhone: '13911112222',
      servicePassword: '135790',
      identity: ownerIdentity(msisdn),
    });
    expect(order.status).toBe('completed');
    expect(order.summary.changed).toEqual(['name', 'contactPhone', 'servicePassword']);
    const [owner] = await h.db
      .select()
      .from(customers)
      .where(eq(customers.id, `CUST-SEED-${msisdn}`));
    expect(owner).toMatchObject({
      name: '测试用户 Test 07 (renamed)',
      contactPhone: '13911112222',
      address: '北京市东城区示例路 1 号',
    });
    const line = await lineRow(h, msisdn);
    expect(line?.servicePasswordHash).not.toContain('135790');
    expect(await bcrypt.compare('135790', line?.servicePasswordHash ?? '')).toBe(true);
    // The order shows which items changed, never the password itself.
    expect(JSON.stringify(order)).not.toContain('135790');
  });

  it('CHG-1: ownership transfer (过户) enters the new owner and points the line to them; the old owner record stays', async () => {
    const msisdn = '13900100008';
    const newOwner = {
      kind: 'individual',
      name: '赵六 Zhao Liu',
      idType: 'idCard',
      idNumber: '110101199505055678',
      address: '北京市海淀区中关村大街 27 号',
      contactPhone: '13922223333',
    };
    const order = await runChange(h, token, {
      type: 'transferOwnership',
      msisdn,
      identity: ownerIdentity(msisdn),
      newOwner,
    });
    expect(order.status).toBe('completed');
    const customerId = order.summary.customerId as string;
    expect(order.summary).toMatchObject({
      previousCustomerId: `CUST-SEED-${msisdn}`,
      ownerName: '赵六 Zhao Liu',
    });
    const [owner] = await h.db.select().from(customers).where(eq(customers.id, customerId));
    expect(owner).toMatchObject({
      name: '赵六 Zhao Liu',
      idNumber: '110101199505055678',
      state: 'committed',
    });
    const [previous] = await h.db
      .select()
      .from(customers)
      .where(eq(customers.id, `CUST-SEED-${msisdn}`));
    expect(previous).toMatchObject({ state: 'committed', name: '测试用户 Test 08' });
    expect(await lineRow(h, msisdn)).toMatchObject({ customerId, status: 'active', lockedBy: null });
  });

  it('CHG-1: suspend (停机) bars service on the HLR and marks the line suspended', async () => {
    const msisdn = '13900100009';
    const order = await runChange(h, token, { type: 'suspend', msisdn, reason: '客户出差 travelling' });
    expect(order.status).toBe('completed');
    expect(order.summary).toMatchObject({ statusBefore: 'active', statusAfter: 'suspended' });
    expect((await lineRow(h, msisdn))?.status).toBe('suspended');
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(true);
  });

  it('CHG-1: resume (复机) of a plain suspension needs no identity and restores service', async () => {
    const msisdn = '13900100010';
    await runChange(h, token, { type: 'suspend', msisdn, reason: '客户出差 travelling' });
    const order = await runChange(h, token, { type: 'resume', msisdn });
    expect(order.status).toBe('completed');
    expect(order.summary).toMatchObject({ statusBefore: 'suspended', statusAfter: 'active' });
    expect((await lineRow(h, msisdn))?.status).toBe('active');
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(false);
  });

  it('CHG-2: a loss report (挂失) suspends service at once', async () => {
    const msisdn = '13900100011';
    const order = await runChange(h, token, { type: 'reportLoss', msisdn, reason: '手机丢失 phone lost' });
    expect(order.status).toBe('completed');
    expect(path(order)).toEqual([
      'acknowledged',
      'inProgress/checkingLine',
      'inProgress/barringOnHlr',
      'inProgress/committingStatus',
      'completed',
    ]);
    expect((await lineRow(h, msisdn))?.status).toBe('lossReported');
    expect((await h.sim.hlr.subscriber(msisdn))?.barred).toBe(true);
  });

  it('CHG-1: feature change switches the services on the HLR and records the features on the line', async () => {
    const msisdn = '13900100012';
    const order = await runChange(h, token, {
      type: 'changeFeatures',
      msisdn,
      add: ['internationalRoaming', 'voicemail'],
    });
    expect(order.status).toBe('completed');
    expect(order.summary).toMatchObject({
      featuresBefore: [],
      features: ['internationalRoaming', 'voicemail'],
    });
    expect(await lineRow(h, msisdn)).toMatchObject({
      features: ['internationalRoaming', 'voicemail'],
      internationalRoaming: true,
    });
    expect((await h.sim.hlr.subscriber(msisdn))?.services).toEqual([
      'voice',
      'sms',
      'data',
      'internationalRoaming',
      'voicemail',
    ]);

    const off = await runChange(h, token, {
      type: 'changeFeatures',
      msisdn,
      remove: ['internationalRoaming'],
    });
    expect(off.status).toBe('completed');
    expect(await lineRow(h, msisdn)).toMatchObject({ features: ['voicemail'], internationalRoaming: false });
    expect((await h.sim.hlr.subscriber(msisdn))?.services).toEqual(['voice', 'sms', 'data', 'voicemail']);
  });

  it('CHG-1: discount change (优惠变更) sets and removes the line discount', async () => {
    const msisdn = '13900100013';
    const on = await runChange(h, token, { type: 'changeDiscount', msisdn, discountCode: 'STUDENT-50' });
    expect(on.status).toBe('completed');
    expect(on.summary).toMatchObject({ discountCodeBefore: null, discountCode: 'STUDENT-50' });
    expect((await lineRow(h, msisdn))?.discountCode).toBe('STUDENT-50');
    const off = await runChange(h, token, { type: 'changeDiscount', msisdn, discountCode: null });
    expect(off.status).toBe('completed');
    expect((await lineRow(h, msisdn))?.discountCode).toBeNull();
  });

  it('CHG-1: recharge (充值) by bank card takes the money once and puts it on the balance', async () => {
    const msisdn = '13900100014';
    const order = await runChange(h, token, {
      type: 'recharge',
      msisdn,
      amountFen: 5_000,
      payment: await verifiedCardPayment(h.sim, '6222021234567890', seededLine(msisdn).customer.idNumber),
    });
    expect(order.status).toBe('completed');
    expect(order.summary).toMatchObject({ amountFen: 5_000, balanceFenBefore: 5_000, balanceFen: 10_000 });
    expect((await lineRow(h, msisdn))?.balanceFen).toBe(10_000);
    const [paid] = await paymentsOf(order.id);
    expect(paid).toMatchObject({ amountFen: 5_000, direction: 'in', status: 'charged' });
    expect((await h.sim.bank.charges()).find((c) => c.idempotencyKey === paid?.id)).toMatchObject({
      amountFen: 5_000,
      bankRef: paid?.bankRef,
    });
  });

  it('CHG-1: fee collection (收通信费) in cash puts the amount on the balance', async () => {
    const msisdn = '13900100015';
    const order = await runChange(h, token, {
      type: 'collectFee',
      msisdn,
      amountFen: 3_000,
      payment: { method: 'cash' },
    });
    expect(order.status).toBe('completed');
    expect(order.summary.balanceFen).toBe(8_000);
    expect(order.summary.receiptNo).toMatch(/^RCPT-/);
    expect((await lineRow(h, msisdn))?.balanceFen).toBe(8_000);
    expect(await paymentsOf(order.id)).toEqual([
      expect.objectContaining({ amountFen: 3_000, method: 'cash' }),
    ]);
  });

  it('CHG-1: fee refund (退通信费) pays back from the balance and records the money going out', async () => {
    const msisdn = '13900100016';
    const order = await runChange(h, token, {
      type: 'refundFee',
      msisdn,
      amountFen: 2_000,
      reason: '多收月租 monthly fee charged twice',
    });
    expect(order.status).toBe('completed');
    expect(order.summary).toMatchObject({ amountFen: 2_000, balanceFenBefore: 5_000, balanceFen: 3_000 });
    expect((await lineRow(h, msisdn))?.balanceFen).toBe(3_000);
    expect(await paymentsOf(order.id)).toEqual([
      expect.objectContaining({
        amountFen: 2_000,
        direction: 'out',
        status: 'paid',
        receiptNo: order.summary.receiptNo,
      }),
    ]);
  });
});
