import bcrypt from 'bcryptjs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createResourceActivities } from '../../activities/resources';
import { numbers, operatorChannels, operators, simCards } from '../../db/schema';
import { DEMO_PASSWORD } from '../../db/seed';
import { startHarness, type Harness } from '../support/harness';
import { newKey, openAccountBody, submitOrder, waitForOrder } from '../support/orders';

describe('number and SIM pre-emption', () => {
  let h: Harness;
  let token: string;
  beforeAll(async () => {
    // Holds outlast the orders even on a loaded machine; the expiry cases set their own short hold.
    h = await startHarness({ config: { PREEMPTION_TTL_SECONDS: '120' } });
    token = await h.login();
  });
  afterAll(async () => h?.close());

  it('RES-6, OPEN-2: 50 concurrent orders for one number — exactly one wins, the rest fail with a clear reason', async () => {
    const msisdn = '13800100777';
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => submitOrder(h.app, token, openAccountBody({ msisdn }))),
    );
    expect(responses.every((r) => r.statusCode === 202)).toBe(true);
    const ids = responses.map((r) => r.json<{ id: string }>().id);
    const finals = await Promise.all(ids.map((id) => waitForOrder(h.app, token, id, undefined, 60_000)));

    const winners = finals.filter((o) => o.status === 'completed');
    const losers = finals.filter((o) => o.status === 'failed');
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    for (const o of losers) {
      expect(o.failure).toMatchObject({
        code: 'NumberUnavailable',
        reason: '号码不可用（已被占用或不存在）',
      });
      expect(o.failure?.message).toContain(msisdn);
    }
    const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, msisdn));
    expect(number).toMatchObject({ status: 'inUse', preemptedBy: winners[0]!.id });
    // No loser holds anything, and exactly one SIM is bound to the number.
    const loserIds = losers.map((o) => o.id);
    expect(await h.db.select().from(numbers).where(inArray(numbers.preemptedBy, loserIds))).toHaveLength(0);
    expect(await h.db.select().from(simCards).where(inArray(simCards.preemptedBy, loserIds))).toHaveLength(0);
    expect(await h.db.select().from(simCards).where(eq(simCards.msisdn, msisdn))).toHaveLength(1);
  });

  it('RES-6: concurrent orders that let the system pick never share a number or a SIM', async () => {
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => submitOrder(h.app, token, openAccountBody())),
    );
    const finals = await Promise.all(
      responses.map((r) => waitForOrder(h.app, token, r.json<{ id: string }>().id, undefined, 60_000)),
    );
    expect(finals.every((o) => o.status === 'completed')).toBe(true);
    expect(new Set(finals.map((o) => o.summary.msisdn)).size).toBe(20);
    expect(new Set(finals.map((o) => o.summary.iccid)).size).toBe(20);
    const [dup] = await h.db.execute<{ n: number }>(
      sql`select count(*)::int as n from (select msisdn from sim_cards where msisdn is not null group by msisdn having count(*) > 1) d`,
    );
    expect(dup?.n).toBe(0);
  });

  it('OPEN-2: a pre-emption that expires unused returns the number to the pool by itself', async () => {
    const msisdn = '13800100555';
    // Long enough for the order below to reach its first step while the hold lasts, on a loaded machine too.
    const resources = createResourceActivities({ db: h.db, preemptionTtlSeconds: 5 });
    // An order that pre-empted the number and was then abandoned at the counter.
    await resources.preemptResources({ orderId: `OpenAccount:${newKey('abandoned')}`, msisdn });

    const available = async () => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/numbers/available?pattern=${msisdn}`,
        headers: { authorization: `Bearer ${token}` },
      });
      return res.json<{ items: { msisdn: string }[] }>().items.map((i) => i.msisdn);
    };
    expect(await available()).toEqual([]);
    const blocked = await waitForOrder(
      h.app,
      token,
      (await submitOrder(h.app, token, openAccountBody({ msisdn }))).json<{ id: string }>().id,
    );
    expect(blocked.failure?.code).toBe('NumberUnavailable');

    await vi.waitFor(async () => expect(await available()).toEqual([msisdn]), {
      timeout: 15_000,
      interval: 100,
    });
    const later = await submitOrder(h.app, token, openAccountBody({ msisdn }));
    expect((await waitForOrder(h.app, token, later.json<{ id: string }>().id)).status).toBe('completed');
  });

  it('OPEN-2: the tidy-up marks expired pre-emptions free in the table too', async () => {
    const msisdn = '13800100556';
    const resources = createResourceActivities({ db: h.db, preemptionTtlSeconds: 1 });
    await resources.preemptResources({ orderId: `OpenAccount:${newKey('abandoned')}`, msisdn });
    await vi.waitFor(
      async () => {
        await resources.tidyExpiredPreemptions();
        const [row] = await h.db
          .select()
          .from(numbers)
          .where(and(eq(numbers.msisdn, msisdn), eq(numbers.status, 'unused')));
        expect(row?.preemptedBy).toBeNull();
      },
      { timeout: 5_000, interval: 200 },
    );
  });
  describe("clerks pre-empt only their outlet's stock (RES-2)", () => {
    let clerk1: string;
    let clerk2: string;
    beforeAll(async () => {
      // clerk02 at the Financial Street outlet (金融街营业点), with stock issued down to it; clerk01 and the
      // Xidan outlet's stock (13800101900–949, SIMs …1950–1999) are seeded.
      const admin = await h.login('admin01', 'STORE-BJ-001');
      const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);
      await h.db
        .insert(operators)
        .values({ id: 'clerk02', name: '吴敏 Wu Min', roles: ['frontline'], passwordHash });
      await h.db.insert(operatorChannels).values({ operatorId: 'clerk02', channelCode: 'STORE-BJ-001' });
      const post = (url: string, payload: object) =>
        h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${admin}` }, payload });
      const unit = await post('/api/v1/org-units', {
        code: 'BJ-XC-JR-CLERK02',
        kind: 'clerk',
        name: '营业员 吴敏',
        parentCode: 'BJ-XC-JR',
        operatorId: 'clerk02',
      });
      expect(unit.statusCode, unit.body).toBe(201);
      const lots = [
        ['numbers', { first: '13800101950', last: '13800101979' }],
        ['sims', { first: '8986001000010001900', last: '8986001000010001929' }],
      ] as const;
      for (const [resourceType, range] of lots) {
        for (const [fromCode, toCode] of [
          [null, 'BJ'],
          ['BJ', 'BJ-XC'],
          ['BJ-XC', 'BJ-XC-JR'],
        ] as const) {
          const res = await post('/api/v1/resource-movements', {
            direction: 'issue',
            resourceType,
            fromCode,
            toCode,
            receiver: '领用人',
            items: { range },
          });
          expect(res.statusCode, res.body).toBe(201);
        }
      }
      clerk1 = await h.login('clerk01', 'STORE-BJ-001');
      clerk2 = await h.login('clerk02', 'STORE-BJ-001');
    });

    it('RES-6, RES-2: clerks of two outlets opening accounts at once never share a number or SIM, each from its own outlet', async () => {
      const tokens = [...Array<string>(15).fill(clerk1), ...Array<string>(15).fill(clerk2)];
      const submitted = await Promise.all(tokens.map((t) => submitOrder(h.app, t, openAccountBody())));
      const finals = await Promise.all(
        submitted.map((r, i) =>
          waitForOrder(h.app, tokens[i]!, r.json<{ id: string }>().id, undefined, 60_000),
        ),
      );
      expect(finals.map((o) => o.status)).toEqual(tokens.map(() => 'completed'));
      const msisdns = finals.map((o) => String(o.summary.msisdn));
      const iccids = finals.map((o) => String(o.summary.iccid));
      expect(new Set(msisdns).size).toBe(30);
      expect(new Set(iccids).size).toBe(30);
      // Each outlet's stock: [first number, last number, first ICCID, last ICCID].
      const xidan = ['13800101900', '13800101949', '8986001000010001950', '8986001000010001999'];
      const jinrongjie = ['13800101950', '13800101979', '8986001000010001900', '8986001000010001929'];
      for (const [i, msisdn] of msisdns.entries()) {
        const [n1, n2, s1, s2] = i < 15 ? xidan : jinrongjie;
        const iccid = iccids[i]!;
        expect(msisdn >= n1! && msisdn <= n2!, `${msisdn} in ${n1}–${n2}`).toBe(true);
        expect(iccid >= s1! && iccid <= s2!, `${iccid} in ${s1}–${s2}`).toBe(true);
      }
    });

    it('RES-2: a clerk cannot pre-empt a number issued to another outlet, nor can staff who are not clerks', async () => {
      const other = await submitOrder(h.app, clerk2, openAccountBody({ msisdn: '13800101948' }));
      const refused = await waitForOrder(h.app, clerk2, other.json<{ id: string }>().id);
      expect(refused.status).toBe('failed');
      expect(refused.failure).toMatchObject({
        code: 'NumberUnavailable',
        reason: '号码不可用（已被占用或不存在）',
      });
      expect(refused.failure?.message).toBe(
        "Number 13800101948 is not available (not in this outlet's stock; a clerk pre-empts only numbers issued to its outlet; state unused, held by BJ-XC-XD)",
      );
      const staff = await submitOrder(h.app, token, openAccountBody({ msisdn: '13800101948' }));
      const staffRefused = await waitForOrder(h.app, token, staff.json<{ id: string }>().id);
      expect(staffRefused.failure?.message).toContain('issued into the organisation tree');

      const own = await submitOrder(h.app, clerk1, openAccountBody({ msisdn: '13800101948' }));
      const opened = await waitForOrder(h.app, clerk1, own.json<{ id: string }>().id);
      expect(opened.status).toBe('completed');
      const [number] = await h.db.select().from(numbers).where(eq(numbers.msisdn, '13800101948'));
      expect(number).toMatchObject({ status: 'inUse', holderCode: 'BJ-XC-XD' });
    });

    it("RES-2: the free-number list shows a clerk only its outlet's stock, and others only shared stock", async () => {
      const free = async (t: string) =>
        (
          await h.app.inject({
            method: 'GET',
            url: '/api/v1/numbers/available?pattern=138001019*&limit=100',
            headers: { authorization: `Bearer ${t}` },
          })
        )
          .json<{ items: { msisdn: string }[] }>()
          .items.map((n) => n.msisdn);
      // 13800101900–949 are Xidan's, 950–979 Financial Street's, 980–999 still central.
      const within = (list: string[], first: string, last: string) =>
        list.length > 0 && list.every((m) => m >= first && m <= last);
      expect(within(await free(clerk1), '13800101900', '13800101949')).toBe(true);
      expect(within(await free(clerk2), '13800101950', '13800101979')).toBe(true);
      expect(within(await free(token), '13800101980', '13800101999')).toBe(true);
    });
  });

  it('RES-1, RES-6: SMS ports and access numbers are stock, but no line is opened on one', async () => {
    // Zero fee and a number that sorts first: the cheapest-first pick would take them if kind were ignored.
    await h.db.insert(numbers).values([
      { msisdn: '10657000000001', kind: 'smsPort', segment: 'smsPort', selectionFeeFen: 0 },
      { msisdn: '10000', kind: 'access', segment: 'access', selectionFeeFen: 0 },
    ]);
    const picked = await submitOrder(h.app, token, openAccountBody());
    const order = await waitForOrder(h.app, token, picked.json<{ id: string }>().id);
    expect(order.status).toBe('completed');
    expect(String(order.summary.msisdn)).toMatch(/^1\d{10}$/);
    const chosen = await submitOrder(h.app, token, openAccountBody({ msisdn: '10657000000001' }));
    expect(chosen.statusCode).toBe(400);
    const port = await h.db.select().from(numbers).where(eq(numbers.msisdn, '10657000000001'));
    expect(port[0]?.status).toBe('unused');
  });
});
