import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findStockBatch, listStockBatchRows, type StockBatchRow } from '../../db/queries/stock-batches';
import { createTestDatabase } from '../support/database';

type TestDatabase = Awaited<ReturnType<typeof createTestDatabase>>;

/** The statements of the migration that keys a batch's rows by the upload that staged them. */
const statements = readFileSync(
  new URL('../../db/migrations/0016_stock_rows_by_upload.sql', import.meta.url),
  'utf8',
)
  .split('--> statement-breakpoint')
  .map((s) => s.trim())
  .filter((s) => s !== '');

/**
 * Stock-in batches staged by the previous release: their rows kept under the batch ID. The migration runs over
 * them as it does at start-up, and the batches' reports read as they did before it.
 */
describe('stock-in batches staged before rows were kept by upload (migration 0016)', () => {
  let t: TestDatabase;
  const done = 'SB-0015-done';
  const running = 'SB-0015-running';

  beforeAll(async () => {
    t = await createTestDatabase();
    // The tables as the previous release left them (migrations 0009 and 0014), holding only its own batches.
    await t.db.execute(sql`delete from stock_batch_rows`);
    await t.db.execute(sql`delete from stock_batches`);
    await t.db.execute(sql`alter table stock_batches drop column upload_id`);
    await t.db.execute(sql`alter table stock_batch_rows rename column upload_id to batch_id`);
    await t.db.execute(sql`alter table stock_batch_rows
      rename constraint stock_batch_rows_upload_id_row_no_pk to stock_batch_rows_batch_id_row_no_pk`);
    await t.db.execute(
      sql`create index stock_batch_rows_result_idx on stock_batch_rows (batch_id, result, row_no)`,
    );
    await t.db.execute(sql`alter table stock_batch_rows reset (fillfactor)`);

    await t.db.execute(sql`
      insert into stock_batches (id, resource_type, file_name, status, holder_code, total_rows, processed_rows,
        accepted_rows, rejected_rows, created_by, finished_at)
      values
        (${done}, 'numbers', 'numbers-0015.csv', 'completed', null, 3, 3, 2, 1, 'admin', now()),
        (${running}, 'numbers', 'numbers-0015-b.csv', 'running', null, 2, 1, 0, 1, 'admin', null)`);
    await t.db.execute(sql`
      insert into stock_batch_rows (batch_id, row_no, raw, result, reason, item_key, imsi, kind, segment, capacity_kb)
      values
        (${done}, 1, '13900150001,normal,139', 'accepted', null, '13900150001', null, 'normal', '139', null),
        (${done}, 2, '1390015,normal,139', 'rejected', 'number: not an 11-digit number', null, null, null, null, null),
        (${done}, 3, '13900150003,normal,139', 'accepted', null, null, null, null, null, null),
        (${running}, 1, '13900150001,normal,139', 'rejected', 'number: 13900150001 exists already', '13900150001',
          null, 'normal', '139', null),
        (${running}, 2, '13900150004,normal,139', 'pending', null, '13900150004', null, 'normal', '139', null)`);

    for (const statement of statements) await t.db.execute(sql.raw(statement));
  });
  afterAll(async () => t?.drop());

  async function batch(id: string): Promise<StockBatchRow> {
    const found = await findStockBatch(t.db, id);
    if (!found) throw new Error(`stock batch ${id} is gone after the migration`);
    return found;
  }
  const page = { offset: 0, limit: 50 };

  it("RES-1: a finished batch's report shows its counters, and its rows with their results and reasons", async () => {
    const b = await batch(done);
    expect(b).toMatchObject({
      uploadId: done,
      status: 'completed',
      totalRows: 3,
      processedRows: 3,
      acceptedRows: 2,
      rejectedRows: 1,
    });
    expect(await listStockBatchRows(t.db, b, page)).toEqual({
      total: 3,
      items: [
        { rowNo: 1, raw: '13900150001,normal,139', result: 'accepted', reason: null },
        { rowNo: 2, raw: '1390015,normal,139', result: 'rejected', reason: 'number: not an 11-digit number' },
        { rowNo: 3, raw: '13900150003,normal,139', result: 'accepted', reason: null },
      ],
    });
    expect(await listStockBatchRows(t.db, b, { ...page, result: 'rejected' })).toEqual({
      total: 1,
      items: [
        { rowNo: 2, raw: '1390015,normal,139', result: 'rejected', reason: 'number: not an 11-digit number' },
      ],
    });
  });

  it('RES-1: a batch still running shows its own rows only, the pending one still to be stocked', async () => {
    const b = await batch(running);
    expect(b).toMatchObject({ uploadId: running, status: 'running', totalRows: 2, processedRows: 1 });
    expect(await listStockBatchRows(t.db, b, { ...page, result: 'pending' })).toEqual({
      total: 1,
      items: [{ rowNo: 2, raw: '13900150004,normal,139', result: 'pending', reason: null }],
    });
    expect((await listStockBatchRows(t.db, b, page)).items.map((r) => [r.rowNo, r.result])).toEqual([
      [1, 'rejected'],
      [2, 'pending'],
    ]);
  });

  it('RES-1: the rows are kept under the upload key, the index on their result dropped, half of each page left free', async () => {
    const [table] = await t.db.execute<{ options: string[] | null }>(sql`
      select reloptions as options from pg_class where relname = 'stock_batch_rows'`);
    expect(table?.options).toEqual(['fillfactor=50']);
    const indexes = await t.db.execute<{ name: string }>(sql`
      select indexname as name from pg_indexes where tablename = 'stock_batch_rows' order by indexname`);
    expect(indexes.map((i) => i.name)).toEqual(['stock_batch_rows_upload_id_row_no_pk']);
  });
});
