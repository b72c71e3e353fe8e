import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numbers, resourceStateChanges, simCards } from '../../db/schema';
import { startHarness, type Harness } from '../support/harness';

interface ErrorBody {
  code: string;
  reason: string;
  message: string;
  details: { current: string; currentLabel: { zh: string; en: string }; allowed: string[] };
}

describe('number and SIM states by hand, and reservations (RES-3, RES-5)', () => {
  let h: Harness;
  let admin: string;
  let clerk: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login('admin01', 'STORE-BJ-001');
    clerk = await h.login('store01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const post = (token: string, url: string, payload: object) =>
    h.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
  const get = (token: string, url: string) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const setStatus = (msisdn: string, values: Partial<typeof numbers.$inferInsert>) =>
    h.db.update(numbers).set(values).where(eq(numbers.msisdn, msisdn));

  it('RES-3: unused → disabled → unused, each change recorded with who and why', async () => {
    const msisdn = '13800101901';
    const off = await post(admin, `/api/v1/numbers/${msisdn}/state`, {
      to: 'disabled',
      reason: 'damaged card',
    });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({
      status: 'disabled',
      statusLabel: { zh: '停用' },
      allowedTargets: ['unused'],
    });
    const on = await post(admin, `/api/v1/numbers/${msisdn}/state`, { to: 'unused', reason: 'checked' });
    expect(on.json()).toMatchObject({
      status: 'unused',
      history: [
        { from: 'unused', to: 'disabled', reason: 'damaged card', changedBy: 'admin01' },
        { from: 'disabled', to: 'unused', reason: 'checked', changedBy: 'admin01' },
      ],
    });
  });

  it('RES-3: a number in use cannot be changed by hand — 409 naming the current state and the allowed targets', async () => {
    const msisdn = '13800101902';
    await setStatus(msisdn, { status: 'inUse' });
    const res = await post(admin, `/api/v1/numbers/${msisdn}/state`, { to: 'unused', reason: 'try' });
    expect(res.statusCode).toBe(409);
    const body = res.json<ErrorBody>();
    expect(body).toMatchObject({
      code: 'IllegalResourceTransition',
      reason: '号码或 SIM 卡当前状态不允许该操作',
      details: { current: 'inUse', currentLabel: { zh: '在用', en: 'in use' }, allowed: [] },
    });
    expect(body.message).toContain('the current state is inUse');
    const log = await h.db.select().from(resourceStateChanges).where(eq(resourceStateChanges.item, msisdn));
    expect(log).toHaveLength(0);
  });

  it('RES-3: a recycled number stays recycled until its cool-down ends (409 says when), then may be unused', async () => {
    const msisdn = '13800101903';
    await setStatus(msisdn, { status: 'recycled', availableFrom: new Date(Date.now() + 2 * 86_400_000) });
    const early = await post(admin, `/api/v1/numbers/${msisdn}/state`, { to: 'unused', reason: 'early' });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().message).toMatch(/cool-down ends at \d{4}-/);
    await setStatus(msisdn, { availableFrom: new Date(Date.now() - 60_000) });
    const later = await post(admin, `/api/v1/numbers/${msisdn}/state`, { to: 'unused', reason: 'cooled' });
    expect(later.json()).toMatchObject({ status: 'unused', availableFrom: null });
  });

  it('RES-3: a live pre-emption cannot be released by hand; an expired one can', async () => {
    const msisdn = '13800101904';
    await setStatus(msisdn, {
      status: 'preempted',
      preemptedBy: 'OpenAccount:x',
      preemptedUntil: new Date(Date.now() + 3_600_000),
    });
    const live = await post(admin, `/api/v1/numbers/${msisdn}/state`, { to: 'unused', reason: 'stuck' });
    expect(live.statusCode).toBe(409);
    expect(live.json<ErrorBody>().message).toContain('an order holds it until');
    await setStatus(msisdn, { preemptedUntil: new Date(Date.now() - 60_000) });
    const lapsed = await post(admin, `/api/v1/numbers/${msisdn}/state`, { to: 'unused', reason: 'stuck' });
    expect(lapsed.json()).toMatchObject({ status: 'unused', preemption: null });
  });

  it('RES-3: a reservation (预定) holds an unused number for a named customer; it cannot be reserved twice, and cancelling frees it', async () => {
    const msisdn = '13800101905';
    const until = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const res = await post(clerk, `/api/v1/numbers/${msisdn}/reservation`, { customerName: '张三', until });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'reserved',
      statusLabel: { zh: '预定' },
      reservation: { customerName: '张三', until },
    });
    const again = await post(clerk, `/api/v1/numbers/${msisdn}/reservation`, { customerName: '李四', until });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>()).toMatchObject({
      code: 'IllegalResourceTransition',
      details: { current: 'reserved' },
    });
    const available = await get(clerk, '/api/v1/numbers/available?pattern=13800101905');
    expect(available.json()).toEqual({ items: [], total: 0 });

    const cancel = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/numbers/${msisdn}/reservation`,
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(cancel.json()).toMatchObject({ status: 'unused', reservation: null });
    const twice = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/numbers/${msisdn}/reservation`,
      headers: { authorization: `Bearer ${clerk}` },
    });
    expect(twice.statusCode).toBe(409);
  });

  it('RES-3: a reservation must end in the future and within RESERVATION_MAX_DAYS — otherwise refused 422 naming body.until', async () => {
    const msisdn = '13800101906';
    for (const until of [new Date(Date.now() - 60_000), new Date(Date.now() + 8 * 86_400_000)]) {
      const res = await post(clerk, `/api/v1/numbers/${msisdn}/reservation`, {
        customerName: '张三',
        until: until.toISOString(),
      });
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().code).toBe('BusinessRuleViolated');
      expect(res.json<ErrorBody>().message).toContain('body.until');
    }
  });

  it('RES-3: SIMs: available → damaged → available; an in-use SIM is refused; unknown ones are 404', async () => {
    const [sim] = await h.db.select().from(simCards).where(eq(simCards.status, 'available')).limit(1);
    const iccid = sim!.iccid;
    const broken = await post(admin, `/api/v1/sims/${iccid}/state`, {
      to: 'damaged',
      reason: 'chip cracked',
    });
    expect(broken.json()).toMatchObject({
      status: 'damaged',
      statusLabel: { zh: '损坏' },
      allowedTargets: ['available'],
    });
    const back = await post(admin, `/api/v1/sims/${iccid}/state`, { to: 'available', reason: 'replaced' });
    expect(back.json()).toMatchObject({ status: 'available' });
    await h.db.update(simCards).set({ status: 'inUse' }).where(eq(simCards.iccid, iccid));
    const inUse = await post(admin, `/api/v1/sims/${iccid}/state`, { to: 'damaged', reason: 'x' });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json<ErrorBody>().details).toMatchObject({ current: 'inUse', allowed: [] });
    const missing = await post(admin, '/api/v1/sims/89860000000000000000/state', {
      to: 'damaged',
      reason: 'x',
    });
    expect(missing.json()).toMatchObject({ code: 'SimNotFound' });
  });

  it('RES-3, RES-2: a SIM repaired at an outlet goes back to issued (its place in the tree), not available', async () => {
    const [sim] = await h.db.select().from(simCards).where(eq(simCards.holderCode, 'BJ-XC-XD')).limit(1);
    const iccid = sim!.iccid;
    expect(sim!.status).toBe('issued');
    await post(admin, `/api/v1/sims/${iccid}/state`, { to: 'damaged', reason: 'chip cracked' });
    const back = await post(admin, `/api/v1/sims/${iccid}/state`, { to: 'available', reason: 'repaired' });
    expect(back.json()).toMatchObject({ status: 'issued' });
  });

  it('RES-3: state changes are administration; a front-line clerk is refused', async () => {
    const res = await post(clerk, '/api/v1/numbers/13800101907/state', { to: 'disabled', reason: 'x' });
    expect(res.statusCode).toBe(403);
  });

  it('RES-5: number ↔ SIM ↔ IMSI one to one — the database refuses a second SIM for a number', async () => {
    const two = await h.db.select().from(simCards).where(eq(simCards.status, 'available')).limit(2);
    const msisdn = '13800101908';
    await h.db.update(simCards).set({ msisdn }).where(eq(simCards.iccid, two[0]!.iccid));
    await expect(
      h.db.update(simCards).set({ msisdn }).where(eq(simCards.iccid, two[1]!.iccid)),
    ).rejects.toThrow();
    await expect(
      h.db.update(simCards).set({ imsi: two[0]!.imsi }).where(eq(simCards.iccid, two[1]!.iccid)),
    ).rejects.toThrow();
    const detail = await get(clerk, `/api/v1/numbers/${msisdn}`);
    expect(detail.json()).toMatchObject({
      msisdn,
      segment: '1380010',
      sim: { iccid: two[0]!.iccid, imsi: two[0]!.imsi },
    });
  });
});
