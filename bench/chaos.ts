/**
 * `npm run bench -- chaos`: the production topology (`npm run cluster`'s: a Temporal cluster of the real
 * server, 2 workers, 2 API replicas behind the load balancer, PostgreSQL) under a mixed load while faults are
 * injected, then checked for what must never happen (REQ: ORD-1 durable, ORD-3 one order per key, OPEN-2 /
 * RES-5 a number and SIM once, GRP-6 a member once, WO-4 one grab winner).
 *
 * Load: `--lanes` clients (default 50) submit through the load balancer for `--seconds` (default 130), each
 * its next business as soon as its last one ended: account openings, fees collected on a line (service
 * changes), port-ins (clearing answers after 2 s, switch-over 2 s after), members added to a group (its
 * 和对讲 opened first) and work orders, each accepted and then grabbed by two service staff at once. The HLR
 * answers in `--hlrMs` so an order spends seconds in flight. Every request carries its idempotency key; a
 * refused connection, a 5xx or a timeout is retried with the same key, as a client would.
 *
 * Faults, `--faultEvery` seconds apart from the 5th second: SIGKILL worker 1, worker 2, worker 1 (each
 * restarted by its supervisor); SIGKILL the Temporal history service (restarted); PostgreSQL restarted (down
 * 3 s); API replica 2 taken out for 30 s.
 *
 * Then it waits until every business has ended — at most 5 minutes after the last fault — and checks.
 * Figures: `faults` (what was injected), `submitted`, `maxInFlight`, `completed`, `failed` (reasons),
 * `notTaken` (never answered 202, with the answers), `lost` (answered 202, yet no order or work order under its
 * ID), `stuck` (not ended 5 minutes after the last fault, by business and state), `duplicateCharges` (orders
 * the simulated bank charged more than once; openings pay by card), `doubleAllocations` (a number opened
 * twice, a SIM on two live lines), `duplicateMembers` (a member BBOSS added twice), `grabWinnersNot1` (work
 * orders grabbed by more than one) and `notGrabbed`, `maxRecoverySec` (the
 * longest a fault kept new businesses from completing: fault → first completion of one submitted after it).
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { dispatchRules } from '../db/schema';
import { isTerminal } from '../domain/orders';
import type { Supervised } from '../infra/topology';
import { httpApi, signIn, type Api, type ApiAnswer } from '../test/support/api-client';
import { openAccountBody, portInBody, sampleIndividual } from '../test/support/fixtures';
import { memberLine } from '../test/support/groups';
import { journeys, signInPeople } from '../test/support/journeys';
import { workOrderBody } from '../test/support/work-orders';
import { progress, requireIntegers, round } from './measure';
import { defineBenchmark } from './runner';

const GROUP = '1000000005';
/** Openings pay by this card, so every charge reaches the (simulated) bank, which is audited at the end. */
const CARD = '6222021234567890';
const FEE_LINES = 17; // seeded lines 13900100001…17

type Kind = 'openAccount' | 'collectFee' | 'portIn' | 'memberAdd' | 'workOrder';
const MIX: readonly Kind[] = ['openAccount', 'openAccount', 'collectFee', 'portIn', 'memberAdd', 'workOrder'];

interface Business {
  kind: Kind;
  key: string;
  id: string | null;
  submittedAt: number;
  endedAt: number | null;
  /** completed, failed:<code>, rejected:<code>, cancelled, dispatched (a grabbed work order) */
  outcome: string | null;
  lastSeen: string;
}

export const chaos = defineBenchmark({
  name: 'chaos',
  about: 'mixed load on the cluster topology while workers, history, PostgreSQL and an API replica fail',
  flags: { lanes: 50, seconds: 130, faultEvery: 12, hlrMs: 1500 },
  check: (flags) => requireIntegers(flags, { lanes: 1, seconds: 10, faultEvery: 1 }),
  headline: [
    'submitted',
    'completed',
    'lost',
    'stuck',
    'duplicateCharges',
    'grabWinnersNot1',
    'maxRecoverySec',
  ],
  setUp: {
    kind: 'topology',
    config: () => ({
      MNP_SWITCH_WINDOW: '0-23',
      MNP_SWITCH_OVER_DELAY_SECONDS: '2',
      // An activity whose worker was killed is tried again on the other one after this.
      STEP_TIMEOUT_SECONDS: '15',
    }),
  },
  body: async ({ flags, log, topology, db, simulators, client }) => {
    const { lanes, seconds, faultEvery, hlrMs } = flags;
    const api = httpApi(topology.url);
    await db.update(dispatchRules).set({ enabled: false });
    await simulators.setBehaviour('hlr', { latencyMs: hlrMs });
    await simulators.setBehaviour('bboss', { answerDelayMs: 500 });
    await simulators.bank.openAccount(CARD, { kind: 'card', holderIdNumber: sampleIndividual.idNumber });
    const cardPayment = { method: 'bankCard', cardNo: CARD, holderIdNumber: sampleIndividual.idNumber };
    const people = await signInPeople(api);
    const tech2 = await signIn(api, 'tech02');
    const groupOpen = journeys.find((j) => j.workflowType === 'groupProductOrderWorkflow');
    await groupOpen?.run({ submit: api, follow: api, sim: simulators, people });
    log(
      `group ${GROUP}'s 和对讲 opened; dispatch rules off (work orders wait to be grabbed); HLR ${hlrMs} ms`,
    );

    const businesses: Business[] = [];
    let members = 0;
    let portIns = 0;
    const started = Date.now();
    const loadEnds = started + seconds * 1000;
    const faultTimes: number[] = [];
    let lastFaultEnded = 0;
    /** Businesses are followed until 5 minutes after the last fault (until then, 5 minutes from now on). */
    const deadline = () => (lastFaultEnded || Math.max(loadEnds, Date.now())) + 5 * 60_000;
    let maxInFlight = 0;
    const inFlight = () => businesses.filter((b) => b.endedAt === null).length;

    /** Sends until the API answers something other than a refused connection, a 5xx or a timeout. */
    const send = async (call: Parameters<Api>[0]): Promise<ApiAnswer | null> => {
      while (Date.now() < deadline()) {
        const answer = await api(call).catch(() => null);
        if (answer && answer.status < 500) return answer;
        await sleep(500);
      }
      return null;
    };

    const bodyOf = (kind: Kind, n: number): { url: string; body: Record<string, unknown>; token: string } => {
      switch (kind) {
        case 'openAccount':
          return {
            url: '/api/v1/orders',
            body: openAccountBody({ payment: cardPayment }),
            token: people.store,
          };
        case 'collectFee': {
          const msisdn = `139001000${String((n % FEE_LINES) + 1).padStart(2, '0')}`;
          const body = { type: 'collectFee', msisdn, amountFen: 100, payment: { method: 'cash' } };
          return { url: '/api/v1/orders', body, token: people.store };
        }
        case 'portIn':
          portIns++;
          return {
            url: '/api/v1/orders',
            body: portInBody(`1331235${String(portIns).padStart(4, '0')}`),
            token: people.store,
          };
        case 'memberAdd': {
          const msisdn = memberLine(10 + (members++ % 190));
          const body = {
            type: 'groupMemberAdd',
            groupCode: GROUP,
            productCode: 'HDJ',
            msisdn,
            attributes: { displayName: `成员 ${n}`, role: 'member', priority: 3 },
          };
          return { url: '/api/v1/orders', body, token: people.manager };
        }
        case 'workOrder':
          return {
            url: '/api/v1/work-orders',
            body: workOrderBody({ territory: undefined, title: `信号差 Weak signal #${n}` }),
            token: people.store,
          };
      }
    };

    const follow = async (b: Business, token: string) => {
      const url = `/api/v1/orders/${encodeURIComponent(b.id ?? '')}`;
      while (Date.now() < deadline()) {
        const res = await send({ method: 'GET', url, token });
        if (res?.status === 200) {
          const o = res.json<{
            status: string;
            step: string | null;
            failure?: { code: string; message: string };
          }>();
          b.lastSeen = `${o.status}/${o.step ?? '-'}${o.failure ? `: ${o.failure.message}` : ''}`;
          if (isTerminal(o.status as never)) {
            b.outcome =
              o.status === 'completed' || o.status === 'cancelled'
                ? o.status
                : `${o.status}:${o.failure?.code ?? '?'}`;
            b.endedAt = Date.now();
            return;
          }
        }
        await sleep(400);
      }
    };

    const grabbed = async (b: Business) => {
      const steps = `/api/v1/work-orders/${encodeURIComponent(b.id ?? '')}/steps`;
      const accepted = await send({
        method: 'POST',
        url: steps,
        token: people.dispatcher,
        body: { action: 'accept' },
      });
      b.lastSeen = `accept ${accepted?.status ?? 'no answer'}`;
      if (accepted?.status !== 200 && accepted?.status !== 409) return;
      const answers = await Promise.all(
        [people.tech, tech2].map((token) =>
          send({ method: 'POST', url: steps, token, body: { action: 'grab' } }),
        ),
      );
      b.lastSeen = `grabs ${answers.map((a) => a?.status ?? 'none').join(',')}`;
      if (answers.every((a) => a !== null)) {
        b.outcome = 'dispatched';
        b.endedAt = Date.now();
      }
    };

    let n = 0;
    const lane = async () => {
      while (Date.now() < loadEnds) {
        const i = n++;
        const kind = MIX[i % MIX.length] ?? 'openAccount';
        const { url, body, token } = bodyOf(kind, i);
        const key = `chaos-${i}-${randomBytes(4).toString('hex')}`;
        const b: Business = {
          kind,
          key,
          id: null,
          submittedAt: Date.now(),
          endedAt: null,
          outcome: null,
          lastSeen: 'submitting',
        };
        businesses.push(b);
        maxInFlight = Math.max(maxInFlight, inFlight());
        const answer = await send({ method: 'POST', url, token, body, headers: { 'idempotency-key': key } });
        if (!answer || answer.status !== 202) {
          b.lastSeen = `submit ${answer?.status ?? 'no answer'} ${answer?.text.slice(0, 120) ?? ''}`;
          b.outcome = answer ? `refused ${answer.status}` : 'unanswered';
          b.endedAt = Date.now();
          continue;
        }
        b.id = answer.json<{ id: string }>().id;
        if (kind === 'workOrder') await grabbed(b);
        else await follow(b, token);
      }
    };

    // Faults, one after another, while the lanes run.
    const faults = { workerKills: 0, historyKills: 0, pgRestarts: 0, apiDownSec: 0 };
    const at = async (second: number) => sleep(Math.max(0, started + second * 1000 - Date.now()));
    const killWorker = async (
      second: number,
      worker: Supervised<{ kill: (s: NodeJS.Signals) => void; pid: number | undefined }> | undefined,
    ) => {
      await at(second);
      if (!worker) return;
      log(`fault: SIGKILL ${worker.name} (pid ${worker.current().pid ?? '?'}), ${inFlight()} in flight`);
      faultTimes.push(Date.now());
      worker.current().kill('SIGKILL');
      faults.workerKills++;
    };
    const injectFaults = async () => {
      const [w1, w2] = topology.workers;
      await killWorker(5, w1);
      await killWorker(5 + faultEvery, w2);
      await killWorker(5 + 2 * faultEvery, w1);
      await at(5 + 3 * faultEvery);
      const history = topology.temporal.service('history');
      log(`fault: SIGKILL the Temporal history service (pid ${history.pid ?? '?'}), ${inFlight()} in flight`);
      faultTimes.push(Date.now());
      history.kill('SIGKILL');
      faults.historyKills++;
      await at(5 + 4 * faultEvery);
      log(`fault: PostgreSQL restarted (down 3 s), ${inFlight()} in flight`);
      faultTimes.push(Date.now());
      await topology.postgres.takeDown(3_000);
      faults.pgRestarts++;
      await at(5 + 5 * faultEvery);
      const replica = topology.apis[1];
      if (replica) {
        log(`fault: ${replica.name} taken out for 30 s, ${inFlight()} in flight`);
        faultTimes.push(Date.now());
        const downAt = Date.now();
        await replica.takeDown(30_000);
        faults.apiDownSec = Math.round((Date.now() - downAt) / 1000);
      }
      lastFaultEnded = Date.now();
    };

    const ticker = progress(
      log,
      () => {
        const ended = businesses.filter((b) => b.endedAt !== null).length;
        return `${businesses.length} submitted, ${ended} ended, ${inFlight()} in flight`;
      },
      5_000,
    );
    try {
      await Promise.all([injectFaults(), ...Array.from({ length: lanes }, lane)]);
    } finally {
      ticker.stop();
    }
    log(`load over: ${businesses.length} submitted in ${round((Date.now() - started) / 1000)} s; checking…`);

    // What must never happen, read from the system's database and the simulated BBOSS.
    // (`in ()` would not parse: an ID no business has stands in for none.)
    const ids = ['-', ...businesses.flatMap((b) => (b.id ? [b.id] : []))];
    // Lost: answered 202 (taken), yet no order or work order exists under its ID.
    const rows = await db.execute<{ id: string }>(sql`
      select id from orders where id in ${ids} union select id from work_orders where id in ${ids}`);
    const existing = new Set(rows.map((r) => r.id));
    const lost = businesses.filter((b) => b.id !== null && !existing.has(b.id));
    // Charged twice: more than one charge for one order at the bank itself (the charge's key starts with the
    // order's ID), whatever the system's own payments table says.
    const chargesPerOrder = new Map<string, number>();
    for (const c of await simulators.bank.charges({ account: CARD })) {
      const order = c.idempotencyKey.replace(/:[^:]*$/, '');
      chargesPerOrder.set(order, (chargesPerOrder.get(order) ?? 0) + 1);
    }
    const [sims] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from (select iccid from subscribers where status not in ('cancelled', 'portedOut')
      group by iccid having count(*) > 1) d`);
    const [numbers] = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from (select summary->>'msisdn' as msisdn from orders where id in ${ids}
      and status = 'completed' and type in ('openAccount', 'portIn') group by 1 having count(*) > 1) d`);
    const grabs = await db.execute<{ id: string; n: number }>(sql`
      select w.id, (select count(*)::int from work_order_events e where e.work_order_id = w.id and e.action = 'grab') as n
      from work_orders w where w.id in ${ids}`);
    const memberAdds = (await simulators.bboss.appliedMemberChanges({ groupCode: GROUP })).filter(
      (c) => c.action === 'add',
    );
    const addsPerMember = new Map<string, number>();
    for (const c of memberAdds) addsPerMember.set(c.msisdn, (addsPerMember.get(c.msisdn) ?? 0) + 1);

    const count = (values: readonly string[]) => {
      const counted: Record<string, number> = {};
      for (const v of values) counted[v] = (counted[v] ?? 0) + 1;
      return counted;
    };
    const ended = businesses.filter((b) => b.outcome !== null);
    const stuck = businesses.filter((b) => b.outcome === null && b.id !== null);
    const notTaken = businesses.filter((b) => b.id === null);
    const failed = ended.filter(
      (b) => b.id !== null && b.outcome !== 'completed' && b.outcome !== 'dispatched',
    );
    const recovery = faultTimes.map((t) => {
      const after = businesses
        .filter((b) => b.submittedAt >= t && b.endedAt !== null)
        .map((b) => (b.endedAt ?? t) - t);
      return after.length ? Math.min(...after) / 1000 : Number.POSITIVE_INFINITY;
    });
    for (const b of stuck.slice(0, 10)) log(`stuck: ${b.kind} ${b.id ?? b.key} last seen ${b.lastSeen}`);
    for (const b of failed.slice(0, 10)) log(`failed: ${b.kind} ${b.id ?? b.key}: ${b.lastSeen}`);
    for (const b of lost.slice(0, 10)) log(`lost: ${b.kind} ${b.key} last seen ${b.lastSeen}`);
    const workflowsRunning = (await client.workflow.count('ExecutionStatus="Running"')).count;
    log(
      `workflows still running on the cluster: ${workflowsRunning} (work orders wait for their next step; the tidy-up loops)`,
    );
    return {
      faults,
      submitted: businesses.length,
      submittedByKind: count(businesses.map((b) => b.kind)),
      maxInFlight,
      completed: ended.length - failed.length - notTaken.length,
      failed: failed.length,
      notTaken: notTaken.length,
      notTakenReasons: count(notTaken.map((b) => `${b.kind} ${b.lastSeen}`)),
      failedReasons: count(failed.map((b) => `${b.kind} ${b.outcome ?? ''}`)),
      lost: lost.length,
      stuck: stuck.length,
      stuckStates: count(stuck.map((b) => `${b.kind} ${b.lastSeen}`)),
      duplicateCharges: [...chargesPerOrder.values()].filter((n) => n > 1).length,
      bankCharges: [...chargesPerOrder.values()].reduce((a, b) => a + b, 0),
      doubleAllocations: { numbers: numbers?.n ?? 0, sims: sims?.n ?? 0 },
      duplicateMembers: [...addsPerMember.values()].filter((n) => n > 1).length,
      grabWinnersNot1: grabs.filter((g) => g.n > 1).length,
      notGrabbed: grabs.filter((g) => g.n === 0).length,
      maxRecoverySec: round(Math.max(...recovery), 1),
      settings: `lanes ${lanes}, ${seconds} s of load, faults ${faultEvery} s apart, HLR ${hlrMs} ms, STEP_TIMEOUT_SECONDS 15`,
    };
  },
});
