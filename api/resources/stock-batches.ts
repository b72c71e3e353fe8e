import { Readable } from 'node:stream';
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { adminDesk } from '../../domain/access';
import { resourceTypeSchema } from '../../domain/resources';
import type { AppConfig } from '../../temporal.config';
import { createStockInService, STOCK_CSV_BODY_LIMIT } from '../../services/resources/stock-in-service';
import { principalOf } from '../plugins/auth';
import { statedByDocument } from '../contract-openapi';
import { bearerSecurity, errorResponses, queryInteger } from '../schemas';
import { API_PREFIX } from '../prefix';

const tags = ['resources'];

const batchStatusSchema = z.enum(['loading', 'running', 'completed', 'failed']);
const rowResultSchema = z.enum(['pending', 'accepted', 'rejected']);

const batchViewSchema = z.object({
  id: z.string().describe('SB- and the first 24 hex digits of the SHA-256 of the file'),
  resourceType: resourceTypeSchema,
  fileName: z.string().nullable(),
  holderCode: z.string().nullable().describe('The organisation unit stocked into; null = central stock'),
  status: batchStatusSchema,
  totalRows: z.number().int().describe('Data rows of the file (header and blank lines not counted)'),
  processedRows: z.number().int().describe('Rows with a result (accepted or rejected)'),
  acceptedRows: z.number().int(),
  rejectedRows: z.number().int(),
  percent: z.number().describe('processedRows / totalRows, 0-100 to one decimal'),
  createdBy: z.string().describe('The operator who stocked the file in (入库人)'),
  createdAt: z.string().describe('ISO 8601 time'),
  finishedAt: z.string().nullable().describe('ISO 8601 time; null while the batch runs'),
});

const acceptedSchema = batchViewSchema.extend({
  href: z.string(),
  replayed: z
    .boolean()
    .describe('true when this file had been uploaded before: the same batch, nothing added'),
});

const batchRowSchema = z.object({
  rowNo: z.number().int().describe('1-based data row of the file (header and blank lines not counted)'),
  raw: z.string().describe('The row as uploaded'),
  result: rowResultSchema,
  reason: z.string().nullable().describe('中文原因 — column: rule, for a rejected row'),
});

const idParams = z.object({ id: nonBlankText(64) });
const page = {
  offset: queryInteger(0).default(0),
  limit: queryInteger(1, 1_000).default(100),
};

/** The request body of an upload: the raw stream of the CSV file, never read whole into memory. */
const csvStreamSchema = z
  .custom<Readable>((v) => v instanceof Readable, {
    message: 'must be the CSV file, sent as text/csv',
    params: statedByDocument,
  })
  .meta({ type: 'string', format: 'binary', description: 'The CSV file' });

/**
 * REQ: RES-1 — stock-in (入库) of numbers and SIM cards from CSV files: upload, follow the progress, read each
 * row's result. Administration, like the rest of the inventory's set-up.
 */
export function stockBatchRoutes(deps: { db: Db; client: Client; config: AppConfig }) {
  const service = createStockInService({
    db: deps.db,
    client: deps.client,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    stepTimeoutSeconds: deps.config.STEP_TIMEOUT_SECONDS,
    chunkRows: deps.config.STOCK_IN_CHUNK_ROWS,
    chunksPerRun: deps.config.STOCK_IN_CHUNKS_PER_RUN,
  });

  return async (app: FastifyInstance): Promise<void> => {
    // Only this plugin reads stock-in files, and it reads them as a stream: hundreds of thousands of rows.
    app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/stock-batches',
      {
        config: { access: adminDesk },
        bodyLimit: STOCK_CSV_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Stock in numbers or SIM cards (号码/SIM卡入库) from a CSV file',
          description:
            'Body: `text/csv`, UTF-8, a header row then one item per row, streamed (up to 64 MiB). Numbers: ' +
            '`number,kind,segment` — kind mobile (default; 11 digits starting with 1, segment empty or the first ' +
            '7 digits), smsPort (106 and 5-17 digits) or access (3-8 digits), segment empty for both. SIM cards: ' +
            '`iccid,imsi,capacityKb` — ICCID 19-20 digits starting 8986, IMSI 15 digits starting 46000/02/04/07/' +
            '08, capacity optional. Malformed rows and later duplicates in the file are rejected at once; the ' +
            'rest are stocked by a durable workflow — follow GET /api/v1/stock-batches/{id}. The batch ID is the ' +
            "file's content hash: uploading the same file again answers 200 with the same batch and adds nothing. Stock comes in at a " +
            'city company or central stock (RES-2): another unit is 422 NotAStockInUnit, an unknown one 404.',
          security: bearerSecurity,
          consumes: ['text/csv'],
          querystring: z.object({
            resourceType: resourceTypeSchema.describe('numbers or sims'),
            holderCode: nonBlankText(40)
              .optional()
              .describe('Organisation unit to stock into; left out = central stock'),
            fileName: nonBlankText(200).optional().describe('Original file name, for the record'),
          }),
          body: csvStreamSchema,
          response: { 200: acceptedSchema, 202: acceptedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { batch, replayed } = await service.upload(principalOf(request), request.query, request.body);
        const view = (await service.get(batch.id)) satisfies z.infer<typeof batchViewSchema>;
        const href = `${API_PREFIX}/stock-batches/${view.id}`;
        return reply
          .code(replayed ? 200 : 202)
          .header('location', href)
          .send({ ...view, href, replayed });
      },
    );

    r.get(
      '/stock-batches',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Stock-in batches (入库批次), newest first',
          description: 'Every batch with its counters (RES-1); the total count is in X-Total-Count.',
          security: bearerSecurity,
          querystring: z.object(page),
          response: { 200: z.object({ items: z.array(batchViewSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { total, items } = await service.list(request.query);
        void reply.header('x-total-count', String(total));
        return { items };
      },
    );

    r.get(
      '/stock-batches/:id',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'A stock-in batch and its progress',
          description:
            'Rows processed, accepted and rejected, and the percent done (RES-1); `finishedAt` is set once every ' +
            'row has its result.',
          security: bearerSecurity,
          params: idParams,
          response: { 200: batchViewSchema, ...errorResponses },
        },
      },
      async (request) => service.get(request.params.id),
    );

    r.get(
      '/stock-batches/:id/rows',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: "A stock-in batch's per-row results (逐行结果)",
          description:
            'Each row of the file as uploaded with its result — pending, accepted, or rejected with the reason ' +
            'naming the column and the rule (RES-1). Filter with `result`; the total count is in X-Total-Count.',
          security: bearerSecurity,
          params: idParams,
          querystring: z.object({ result: rowResultSchema.optional(), ...page }),
          response: { 200: z.object({ items: z.array(batchRowSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { total, items } = await service.rows(request.params.id, request.query);
        void reply.header('x-total-count', String(total));
        return { items };
      },
    );
  };
}
