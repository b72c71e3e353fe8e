import { createHash } from 'node:crypto';
import type { Readable, Writable } from 'node:stream';
import { TextDecoder } from 'node:util';
import type { Client } from '@temporalio/client';
import type { Db } from '../../db/client';
import {
  copyLineOf,
  findStockBatch,
  listStockBatches,
  listStockBatchRows,
  stagedItemOf,
  stageStockUpload,
  writeStaged,
  type StockBatchRow,
  type StockRowResult,
} from '../../db/queries/stock-batches';
import { findOrgUnit } from '../../db/queries/org-units';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { batchPercent } from '../../domain/member-batch-csv';
import type { ResourceType } from '../../domain/resources';
import { checkHeader, checkStockRow } from '../../domain/stock-in-csv';
import { startWorkflowOnce } from '../temporal/start-idempotently';
import { workflowCall } from '../temporal/workflow-registry';
import { stockInWorkflowId, type StockInInput } from '../../workflows/contracts/stock-in';

/** A stock-in file may be this large: 64 MiB, well over a million rows of either format. */
export const STOCK_CSV_BODY_LIMIT = 64 * 1024 * 1024;
/** No row of either format comes near this; a longer line is not a stock-in file. */
const MAX_LINE_CHARS = 1_000;

/** The batch ID: the file's content hash, so the same file uploaded again is the same batch. */
export const stockBatchIdOf = (sha256Hex: string): string => `SB-${sha256Hex.slice(0, 24)}`;

export interface StockUpload {
  resourceType: ResourceType;
  holderCode?: string | undefined;
  fileName?: string | undefined;
}

/**
 * REQ: RES-1 — stock-in uploads: the CSV streams in line by line (never whole in memory), each row checked and
 * parsed here, straight into the batch's rows through `COPY … FROM STDIN` inside one transaction while its
 * SHA-256 is computed; the batch is made under the hash-derived ID at the end and handed to `stockInWorkflow`.
 * A file broken off half-way rolls back and leaves no batch.
 */
export function createStockInService(deps: {
  db: Db;
  client: Client;
  taskQueue: string;
  stepTimeoutSeconds: number;
  /** Rows per chunk (one transaction each) and chunks per workflow run (history about 6 × this events). */
  chunkRows: number;
  chunksPerRun: number;
}) {
  const { db, client } = deps;

  /** Starts the batch's workflow; one already started (or finished) under its ID is the same batch. */
  async function startWorkflow(batch: StockBatchRow): Promise<void> {
    if (batch.status !== 'running') return;
    const input: StockInInput = {
      batchId: batch.id,
      nextRow: 1,
      chunkRows: deps.chunkRows,
      chunksPerRun: deps.chunksPerRun,
      stepTimeoutSeconds: deps.stepTimeoutSeconds,
    };
    await startWorkflowOnce(client, workflowCall('stockInWorkflow', input), {
      workflowId: stockInWorkflowId(batch.id),
      taskQueue: deps.taskQueue,
    });
  }

  return {
    async upload(
      principal: Principal,
      target: StockUpload,
      body: Readable,
    ): Promise<{ batch: StockBatchRow; replayed: boolean }> {
      const holderCode = target.holderCode ?? null;
      if (holderCode !== null) await assertStockInUnit(db, holderCode);
      const { batchId, created } = await stageStockUpload(db, async (staging, uploadId) => ({
        id: stockBatchIdOf(await stageFile(staging, uploadId, target.resourceType, body)),
        resourceType: target.resourceType,
        fileName: target.fileName ?? null,
        holderCode,
        createdBy: principal.operatorId,
      }));
      const batch = await findStockBatch(db, batchId);
      if (!batch) throw new Error(`stock batch ${batchId} was made but cannot be read`);
      // A replay also (re)starts the workflow: the upload that made the batch may have stopped before it.
      await startWorkflow(batch);
      return { batch, replayed: !created };
    },

    async get(id: string) {
      const batch = await findStockBatch(db, id);
      if (!batch) throw new AppError('StockBatchNotFound', `params.id: stock batch ${id} does not exist`);
      return viewOf(batch);
    },

    async list(page: { offset: number; limit: number }) {
      const { total, items } = await listStockBatches(db, page);
      return { total, items: items.map(viewOf) };
    },

    async rows(id: string, filter: { result?: StockRowResult; offset: number; limit: number }) {
      const batch = await findStockBatch(db, id);
      if (!batch) throw new AppError('StockBatchNotFound', `params.id: stock batch ${id} does not exist`);
      const { total, items } = await listStockBatchRows(db, batch, filter);
      return { total, items };
    },
  };
}

export type StockInService = ReturnType<typeof createStockInService>;

/** A batch as the API shows it: counters, percent done, who stocked it in and when. */
export function viewOf(batch: StockBatchRow) {
  return {
    id: batch.id,
    resourceType: batch.resourceType,
    fileName: batch.fileName,
    holderCode: batch.holderCode,
    status: batch.status,
    totalRows: batch.totalRows,
    processedRows: batch.processedRows,
    acceptedRows: batch.acceptedRows,
    rejectedRows: batch.rejectedRows,
    percent: batchPercent(batch.processedRows, batch.totalRows),
    createdBy: batch.createdBy,
    createdAt: batch.createdAt.toISOString(),
    finishedAt: batch.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Reads the body line by line into the staging COPY, each piece of the body as it arrives (waiting for
 * PostgreSQL holds the stream back), checking every row on its own; returns the SHA-256 of the bytes. Data
 * rows are numbered from 1 after the header; blank lines are skipped and not numbered.
 */
async function stageFile(
  staging: Writable,
  uploadId: string,
  resourceType: ResourceType,
  body: Readable,
): Promise<string> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  let carry = '';
  let headerSeen = false;
  let rowNo = 0;
  let copyText = '';

  const take = (line: string): void => {
    const text = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (text.trim() === '') return;
    if (!headerSeen) {
      const header = checkHeader(resourceType, text);
      if (!header.ok) throw new AppError('InvalidCsv', header.problem);
      headerSeen = true;
      return;
    }
    rowNo++;
    if (text.includes('\u0000')) {
      throw new AppError(
        'InvalidCsv',
        `body: row ${rowNo} holds a NUL character, which a CSV file never has`,
      );
    }
    const verdict = checkStockRow(resourceType, text);
    copyText += copyLineOf(
      uploadId,
      verdict.ok
        ? { rowNo, raw: text, item: stagedItemOf(verdict.item), problem: null }
        : { rowNo, raw: text, item: null, problem: verdict.reason },
    );
  };

  for await (const chunk of body as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += buffer.length;
    if (bytes > STOCK_CSV_BODY_LIMIT) {
      throw new AppError(
        'BodyTooLarge',
        `body: a stock-in file may be at most ${STOCK_CSV_BODY_LIMIT} bytes`,
      );
    }
    hash.update(buffer);
    const lines = (carry + decode(decoder, buffer, true)).split('\n');
    carry = lines.pop() ?? '';
    if (carry.length > MAX_LINE_CHARS) {
      throw new AppError('InvalidCsv', `body: row ${rowNo + 1} is longer than ${MAX_LINE_CHARS} characters`);
    }
    for (const line of lines) take(line);
    await writeStaged(staging, copyText);
    copyText = '';
  }
  take(carry + decode(decoder, undefined, false));
  await writeStaged(staging, copyText);
  if (!headerSeen)
    throw new AppError('InvalidCsv', 'body: the file is empty; it needs a header row and data rows');
  if (rowNo === 0) throw new AppError('InvalidCsv', 'body: the file has a header but no data rows');
  return hash.digest('hex');
}

/** UTF-8 only: a file saved in another encoding (GBK) is refused rather than read as garbage. */
function decode(decoder: TextDecoder, buffer: Buffer | undefined, stream: boolean): string {
  try {
    return decoder.decode(buffer, { stream });
  } catch {
    throw new AppError('InvalidCsv', 'body: the file is not UTF-8 text; save it as "CSV UTF-8"');
  }
}

/**
 * REQ: RES-1, RES-2 — stock comes in at a city company (市公司) or into central stock, and flows down the tree
 * by issue (发放) from there, so every step below the city is recorded with its receiver.
 */
async function assertStockInUnit(db: Db, holderCode: string): Promise<void> {
  const unit = await findOrgUnit(db, holderCode);
  if (!unit) {
    throw new AppError('OrgUnitNotFound', `query.holderCode: organisation unit ${holderCode} does not exist`);
  }
  if (unit.kind !== 'city') {
    throw new AppError(
      'NotAStockInUnit',
      `query.holderCode: stock comes in at a city company (市公司) or central stock; ${holderCode} is an organisation unit of kind ${unit.kind} — ` +
        'stock it in at its city and issue it down',
    );
  }
}
