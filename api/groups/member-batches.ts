import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { groupDesk } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { groupCodeSchema, groupProductCodeSchema } from '../../domain/groups';
import { idempotencyKeySchema } from '../../domain/orders';
import { workflowSettings, type AppConfig } from '../../temporal.config';
import { createMemberBatchService } from '../../services/groups/member-batch-service';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses, queryInteger } from '../schemas';
import { API_PREFIX } from '../prefix';

/** An uploaded member file may be this large (10 MiB: some 200,000 rows of number and a few attributes). */
const CSV_BODY_LIMIT = 10 * 1024 * 1024;

const batchStatusSchema = z.enum(['running', 'completed', 'failed']);
const rowResultSchema = z.enum(['pending', 'accepted', 'rejected']);

const acceptedSchema = z.object({
  id: z.string().describe('The batch ID, MemberBatch:<channelCode>:<Idempotency-Key>'),
  href: z.string(),
  status: batchStatusSchema,
  totalRows: z.number().int().describe('Member rows in the file (header and blank lines not counted)'),
  rejectedAtUpload: z
    .number()
    .int()
    .describe('Rows rejected on upload: bad number, attribute rules, duplicate in the file'),
  replayed: z.boolean().describe('true when this Idempotency-Key had already stored the batch'),
});

const batchViewSchema = z.object({
  id: z.string(),
  groupCode: z.string(),
  productCode: z.string(),
  status: batchStatusSchema,
  totalRows: z.number().int(),
  processedRows: z.number().int().describe('Rows with a result (accepted or rejected)'),
  acceptedRows: z.number().int(),
  rejectedRows: z.number().int(),
  percent: z.number().describe('processedRows / totalRows, 0-100 to one decimal'),
  createdAt: z.string().describe('ISO 8601 time'),
  finishedAt: z.string().nullable().describe('ISO 8601 time; null while the batch runs'),
});

const batchRowSchema = z.object({
  rowNo: z.number().int().describe('1-based data row of the file (header and blank lines not counted)'),
  msisdn: z.string(),
  result: rowResultSchema,
  reasonCode: z.string().nullable().describe('Stable code of a rejection, e.g. MemberNotInService'),
  reason: z.string().nullable().describe('中文原因 — English detail'),
});

const idParams = z.object({ id: z.string().min(1).max(120) });

/**
 * REQ: GRP-6 — member batches (成员批量导入): upload a CSV of members, follow its progress, read each row's
 * result. Same access as group orders, plus the product permission (GRP-1).
 */
export function memberBatchRoutes(deps: { db: Db; client: Client; config: AppConfig }) {
  const batches = createMemberBatchService({
    db: deps.db,
    client: deps.client,
    taskQueue: deps.config.TEMPORAL_TASK_QUEUE,
    settings: workflowSettings(deps.config, 'memberBatch'),
    maxRows: deps.config.MEMBER_BATCH_MAX_ROWS,
  });

  return async (app: FastifyInstance): Promise<void> => {
    // Only this plugin reads CSV bodies. Bytes first: a file saved in another encoding (GBK) is refused
    // rather than read as garbled names.
    app.addContentTypeParser(
      'text/csv',
      { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT },
      (_req, body, done) => {
        try {
          done(null, new TextDecoder('utf-8', { fatal: true }).decode(body as Buffer));
        } catch {
          done(
            new AppError('InvalidCsv', 'body: the file is not UTF-8 text; save it as "CSV UTF-8"'),
            undefined,
          );
        }
      },
    );
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/groups/:groupCode/products/:productCode/member-batches',
      {
        config: { access: groupDesk },
        bodyLimit: CSV_BODY_LIMIT,
        schema: {
          tags: ['group members'],
          summary: 'Upload a member batch (成员批量导入) as CSV',
          description:
            'Adds many members to the group product at once (GRP-6). Body: `text/csv`, UTF-8 (a BOM is fine), ' +
            'a header of `msisdn` then member attribute codes of the product (e.g. displayName, role, priority), ' +
            'one member per row; quoted fields allowed, blank lines skipped. Rows with a bad number, broken ' +
            'attribute rules or a number repeated in the file are rejected at once; the others are added by a ' +
            'durable workflow chunk by chunk — follow GET /api/v1/member-batches/{id}. The Idempotency-Key makes ' +
            'a re-upload of the same file the same batch. Needs the product permission (GRP-1) and an active ' +
            'group product.',
          security: bearerSecurity,
          consumes: ['text/csv'],
          headers: z.object({
            'idempotency-key': idempotencyKeySchema.describe('Client-chosen key, 8-64 characters'),
          }),
          params: z.object({ groupCode: groupCodeSchema, productCode: groupProductCodeSchema }),
          body: z.string().describe('The CSV file'),
          response: { 202: acceptedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { batch, rejectedAtUpload, replayed } = await batches.upload(
          principalOf(request),
          request.headers['idempotency-key'],
          request.params,
          request.body,
        );
        const href = `${API_PREFIX}/member-batches/${encodeURIComponent(batch.id)}`;
        return reply
          .code(202)
          .header('location', href)
          .send({
            id: batch.id,
            href,
            status: batchStatusSchema.parse(batch.status),
            totalRows: batch.totalRows,
            rejectedAtUpload,
            replayed,
          });
      },
    );

    r.get(
      '/member-batches/:id',
      {
        config: { access: groupDesk },
        schema: {
          tags: ['group members'],
          summary: 'A member batch (成员批量导入) and its progress',
          description:
            'Counters of the batch as PostgreSQL has them: rows processed, accepted and rejected, and the ' +
            'percent done (GRP-6). `finishedAt` is set once every row has its result.',
          security: bearerSecurity,
          params: idParams,
          response: { 200: batchViewSchema, ...errorResponses },
        },
      },
      async (request) => batches.get(principalOf(request), request.params.id),
    );

    r.get(
      '/member-batches/:id/rows',
      {
        config: { access: groupDesk },
        schema: {
          tags: ['group members'],
          summary: "A member batch's per-row results (逐行处理结果)",
          description:
            'Each row of the file with its result — pending, accepted, or rejected with a stable code and the ' +
            'reason in Chinese and English (GRP-6). Filter with `result`; the total count is in X-Total-Count.',
          security: bearerSecurity,
          params: idParams,
          querystring: z.object({
            result: rowResultSchema.optional(),
            offset: queryInteger(0).default(0),
            limit: queryInteger(1, 1_000).default(100),
          }),
          response: { 200: z.object({ items: z.array(batchRowSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { total, items } = await batches.rows(principalOf(request), request.params.id, request.query);
        void reply.header('x-total-count', String(total));
        return { items };
      },
    );
  };
}
