import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectWorkOrder } from '../../db/queries/work-orders';
import type {
  WorkOrderCategory,
  WorkOrderPriority,
  WorkOrderState,
  WorkOrderStatus,
} from '../../domain/work-orders';
import { startHarness, type Harness } from '../support/harness';

/**
 * The dispatchers' views read the work-order projection, so this file fills it directly (as the workflows
 * would, through projectWorkOrder) with 32 work orders whose times are minutes relative to `now`, and checks
 * the lists and outlet statistics against numbers worked out by hand from the table below.
 */

const MIN = 60_000;

interface Row {
  n: number;
  status: WorkOrderStatus;
  priority: WorkOrderPriority;
  outlet: string | null;
  assignee?: string;
  vip?: boolean;
  kind?: 'greenChannel';
  category?: WorkOrderCategory;
  /** Minutes relative to now (negative: in the past). */
  created: number;
  respDue: number;
  resDue: number;
  responded?: number;
  resolved?: number;
  respBreached?: boolean;
  resBreached?: boolean;
}

const XD = 'OUT-BJ-XD';
const WFJ = 'OUT-BJ-WFJ';
const HD = 'OUT-BJ-HD';

// One work order a line (kept as a table). Late, with minutes late (13): 2 (60), 3 (20), 6 (30), 9 (120),
// 11 (100), 12 (40), 16 (60), 18 (10), 21 (120), 24 (960), 26 (520), 28 (15), 29 (1440). Cancelled and
// rejected ones past their due times (14, 22, 31) are not late.
// prettier-ignore
const rows: Row[] = [
  // Xidan (OUT-BJ-XD)
  { n: 1, status: 'accepted', priority: 'P2', outlet: XD, vip: true, kind: 'greenChannel', category: 'terminalSupport', created: -30, respDue: 30, resDue: 210 },
  { n: 2, status: 'accepted', priority: 'P1', outlet: XD, kind: 'greenChannel', category: 'businessHandling', created: -120, respDue: -60, resDue: 120 },
  { n: 3, status: 'outletAssigned', priority: 'P3', outlet: XD, created: -200, respDue: -20, resDue: 280, respBreached: true },
  { n: 4, status: 'outletAssigned', priority: 'P4', outlet: XD, category: 'installation', created: -15, respDue: 100, resDue: 900 },
  { n: 5, status: 'dispatched', priority: 'P3', outlet: XD, assignee: 'tech01', created: -100, respDue: -40, responded: -50, resDue: 300 },
  { n: 6, status: 'dispatched', priority: 'P2', outlet: XD, assignee: 'tech01', vip: true, category: 'networkFault', created: -300, respDue: -240, responded: -250, resDue: -30 },
  { n: 7, status: 'dispatched', priority: 'P3', outlet: XD, assignee: 'tech02', category: 'terminalSupport', created: -50, respDue: 10, responded: -20, resDue: 400 },
  { n: 8, status: 'inService', priority: 'P1', outlet: XD, assignee: 'tech02', vip: true, category: 'networkFault', created: -90, respDue: -60, responded: -80, resDue: 30 },
  { n: 9, status: 'inService', priority: 'P2', outlet: XD, assignee: 'tech01', created: -600, respDue: -540, responded: -500, resDue: -120, respBreached: true, resBreached: true },
  { n: 10, status: 'completed', priority: 'P3', outlet: XD, assignee: 'tech01', created: -3000, respDue: -2940, responded: -2950, resDue: -2520, resolved: -2600 },
  { n: 11, status: 'closed', priority: 'P2', outlet: XD, assignee: 'tech02', created: -5000, respDue: -4970, responded: -4980, resDue: -4800, resolved: -4700, resBreached: true },
  { n: 12, status: 'closed', priority: 'P3', outlet: XD, assignee: 'tech01', created: -8000, respDue: -7940, responded: -7900, resDue: -7520, resolved: -7600, respBreached: true },
  { n: 13, status: 'closed', priority: 'P4', outlet: XD, assignee: 'tech02', created: -57600, respDue: -57500, responded: -57550, resDue: -57000, resolved: -57100 },
  { n: 14, status: 'cancelled', priority: 'P3', outlet: XD, created: -400, respDue: -340, resDue: 80 },
  // Wangfujing (OUT-BJ-WFJ)
  { n: 15, status: 'outletAssigned', priority: 'P3', outlet: WFJ, created: -60, respDue: 5, resDue: 420 },
  { n: 16, status: 'dispatched', priority: 'P1', outlet: WFJ, assignee: 'tech03', vip: true, created: -240, respDue: -180, responded: -200, resDue: -60, resBreached: true },
  { n: 17, status: 'dispatched', priority: 'P4', outlet: WFJ, assignee: 'tech04', created: -1000, respDue: -700, responded: -900, resDue: 2000 },
  { n: 18, status: 'inService', priority: 'P3', outlet: WFJ, assignee: 'tech04', created: -500, respDue: -440, responded: -450, resDue: -10 },
  { n: 19, status: 'inService', priority: 'P2', outlet: WFJ, assignee: 'tech03', created: -105, respDue: -70, responded: -95, resDue: 140 },
  { n: 20, status: 'completed', priority: 'P1', outlet: WFJ, assignee: 'tech03', created: -1500, respDue: -1470, responded: -1480, resDue: -1260, resolved: -1300 },
  { n: 21, status: 'completed', priority: 'P3', outlet: WFJ, assignee: 'tech04', created: -2000, respDue: -1940, responded: -1900, resDue: -1520, resolved: -1400, respBreached: true, resBreached: true },
  { n: 22, status: 'rejected', priority: 'P4', outlet: null, created: -700, respDue: -640, resDue: -220 },
  // Haidian (OUT-BJ-HD)
  { n: 23, status: 'dispatched', priority: 'P2', outlet: HD, assignee: 'tech05', created: -20, respDue: 10, responded: -5, resDue: 220 },
  { n: 24, status: 'inService', priority: 'P3', outlet: HD, assignee: 'tech05', category: 'networkFault', created: -1440, respDue: -1380, responded: -1390, resDue: -960, resBreached: true },
  { n: 25, status: 'completed', priority: 'P2', outlet: HD, assignee: 'tech05', created: -20000, respDue: -19970, responded: -19990, resDue: -19800, resolved: -19900 },
  { n: 26, status: 'closed', priority: 'P3', outlet: HD, assignee: 'tech05', created: -30000, respDue: -29940, responded: -29800, resDue: -29520, resolved: -29000, respBreached: true, resBreached: true },
  // No outlet yet (Pudong, OUT-SH-PD, has no work at all)
  { n: 27, status: 'created', priority: 'P3', outlet: null, created: -10, respDue: 50, resDue: 470 },
  { n: 28, status: 'created', priority: 'P1', outlet: null, vip: true, created: -45, respDue: -15, resDue: 195 },
  { n: 29, status: 'accepted', priority: 'P4', outlet: null, created: -2880, respDue: -1440, resDue: 3000, respBreached: true },
  { n: 30, status: 'accepted', priority: 'P3', outlet: null, created: -25, respDue: 35, resDue: 455 },
  { n: 31, status: 'cancelled', priority: 'P2', outlet: null, created: -1010, respDue: -970, resDue: -760 },
  { n: 32, status: 'created', priority: 'P4', outlet: null, category: 'complaintFollowUp', created: -3, respDue: 237, resDue: 2877 },
];

const idOf = (n: number) => `WorkOrder:view-${String(n).padStart(2, '0')}`;
const msisdnOf = (n: number) => `1380010${String(n).padStart(4, '0')}`;

function stateOf(row: Row, now: number): WorkOrderState {
  const at = (minutes: number | undefined) =>
    minutes === undefined ? null : new Date(now + minutes * MIN).toISOString();
  return {
    id: idOf(row.n),
    kind: row.kind ?? 'standard',
    source: row.kind ? 'greenChannel' : 'staff',
    category: row.category ?? 'broadbandRepair',
    greenChannelType: row.kind ? 'storeAppointment' : null,
    priority: row.priority,
    status: row.status,
    title: `Work ${row.n}`,
    description: `Fixture work order ${row.n}`,
    customer: { name: `客户 ${row.n}`, msisdn: msisdnOf(row.n) },
    vip: row.vip ?? false,
    city: 'Beijing',
    territory: null,
    requiredSkill: null,
    outletCode: row.outlet,
    assigneeId: row.assignee ?? null,
    appointment: null,
    result: row.resolved === undefined ? null : { summary: 'done', resolved: true },
    commitments: [],
    createdBy: 'store01',
    channelCode: 'STORE-BJ-001',
    createdAt: at(row.created) ?? '',
    sla: {
      responseDueAt: at(row.respDue),
      resolutionDueAt: at(row.resDue),
      respondedAt: at(row.responded),
      resolvedAt: at(row.resolved),
      responseBreached: row.respBreached ?? false,
      resolutionBreached: row.resBreached ?? false,
    },
    events: 1,
  };
}

interface Item {
  id: string;
  kind: string;
  category: string;
  priority: string;
  status: string;
  statusLabel: { zh: string; en: string };
  title: string;
  vip: boolean;
  customer: { name: string; msisdn: string };
  outletCode: string | null;
  assigneeId: string | null;
  createdAt: string;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  late: boolean;
  lateByMinutes: number | null;
}

describe('dispatchers’ views of work orders (工单列表与网点统计)', () => {
  let h: Harness;
  let dispatcher: string;
  let tech: string;
  let now: number;

  beforeAll(async () => {
    h = await startHarness();
    now = Date.now();
    for (const row of rows) {
      const state = stateOf(row, now);
      await projectWorkOrder(h.db, state, {
        seq: 0,
        at: state.createdAt,
        actor: 'fixture',
        action: 'created',
        fromStatus: null,
        toStatus: row.status,
        details: {},
      });
    }
    dispatcher = await h.login('dispatch01', 'STORE-BJ-001');
    tech = await h.login('tech01', 'STORE-BJ-001');
  });
  afterAll(async () => h?.close());

  const get = (url: string, token = dispatcher) =>
    h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  /** The work orders (by fixture number) that a list query answers, in order, with the total count. */
  async function list(query: string, token = dispatcher) {
    const res = await get(`/api/v1/work-orders?limit=200&${query}`, token);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Item[] }>().items;
    return {
      ns: items.map((i) => Number(i.id.slice('WorkOrder:view-'.length))),
      total: Number(res.headers['x-total-count']),
      items,
    };
  }
  const sorted = (ns: number[]) => [...ns].sort((a, b) => a - b);
  const iso = (minutes: number) => encodeURIComponent(new Date(now + minutes * MIN).toISOString());

  it('WO-6: every work order is listed newest first, with status labels and the number masked', async () => {
    const { ns, total, items } = await list('');
    expect(total).toBe(32);
    expect(ns.slice(0, 6)).toEqual([32, 27, 4, 23, 30, 1]);
    expect(ns.at(-1)).toBe(13);
    const first = items.find((i) => i.id === idOf(1));
    expect(first).toMatchObject({
      kind: 'greenChannel',
      category: 'terminalSupport',
      priority: 'P2',
      status: 'accepted',
      statusLabel: { zh: '已受理', en: 'Accepted' },
      title: 'Work 1',
      vip: true,
      customer: { name: '客户 1', msisdn: '138****0001' },
      outletCode: XD,
      assigneeId: null,
      createdAt: new Date(now - 30 * MIN).toISOString(),
      responseDueAt: new Date(now + 30 * MIN).toISOString(),
      late: false,
      lateByMinutes: null,
    });
    // No full number anywhere in the list.
    for (const i of items) expect(i.customer.msisdn).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('WO-6: each filter alone: status (one or many), outlet, assignee, priority, kind, category, vip', async () => {
    expect(sorted((await list('status=dispatched')).ns)).toEqual([5, 6, 7, 16, 17, 23]);
    const many = await list('status=dispatched,inService');
    expect(sorted(many.ns)).toEqual([5, 6, 7, 8, 9, 16, 17, 18, 19, 23, 24]);
    expect(many.total).toBe(11);
    expect(sorted((await list(`outletCode=${WFJ}`)).ns)).toEqual([15, 16, 17, 18, 19, 20, 21]);
    expect(sorted((await list('assigneeId=tech01')).ns)).toEqual([5, 6, 9, 10, 12]);
    expect(sorted((await list('priority=P1')).ns)).toEqual([2, 8, 16, 20, 28]);
    expect(sorted((await list('kind=greenChannel')).ns)).toEqual([1, 2]);
    expect(sorted((await list('category=networkFault')).ns)).toEqual([6, 8, 24]);
    expect(sorted((await list('vip=true')).ns)).toEqual([1, 6, 8, 16, 28]);
    expect((await list('vip=false')).total).toBe(27);
    expect((await list('outletCode=OUT-SH-PD')).total).toBe(0);
  });

  it('WO-6: creation time from (inclusive) to (exclusive)', async () => {
    const { ns } = await list(`createdFrom=${iso(-100)}&createdTo=${iso(-20)}`);
    expect(sorted(ns)).toEqual([1, 5, 7, 8, 15, 28, 30]);
  });

  it('WO-6: overdue is computed from the due dates against now, not only from the breach flags', async () => {
    const late = await list('overdue=true');
    expect(sorted(late.ns)).toEqual([2, 3, 6, 9, 11, 12, 16, 18, 21, 24, 26, 28, 29]);
    expect((await list('overdue=false')).total).toBe(19);
    const by = new Map(late.items.map((i) => [Number(i.id.slice(-2)), i.lateByMinutes]));
    // Finished work orders: how late the target was met; fixed.
    expect(by.get(11)).toBe(100);
    expect(by.get(12)).toBe(40);
    expect(by.get(21)).toBe(120);
    expect(by.get(26)).toBe(520);
    // Open ones: late by their due time up to now (no flag set on 2, 6, 18 and 28: the dates alone say so).
    for (const [n, minutes] of [
      [2, 60],
      [3, 20],
      [6, 30],
      [9, 120],
      [16, 60],
      [18, 10],
      [24, 960],
      [28, 15],
      [29, 1440],
    ] as const) {
      expect(by.get(n)).toBeGreaterThanOrEqual(minutes);
      expect(by.get(n)).toBeLessThanOrEqual(minutes + 2);
    }
    const onTime = (await list('overdue=false')).items;
    // Cancelled and rejected work orders past their due times stop their clocks: not late.
    expect(onTime.map((i) => i.id)).toEqual(expect.arrayContaining([idOf(14), idOf(22), idOf(31)]));
    expect(onTime.every((i) => !i.late && i.lateByMinutes === null)).toBe(true);
  });

  it('WO-6: filters combine', async () => {
    expect(sorted((await list(`outletCode=${XD}&overdue=true`)).ns)).toEqual([2, 3, 6, 9, 11, 12]);
    expect(sorted((await list(`outletCode=${XD}&status=dispatched,inService&overdue=true`)).ns)).toEqual([
      6, 9,
    ]);
    expect(sorted((await list('priority=P2&vip=true')).ns)).toEqual([1, 6]);
    expect(sorted((await list('assigneeId=tech04&status=inService&priority=P3')).ns)).toEqual([18]);
  });

  it('WO-6, CUST-1: sort=priority is the dispatch queue: P1 first, VIP first, then the longest waiting', async () => {
    const { ns } = await list('sort=priority&priority=P1,P2');
    // P1: VIP 16 (-240), 8 (-90), 28 (-45); then 20 (-1500), 2 (-120). P2: VIP 6 (-300), 1 (-30); then oldest.
    expect(ns).toEqual([16, 8, 28, 20, 2, 6, 1, 25, 11, 31, 9, 19, 23]);
  });

  it('WO-6: paging with offset and limit; X-Total-Count is the whole match', async () => {
    const all = (await list('')).ns;
    const page = (offset: number) => get(`/api/v1/work-orders?limit=5&offset=${offset}`);
    const first = await page(0);
    expect(first.headers['x-total-count']).toBe('32');
    const pages: number[] = [];
    for (let offset = 0; offset < 32; offset += 5) {
      const res = await page(offset);
      expect(res.headers['x-total-count']).toBe('32');
      pages.push(...res.json<{ items: Item[] }>().items.map((i) => Number(i.id.slice(-2))));
    }
    expect(pages).toEqual(all);
    const last = await page(30);
    expect(last.json<{ items: Item[] }>().items).toHaveLength(2);
    const filtered = await get('/api/v1/work-orders?status=dispatched&limit=2&offset=2');
    expect(filtered.headers['x-total-count']).toBe('6');
    expect(filtered.json<{ items: Item[] }>().items).toHaveLength(2);
  });

  it('WO-6: a bad filter value is refused 400 naming the field; createdTo not after createdFrom 422 BusinessRuleViolated', async () => {
    const cases: [string, string, number?, string?][] = [
      ['status=dispatched,bogus', 'querystring.status'],
      ['priority=P9', 'querystring.priority'],
      ['overdue=maybe', 'querystring.overdue'],
      ['vip=1', 'querystring.vip'],
      ['kind=urgent', 'querystring.kind'],
      ['category=plumbing', 'querystring.category'],
      ['createdFrom=yesterday', 'querystring.createdFrom'],
      [`createdFrom=${iso(-10)}&createdTo=${iso(-20)}`, 'querystring.createdTo', 422, 'BusinessRuleViolated'],
      ['limit=500', 'querystring.limit'],
      ['sort=oldest', 'querystring.sort'],
    ];
    for (const [query, field, status = 400, code = 'ValidationFailed'] of cases) {
      const res = await get(`/api/v1/work-orders?${query}`);
      expect(res.statusCode, query).toBe(status);
      expect(res.json<{ code: string; message: string }>(), query).toMatchObject({ code });
      expect(res.json<{ message: string }>().message, query).toContain(field);
    }
  });

  it('WO-6: every work-order desk may list (tech01, service staff); an unsigned caller may not', async () => {
    const { total } = await list('assigneeId=tech01', tech);
    expect(total).toBe(5);
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/v1/work-orders' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('WO-6: the list (with its filters) and the outlet statistics are documented in OpenAPI', async () => {
    const res = await h.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    type Operation = { tags?: string[]; parameters?: { name: string; in: string }[] };
    const paths = res.json<{ paths: Record<string, Record<string, Operation>> }>().paths;
    const listing = paths['/api/v1/work-orders']?.get;
    expect(listing?.tags).toEqual(['work orders']);
    expect(listing?.parameters?.filter((p) => p.in === 'query').map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'priority', 'outletCode', 'assigneeId', 'overdue', 'sort', 'limit']),
    );
    expect(paths['/api/v1/work-orders/stats/outlets']?.get?.tags).toEqual(['work orders']);
  });

  interface OutletStats {
    outletCode: string;
    name: string;
    backlog: Record<string, number>;
    lateNow: number;
    completedInWindow: number;
    resolution: { measured: number; met: number; attainment: number | null };
    response: { measured: number; met: number; attainment: number | null };
  }
  const stats = async (query = '') => {
    const res = await get(`/api/v1/work-orders/stats/outlets${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ window: { from: string; to: string }; outlets: OutletStats[] }>();
    return { ...body, by: new Map(body.outlets.map((o) => [o.outletCode, o])) };
  };

  it('WO-6, RPT-1: per outlet backlog, late now and SLA attainment over the last 30 days (by hand)', async () => {
    const { window, outlets, by } = await stats();
    expect(Date.parse(window.to) - Date.parse(window.from)).toBe(30 * 86_400_000);
    // Every outlet, also Pudong with no work at all.
    expect(outlets.map((o) => o.outletCode)).toEqual(['OUT-BJ-HD', 'OUT-BJ-WFJ', 'OUT-BJ-XD', 'OUT-SH-PD']);
    expect(by.get(XD)).toMatchObject({
      name: '西单网点 Xidan',
      backlog: { accepted: 2, outletAssigned: 2, dispatched: 3, inService: 2, total: 9 },
      lateNow: 4, // 2, 3, 6, 9 (11 and 12 are late but closed)
      completedInWindow: 3, // 10, 11, 12 (13 was resolved 40 days ago)
      resolution: { measured: 3, met: 2, attainment: 0.6667 }, // 11 was late
      response: { measured: 8, met: 6, attainment: 0.75 }, // 5–12 responded; 9 and 12 late
    });
    expect(by.get(WFJ)).toMatchObject({
      backlog: { accepted: 0, outletAssigned: 1, dispatched: 2, inService: 2, total: 5 },
      lateNow: 2, // 16, 18
      completedInWindow: 2, // 20, 21
      resolution: { measured: 2, met: 1, attainment: 0.5 },
      response: { measured: 6, met: 5, attainment: 0.8333 }, // 16–21; 21 late
    });
    expect(by.get(HD)).toMatchObject({
      backlog: { accepted: 0, outletAssigned: 0, dispatched: 1, inService: 1, total: 2 },
      lateNow: 1, // 24
      completedInWindow: 2, // 25, 26
      resolution: { measured: 2, met: 1, attainment: 0.5 },
      response: { measured: 4, met: 3, attainment: 0.75 }, // 23–26; 26 late
    });
    expect(by.get('OUT-SH-PD')).toMatchObject({
      name: '浦东网点 Pudong',
      backlog: { accepted: 0, outletAssigned: 0, dispatched: 0, inService: 0, total: 0 },
      lateNow: 0,
      completedInWindow: 0,
      resolution: { measured: 0, met: 0, attainment: null },
      response: { measured: 0, met: 0, attainment: null },
    });
  });

  it('WO-6, RPT-1: a chosen window counts only what was resolved or responded in it; a reversed one is refused 422 naming from', async () => {
    const { window, by } = await stats(`?from=${iso(-5000)}&to=${iso(0)}`);
    expect(window.from).toBe(new Date(now - 5000 * MIN).toISOString());
    // Xidan: resolved 10 (met) and 11 (late); responded 5–11, of which 9 late.
    expect(by.get(XD)).toMatchObject({
      completedInWindow: 2,
      resolution: { measured: 2, met: 1, attainment: 0.5 },
      response: { measured: 7, met: 6 },
    });
    // Haidian's completions are older than the window; its open work is counted all the same.
    expect(by.get(HD)).toMatchObject({
      backlog: { dispatched: 1, inService: 1, total: 2 },
      completedInWindow: 0,
      resolution: { measured: 0, met: 0, attainment: null },
      response: { measured: 2, met: 2, attainment: 1 },
    });
    const bad = await get(`/api/v1/work-orders/stats/outlets?from=${iso(0)}&to=${iso(-60)}`);
    expect(bad.statusCode).toBe(422);
    expect(bad.json<{ code: string }>().code).toBe('BusinessRuleViolated');
    expect(bad.json<{ message: string }>().message).toContain('querystring.from');
  });

  it('WO-6: the statistics need the dispatcher desk (tech01 → 403); /stats/outlets is not taken for an ID', async () => {
    const denied = await get('/api/v1/work-orders/stats/outlets', tech);
    expect(denied.statusCode).toBe(403);
    expect(denied.json<{ code: string }>().code).toBe('RoleNotAllowed');
    // The static segment wins over GET /api/v1/work-orders/:id, which the work-order routes register.
    expect(h.app.hasRoute({ method: 'GET', url: '/api/v1/work-orders/:id' })).toBe(true);
    const res = await get('/api/v1/work-orders/stats/outlets');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ outlets: unknown[] }>().outlets).toHaveLength(4);
  });
});
