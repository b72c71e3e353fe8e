import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createGroupMemberActivities } from '../../activities/group-members';
import type { BbossAdapter } from '../../activities/adapters/bboss';
import { createMemberBatch } from '../../db/queries/member-batches';
import {
  customerCategoryAssignments,
  groupMemberEvents,
  groupMembers,
  groupSubscriptions,
  memberBatchRows,
} from '../../db/schema';
import { errorCatalogue } from '../../domain/errors';
import { memberBatchProgressQuery } from '../../workflows/contracts/member-batch';
import { ChannelCodeAttribute, GroupCodeAttribute } from '../../workflows/contracts/search-attributes';
import { startHarness, type Harness } from '../support/harness';
import { insertActiveSubscription, insertMembers, memberLine } from '../support/groups';
import { newKey } from '../support/orders';
import { recordedHistory, replayOnTodaysCode } from '../support/replay';

interface BatchView {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  acceptedRows: number;
  rejectedRows: number;
  percent: number;
  finishedAt: string | null;
}
interface RowView {
  rowNo: number;
  msisdn: string;
  result: string;
  reasonCode: string | null;
  reason: string | null;
}

/** A member file: header and rows, each row `msisdn,displayName[,priority]`. */
const csvOf = (rows: string[], header = 'msisdn,displayName,priority') =>
  `${header}\r\n${rows.join('\r\n')}\r\n`;
const lines = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => `${memberLine(from + i)},成员${from + i},`);

function batchApi(h: Harness, token: string) {
  const auth = { authorization: `Bearer ${token}` };
  return {
    upload: (groupCode: string, csv: string, key = newKey('batch')) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/groups/${groupCode}/products/HDJ/member-batches`,
        headers: { ...auth, 'idempotency-key': key, 'content-type': 'text/csv' },
        payload: csv,
      }),
    get: async (id: string): Promise<BatchView> => {
      const res = await h.app.inject({ method: 'GET', url: `/api/v1/member-batches/${id}`, headers: auth });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    },
    rows: async (id: string, query = '') => {
      const res = await h.app.inject({
        method: 'GET',
        url: `/api/v1/member-batches/${id}/rows?limit=1000${query}`,
        headers: auth,
      });
      expect(res.statusCode, res.body).toBe(200);
      return { total: Number(res.headers['x-total-count']), items: res.json<{ items: RowView[] }>().items };
    },
    /** Polls the batch through the API until it is completed. */
    completed: (id: string, timeoutMs = 30_000) =>
      vi.waitFor(
        async () => {
          const res = await h.app.inject({
            method: 'GET',
            url: `/api/v1/member-batches/${id}`,
            headers: auth,
          });
          const batch = res.json<BatchView>();
          if (batch.status !== 'completed') throw new Error(`batch ${id}: ${batch.processedRows} processed`);
          return batch;
        },
        { timeout: timeoutMs, interval: 100 },
      ),
  };
}

const membersAddedBy = async (h: Harness, source: string) =>
  (await h.db.select({ n: count() }).from(groupMembers).where(eq(groupMembers.addedBy, source)))[0]?.n;
const eventsFrom = async (h: Harness, source: string) =>
  (await h.db.select({ n: count() }).from(groupMemberEvents).where(eq(groupMemberEvents.source, source)))[0]
    ?.n;

describe('member batches (成员批量导入) through the API', () => {
  let h: Harness;
  let api: ReturnType<typeof batchApi>;
  let subscriptionId: string;

  beforeAll(async () => {
    // Small chunks and runs, so a batch of a hundred rows continues as new several times.
    h = await startHarness({
      config: {
        MEMBER_BATCH_CHUNK_SIZE: '10',
        MEMBER_BATCH_CHUNKS_PER_RUN: '2',
        MEMBER_BATCH_MAX_ROWS: '300',
      },
    });
    api = batchApi(h, await h.login('manager01', 'STORE-BJ-001'));
    subscriptionId = await insertActiveSubscription(h.db, '1000000003');
    await insertActiveSubscription(h.db, '1000000005');
  });
  afterAll(async () => h?.close());

  it('GRP-6: 150 rows with bad ones: every row gets one result, counts match, members are added', async () => {
    await insertMembers(h.db, subscriptionId, [memberLine(5)]);
    const rows = lines(0, 145);
    rows[7] = `${memberLine(7)},成员7,9`; // priority must be 1..7
    rows.push(
      '1390020000,too short,',
      'not-a-number,bad,',
      `${memberLine(0)},duplicate,`,
      '13800100000,free pool number,',
      '"13800100001","not a line, quoted",',
    );
    const res = await api.upload('1000000003', csvOf(rows));
    expect(res.statusCode, res.body).toBe(202);
    const accepted = res.json<{
      id: string;
      totalRows: number;
      rejectedAtUpload: number;
      replayed: boolean;
    }>();
    expect(accepted).toMatchObject({ totalRows: 150, rejectedAtUpload: 4, replayed: false });
    expect(accepted.id.startsWith('MemberBatch:')).toBe(true);
    expect(res.headers.location).toBe(`/api/v1/member-batches/${encodeURIComponent(accepted.id)}`);

    const batch = await api.completed(accepted.id);
    expect(batch).toMatchObject({
      status: 'completed',
      totalRows: 150,
      processedRows: 150,
      acceptedRows: 143,
      rejectedRows: 7,
      percent: 100,
    });
    expect(batch.finishedAt).not.toBeNull();
    // OPS: its last run, continued as new from an earlier one, still carries the search attributes it started with.
    const lastRun = h.client.workflow.getHandle(accepted.id);
    const { events } = await lastRun.fetchHistory();
    expect(events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId).toBeTruthy();
    const { typedSearchAttributes } = await lastRun.describe();
    expect(typedSearchAttributes.get(GroupCodeAttribute)).toBe('1000000003');
    expect(typedSearchAttributes.get(ChannelCodeAttribute)).toBe('STORE-BJ-001');

    const all = await api.rows(accepted.id);
    expect(all.total).toBe(150);
    expect(all.items.map((r) => r.rowNo)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(all.items.filter((r) => r.result === 'pending')).toEqual([]);
    const rejected = await api.rows(accepted.id, '&result=rejected');
    expect(rejected.total).toBe(7);
    expect(rejected.items.map((r) => [r.rowNo, r.reasonCode])).toEqual([
      [6, 'AlreadyGroupMember'],
      [8, 'InvalidProductAttributes'],
      [146, 'ValidationFailed'],
      [147, 'ValidationFailed'],
      [148, 'DuplicateInFile'],
      [149, 'MemberNotInService'],
      [150, 'MemberNotInService'],
    ]);
    expect(rejected.items[6]?.reason).toContain('成员号码不是本网在用号码');
    expect(rejected.items[1]?.reason).toContain('attributes.priority');

    expect(await membersAddedBy(h, accepted.id)).toBe(143);
    expect(await eventsFrom(h, accepted.id)).toBe(143);
    const progress = await h.client.workflow.getHandle(accepted.id).query(memberBatchProgressQuery);
    expect(progress).toMatchObject({ status: 'completed', processedRows: 150, percent: 100 });

    // REQ: ORD-3 — the same key and file again is the same batch; nothing is added twice.
    const again = await api.upload(
      '1000000003',
      csvOf(rows),
      accepted.id.slice('MemberBatch:STORE-BJ-001:'.length),
    );
    expect(again.statusCode).toBe(202);
    expect(again.json()).toMatchObject({
      id: accepted.id,
      status: 'completed',
      totalRows: 150,
      rejectedAtUpload: 4,
      replayed: true,
    });
    expect(await membersAddedBy(h, accepted.id)).toBe(143);
    expect((await api.rows(accepted.id)).total).toBe(150);

    const other = await api.upload(
      '1000000003',
      csvOf(lines(0, 3)),
      accepted.id.slice('MemberBatch:STORE-BJ-001:'.length),
    );
    expect(other.statusCode).toBe(409);
    expect(other.json()).toMatchObject({ code: 'IdempotencyKeyReused' });
  });

  it('GRP-6: a batch larger than chunksPerRun × chunkSize continues as new; every run keeps a short history', async () => {
    const res = await api.upload('1000000005', csvOf(lines(0, 100)));
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    expect(await api.completed(id)).toMatchObject({ processedRows: 100, acceptedRows: 100, percent: 100 });

    // 10 chunks of 10 rows, 2 chunks per run: 5 runs, the last one completed.
    const runs = await vi.waitFor(
      async () => {
        const found = [];
        for await (const run of h.client.workflow.list({ query: `WorkflowId = '${id}'` })) found.push(run);
        if (found.length < 5 || !found.some((r) => r.status.name === 'COMPLETED'))
          throw new Error(`${found.length} runs listed so far`);
        return found;
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(runs.map((r) => r.status.name).sort()).toEqual([
      'COMPLETED',
      'CONTINUED_AS_NEW',
      'CONTINUED_AS_NEW',
      'CONTINUED_AS_NEW',
      'CONTINUED_AS_NEW',
    ]);
    for (const run of runs) {
      const history = await h.client.workflow.getHandle(id, run.runId).fetchHistory();
      expect(history.events?.length ?? 0).toBeGreaterThan(0);
      expect(history.events?.length ?? 0).toBeLessThan(200);
      await expect(replayOnTodaysCode(history, run.runId)).resolves.toBeUndefined();
    }
    expect(await eventsFrom(h, id)).toBe(100);
  });

  it('GRP-6: a batch recorded on the code that ran one chunk at a time still replays (patch parallel-member-chunks)', async () => {
    // Recorded with that code: 30 rows, chunks of 10.
    const name = 'member-batch-one-chunk-at-a-time';
    const history = recordedHistory(new URL(`../workflows/histories/${name}.history.json`, import.meta.url));
    await expect(replayOnTodaysCode(history, name)).resolves.toBeUndefined();
  });

  it('GRP-6: a batch recorded on the code that ran chunks in waves still replays (patch member-chunks-kept-in-flight)', async () => {
    // Recorded with that code: 45 rows, chunks of 10, a wave of four chunks and then one of one.
    const name = 'member-batch-in-waves';
    const history = recordedHistory(new URL(`../workflows/histories/${name}.history.json`, import.meta.url));
    await expect(replayOnTodaysCode(history, name)).resolves.toBeUndefined();
  });

  it('GRP-6: rows another chunk still holds keep the batch running (ChunkRowsHeld); once free, it completes with every row accounted for', async () => {
    // The chunk activity itself, on a batch no workflow runs, with a BBOSS that accepts every member.
    const bboss: BbossAdapter = {
      submitOrder: () => Promise.reject(new Error('no group product order in this test')),
      queryOrder: () => Promise.reject(new Error('no group product order in this test')),
      syncMembers: (req) =>
        Promise.resolve({ results: req.changes.map((c) => ({ msisdn: c.msisdn, accepted: true })) }),
    };
    const activities = createGroupMemberActivities({ db: h.db, bboss });
    const batchId = `MB-held-${newKey('rows')}`;
    const rows = Array.from({ length: 20 }, (_, i) => ({
      rowNo: i + 1,
      msisdn: memberLine(180 + i),
      attributes: { displayName: `成员${180 + i}` },
      rejection: null,
    }));
    await createMemberBatch(
      h.db,
      {
        id: batchId,
        subscriptionId: await insertActiveSubscription(h.db, '1000000005'),
        groupCode: '1000000005',
        productCode: 'HDJ',
        requestHash: batchId,
        operatorId: 'manager01',
        channelCode: 'STORE-BJ-001',
      },
      rows,
      batchId,
    );

    // Rows 3 and 4 are held, as by a chunk attempt that timed out while its transaction is still open.
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding = (): void => undefined;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const holder = h.db.transaction(async (tx) => {
      await tx
        .select({ rowNo: memberBatchRows.rowNo })
        .from(memberBatchRows)
        .where(and(eq(memberBatchRows.batchId, batchId), inArray(memberBatchRows.rowNo, [3, 4])))
        .for('update');
      holding();
      await released;
    });
    try {
      await held;
      // The first chunk jumps over the held rows and handles exactly the five it claimed.
      const first = await activities.processMemberBatchChunk({ batchId, chunkSize: 5 });
      expect(first).toMatchObject({ processedRows: 5, acceptedRows: 5, rowsRemain: true });
      const firstRows = await api.rows(batchId, '&result=accepted');
      expect(firstRows.items.map((r) => r.rowNo)).toEqual([1, 2, 5, 6, 7]);
      for (let chunk = 0; chunk < 3; chunk++) {
        expect(await activities.processMemberBatchChunk({ batchId, chunkSize: 5 })).toMatchObject({
          rowsRemain: true,
        });
      }
      // Only the held rows are pending: nothing to claim, yet the batch is not done.
      await expect(activities.processMemberBatchChunk({ batchId, chunkSize: 5 })).rejects.toMatchObject({
        type: 'ChunkRowsHeld',
      });
      await expect(activities.completeMemberBatch({ batchId })).rejects.toMatchObject({
        type: 'ChunkRowsHeld',
      });
      expect(await api.get(batchId)).toMatchObject({
        status: 'running',
        processedRows: 18,
        finishedAt: null,
      });
    } finally {
      release();
      await holder;
    }

    expect(await activities.processMemberBatchChunk({ batchId, chunkSize: 5 })).toMatchObject({
      processedRows: 20,
      rowsRemain: false,
    });
    expect(await activities.completeMemberBatch({ batchId })).toMatchObject({
      status: 'completed',
      processedRows: 20,
      acceptedRows: 20,
      rejectedRows: 0,
      percent: 100,
    });
    expect((await api.rows(batchId, '&result=pending')).total).toBe(0);
    expect((await api.rows(batchId, '&result=accepted')).total).toBe(20);
    expect(await membersAddedBy(h, batchId)).toBe(20);
    expect(await eventsFrom(h, batchId)).toBe(20);
  });

  it('GRP-6: the file is refused as a whole (422): unknown column, no msisdn column, no rows, too many rows', async () => {
    const unknown = await api.upload('1000000003', csvOf(lines(0, 2), 'msisdn,displayName,colour'));
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'InvalidCsv', reason: 'CSV 文件格式不正确' });
    expect(unknown.json<{ message: string }>().message).toContain('"colour"');

    const noMsisdn = await api.upload('1000000003', 'displayName\r\nA\r\n');
    expect(noMsisdn.json()).toMatchObject({ code: 'InvalidCsv' });
    expect((await api.upload('1000000003', 'msisdn,displayName\r\n')).json()).toMatchObject({
      code: 'InvalidCsv',
    });
    const tooMany = await api.upload('1000000003', csvOf(lines(0, 200).concat(lines(0, 101))));
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ code: 'BatchTooLarge' });
  });

  it('GRP-1, GRP-6: no product permission is 403; an unknown group 404; a group without the product 409', async () => {
    const store = batchApi(h, await h.login('store01', 'STORE-BJ-001'));
    const denied = await store.upload('1000000003', csvOf(lines(0, 2)));
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({
      code: 'ProductPermissionRequired',
      reason: '没有该产品的权限，请找管理员授权',
    });

    expect((await api.upload('1999999999', csvOf(lines(0, 2)))).statusCode).toBe(404);
    const inactive = await api.upload('1000000004', csvOf(lines(0, 2)));
    expect(inactive.statusCode).toBe(409);
    expect(inactive.json()).toMatchObject({ code: 'GroupProductNotActive' });

    const missing = await h.app.inject({
      method: 'GET',
      url: '/api/v1/member-batches/MemberBatch:no-such-batch',
      headers: { authorization: `Bearer ${await h.login('manager01', 'STORE-BJ-001')}` },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'BatchNotFound' });
  });

  it('ORD-3: two stores uploading with the same key and file get two batches', async () => {
    await insertActiveSubscription(h.db, '1000000001');
    const key = newKey('batch-two-stores');
    const file = csvOf(lines(160, 162));
    const other = batchApi(h, await h.login('manager01', 'STORE-BJ-002'));
    const first = await api.upload('1000000001', file, key);
    expect(first.statusCode, first.body).toBe(202);
    const same = await other.upload('1000000001', file, key);
    expect(same.statusCode, same.body).toBe(202);
    const a = first.json<{ id: string; replayed: boolean }>();
    const b = same.json<{ id: string; replayed: boolean }>();
    expect([a.id, b.id]).toEqual([`MemberBatch:STORE-BJ-001:${key}`, `MemberBatch:STORE-BJ-002:${key}`]);
    expect([a.replayed, b.replayed]).toEqual([false, false]);
    // Two batches of their own, run side by side: each line joins once, by whichever batch came first.
    const done = [await api.completed(a.id), await other.completed(b.id)];
    expect(done.map((d) => d.totalRows)).toEqual([2, 2]);
    expect(done[0]!.acceptedRows + done[1]!.acceptedRows).toBe(2);
    // Within one store the key is still one batch.
    expect((await api.upload('1000000001', file, key)).json()).toMatchObject({ id: a.id, replayed: true });
  });

  it("CUST-2: a blacklisted group's batch is refused whole; a row whose line's owner is blacklisted is rejected CustomerBlacklisted, the others are added", async () => {
    await insertActiveSubscription(h.db, '1000000001');
    const blacklist = (customerId: string) =>
      h.db
        .insert(customerCategoryAssignments)
        .values({ customerId, categoryCode: 'blacklist', assignedBy: 'test' });

    await blacklist('1000000001');
    const key = newKey('batch-blacklisted-group');
    const refused = await api.upload('1000000001', csvOf(lines(170, 172)), key);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'CustomerBlacklisted', details: { category: 'blacklist' } });
    const stored = await h.app.inject({
      method: 'GET',
      url: `/api/v1/member-batches/MemberBatch:STORE-BJ-001:${key}`,
      headers: { authorization: `Bearer ${await h.login('manager01', 'STORE-BJ-001')}` },
    });
    expect(stored.statusCode).toBe(404);
    await h.db
      .delete(customerCategoryAssignments)
      .where(eq(customerCategoryAssignments.customerId, '1000000001'));

    // The owner of 13900100015 is blacklisted: that row alone is refused.
    await blacklist('CUST-SEED-13900100015');
    const res = await api.upload(
      '1000000001',
      csvOf([`${memberLine(170)},成员170,`, '13900100015,黑名单客户,', `${memberLine(171)},成员171,`]),
    );
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    expect(await api.completed(id)).toMatchObject({ totalRows: 3, acceptedRows: 2, rejectedRows: 1 });
    const rejected = await api.rows(id, '&result=rejected');
    expect(rejected.items).toEqual([
      {
        rowNo: 2,
        msisdn: '13900100015',
        result: 'rejected',
        reasonCode: 'CustomerBlacklisted',
        reason: expect.stringContaining('category blacklist') as string,
      },
    ]);
    expect(rejected.items[0]?.reason).toContain(errorCatalogue.CustomerBlacklisted.zh);
    const joined = await h.db
      .select({ msisdn: groupMembers.msisdn })
      .from(groupMembers)
      .where(eq(groupMembers.addedBy, id));
    expect(joined.map((m) => m.msisdn).sort()).toEqual([memberLine(170), memberLine(171)]);
  });

  it('GRP-6: the OpenAPI document describes the upload as a text/csv body and the batch reads', async () => {
    const res = await h.app.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    const paths = res.json<{ paths: Record<string, Record<string, { requestBody?: { content: object } }>> }>()
      .paths;
    const upload = paths['/api/v1/groups/{groupCode}/products/{productCode}/member-batches']?.post;
    expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(['text/csv']);
    expect(paths['/api/v1/member-batches/{id}']?.get).toBeDefined();
    expect(paths['/api/v1/member-batches/{id}/rows']?.get).toBeDefined();
  });
});

describe('member batches on workers that come and go', () => {
  let h: Harness;
  let api: ReturnType<typeof batchApi>;
  let subscriptionId: string;

  beforeAll(async () => {
    // A step lost with the dead worker is retried after 3 s.
    h = await startHarness({
      noWorker: true,
      config: { MEMBER_BATCH_CHUNK_SIZE: '20', STEP_TIMEOUT_SECONDS: '3' },
    });
    api = batchApi(h, await h.login('manager01', 'STORE-BJ-001'));
    subscriptionId = await insertActiveSubscription(h.db, '1000000004');
  });
  afterAll(async () => h?.close());

  it('GRP-6, GRP-9: rows still pending when the group product stops being active are rejected GroupProductNotActive', async () => {
    const cancelling = await insertActiveSubscription(h.db, '1000000002');
    const res = await api.upload('1000000002', csvOf(lines(0, 30)));
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();
    // The group's cancellation (GRP-9) begins before any worker took up the batch.
    await h.db
      .update(groupSubscriptions)
      .set({ status: 'cancelling' })
      .where(eq(groupSubscriptions.id, cancelling));

    const worker = await h.startWorkerProcess({});
    try {
      expect(await api.completed(id)).toMatchObject({ processedRows: 30, acceptedRows: 0, rejectedRows: 30 });
      const rejected = await api.rows(id, '&result=rejected');
      expect(new Set(rejected.items.map((r) => r.reasonCode))).toEqual(new Set(['GroupProductNotActive']));
      expect(rejected.total).toBe(30);
      expect(await membersAddedBy(h, id)).toBe(0);
    } finally {
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      worker.kill('SIGKILL');
      await exited;
    }
  });

  it('GRP-6: a worker killed mid-batch: the next worker finishes it; every row one result, no member twice', async () => {
    // BBOSS answers slowly while the first worker runs, so a kill lands inside a chunk's transaction.
    await h.sim.setBehaviour('bboss', { latencyMs: 150 });
    const first = await h.startWorkerProcess({ MEMBER_BATCH_CHUNK_SIZE: '20' });
    const res = await api.upload('1000000004', csvOf(lines(0, 200)));
    expect(res.statusCode, res.body).toBe(202);
    const { id } = res.json<{ id: string }>();

    const before = await vi.waitFor(
      async () => {
        const batch = await api.get(id);
        if (batch.processedRows === 0) throw new Error('no chunk done yet');
        return batch;
      },
      { timeout: 30_000, interval: 20 },
    );
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    const atKill = await api.get(id);
    expect(before.processedRows).toBeLessThan(200);
    expect(atKill.processedRows).toBeLessThan(200);
    expect(atKill.processedRows % 20).toBe(0);

    await h.sim.setBehaviour('bboss', { latencyMs: 0 });
    await h.startWorker();
    const batch = await api.completed(id, 60_000);
    expect(batch).toMatchObject({ processedRows: 200, acceptedRows: 200, rejectedRows: 0, percent: 100 });
    expect((await api.rows(id, '&result=accepted')).total).toBe(200);
    expect((await api.rows(id, '&result=pending')).total).toBe(0);

    const [members] = await h.db
      .select({ n: count() })
      .from(groupMembers)
      .where(and(eq(groupMembers.subscriptionId, subscriptionId), eq(groupMembers.addedBy, id)));
    expect(members?.n).toBe(batch.acceptedRows);
    const perMember = await h.db
      .select({ msisdn: groupMemberEvents.msisdn, n: count() })
      .from(groupMemberEvents)
      .where(eq(groupMemberEvents.source, id))
      .groupBy(groupMemberEvents.msisdn)
      .having(sql`count(*) <> 1`);
    expect(perMember).toEqual([]);
    expect(await eventsFrom(h, id)).toBe(200);
  });
});
