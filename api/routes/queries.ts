import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import {
  findQueryLine,
  findRechargeCard,
  findUsage,
  listBills,
  listPaymentRecords,
  type QueryLine,
} from '../../db/queries/line-queries';
import { homeCityOf } from '../../db/queries/work-order-views';
import { orderDesk, type Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { msisdnSchema } from '../../domain/numbers';
import {
  cardTicketMessage,
  cardValidities,
  cardValidity,
  maskName,
  needsServicePassword,
  periodOf,
  serialOpensTicket,
  periodSchema,
  servicePasswordSchema,
  weakPasswordAdvice,
  type LineQueryKind,
} from '../../domain/queries';
import { workflowSettings, type AppConfig } from '../../temporal.config';
import { isVipLine } from '../customer-screening';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses, labelSchema } from '../schemas';
import { SERVICE_PASSWORD_HEADER } from '../self-service-auth';
import { checkServicePassword, type ServicePasswordPolicy } from '../service-password';
import { workOrderId, type WorkOrderStarter } from '../work-order-service';

const tags = ['queries'];
const config = { access: orderDesk };

const lineParams = z.object({ msisdn: msisdnSchema.describe('The line asked about') });
const lineQuery = z.object({
  callerMsisdn: msisdnSchema.describe(
    'The number the customer calls from or is identified by (本机 when equal)',
  ),
});
const headers = z.object({
  [SERVICE_PASSWORD_HEADER]: servicePasswordSchema
    .optional()
    .describe("The line's service password (服务密码); never put it in the URL"),
});

/** What every line answer carries besides its data. */
const served = {
  msisdn: z.string(),
  servedBy: z
    .enum(['ownLine', 'servicePassword'])
    .describe('ownLine: 本机, answered without the password; servicePassword: the password was verified'),
  advice: labelSchema
    .nullable()
    .describe('Set when the service password is weak: advise the customer to change it (Q-1)'),
};

const billSchema = z.object({ period: z.string(), amountFen: z.number().int(), paidFen: z.number().int() });
const usageSchema = z.object({
  period: z.string(),
  voiceMinutes: z.number().int(),
  dataMb: z.number().int(),
  sms: z.number().int(),
});

const rules =
  'Staff ask for a customer (orderDesk). The own line (callerMsisdn = msisdn, 本机) is served directly; another ' +
  'line needs the service password in the x-service-password header (422 ServicePasswordRequired without it). ';
const always =
  'ALWAYS needs the service password, even for the own line (无论是否本机，验密码查询; 422 ServicePasswordRequired). ';
const passwordOutcomes =
  'Wrong password: 422 ServicePasswordInvalid; after SERVICE_PASSWORD_MAX_FAILURES wrong ones in a row the ' +
  "line's checks are refused for SERVICE_PASSWORD_LOCK_MINUTES (403 ServicePasswordLocked). A weak password " +
  'is served with `advice` to change it. 404 SubscriberNotFound when the line is not ours or cancelled.';

export function queryRoutes(deps: {
  db: Db;
  policy: ServicePasswordPolicy;
  config: AppConfig;
  startWorkOrder: WorkOrderStarter;
}) {
  const { db, policy } = deps;

  /** REQ: — the line, once the caller may be told about it. */
  async function admit(
    kind: LineQueryKind,
    msisdn: string,
    callerMsisdn: string,
    password: string | undefined,
  ): Promise<{
    line: QueryLine;
    meta: {
      msisdn: string;
      servedBy: 'ownLine' | 'servicePassword';
      advice: { zh: string; en: string } | null;
    };
  }> {
    const line = await findQueryLine(db, msisdn);
    if (!line) throw new AppError('SubscriberNotFound', `params.msisdn: ${msisdn} is not a line of ours`);
    if (password === undefined) {
      if (needsServicePassword(kind, msisdn, callerMsisdn)) {
        throw new AppError(
          'ServicePasswordRequired',
          `headers.${SERVICE_PASSWORD_HEADER}: this query (${kind}) of ${msisdn} from ${callerMsisdn} needs the ` +
            'service password (Q-2)',
        );
      }
      return { line, meta: { msisdn, servedBy: 'ownLine', advice: null } };
    }
    const { weak } = await checkServicePassword(db, line, password, policy);
    return {
      line,
      meta: { msisdn, servedBy: 'servicePassword', advice: weak ? { ...weakPasswordAdvice } : null },
    };
  }

  /**
   * REQ: Q-3 — the ticket (工单) that checks a "17" card: one work order per serial (its Idempotency-Key is
   * derived from the serial), so a repeated question, by this operator or another, answers the same ticket.
   * It is internal work on the card, not new business for the caller, so no blacklist screening applies.
   */
  async function openCardTicket(serial: string, callerMsisdn: string, principal: Principal): Promise<string> {
    const key = `RechargeCard-${serial}`;
    try {
      const { id } = await deps.startWorkOrder(key, {
        source: 'staff',
        request: {
          kind: 'standard',
          category: 'businessHandling',
          priority: 'P3',
          title: `充值卡状态核查 Recharge-card check ${serial}`,
          description:
            `A customer calling from ${callerMsisdn} asked about recharge card ${serial}; its serial digits 6-7 ` +
            'are "17", so it was not answered. Check the card and tell the customer; no promise was made ' +
            '(已提交工单核查，不作承诺).',
          customer: { name: '来电客户 Caller', msisdn: callerMsisdn },
        },
        resolved: {
          vip: await isVipLine(db, callerMsisdn),
          city: await homeCityOf(db, callerMsisdn),
          outletCode: null,
        },
        createdBy: principal.operatorId,
        channelCode: principal.channelCode,
        settings: workflowSettings(deps.config),
      });
      return id;
    } catch (err) {
      // Another operator or caller asked first: that ticket is the card's ticket.
      if (err instanceof AppError && err.code === 'IdempotencyKeyReused') return workOrderId(key);
      throw err;
    }
  }

  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const route = <Q extends z.ZodRawShape, T extends z.ZodRawShape>(
      summary: string,
      description: string,
      extraQuery: Q,
      response: T,
    ) => ({
      config,
      schema: {
        tags,
        summary,
        description,
        security: bearerSecurity,
        params: lineParams,
        querystring: lineQuery.extend(extraQuery),
        headers,
        response: { 200: z.object({ ...served, ...response }), ...errorResponses },
      },
    });
    const base = '/api/v1/queries/lines/:msisdn';
    const q = ' REQ: Q-1, Q-2. ';

    r.get(
      `${base}/bills`,
      route(
        'Monthly bills (月帐单)',
        rules + 'Billed months, newest first; one month with `period`.' + q + passwordOutcomes,
        { period: periodSchema.optional().describe('One month, YYYY-MM') },
        { items: z.array(billSchema) },
      ),
      async (request) => {
        const { msisdn } = request.params;
        const { callerMsisdn, period } = request.query;
        const { meta } = await admit('bills', msisdn, callerMsisdn, request.headers[SERVICE_PASSWORD_HEADER]);
        return { ...meta, items: await listBills(db, msisdn, period) };
      },
    );

    r.get(
      `${base}/balance`,
      route(
        'Account balance (帐户余额)',
        rules + 'The prepaid balance in fen; negative means arrears (欠费).' + q + passwordOutcomes,
        {},
        { balanceFen: z.number().int() },
      ),
      async (request) => {
        const { msisdn } = request.params;
        const { meta, line } = await admit(
          'balance',
          msisdn,
          request.query.callerMsisdn,
          request.headers[SERVICE_PASSWORD_HEADER],
        );
        return { ...meta, balanceFen: line.balanceFen };
      },
    );

    r.get(
      `${base}/usage`,
      route(
        'Usage in the package (套餐内语音、短信、流量使用情况)',
        rules +
          'Voice minutes, data and SMS of the current month (仅查询当月), or of an earlier month with `period`.' +
          q +
          passwordOutcomes,
        { period: periodSchema.optional().describe('A month, YYYY-MM; the current month by default') },
        { usage: usageSchema },
      ),
      async (request) => {
        const { msisdn } = request.params;
        const { callerMsisdn } = request.query;
        const { meta } = await admit('usage', msisdn, callerMsisdn, request.headers[SERVICE_PASSWORD_HEADER]);
        const period = request.query.period ?? periodOf(new Date());
        return { ...meta, usage: { period, ...(await findUsage(db, msisdn, period)) } };
      },
    );

    r.get(
      `${base}/realtime-bill`,
      route(
        'Real-time bill of the current month (实时账单/实时话费)',
        always +
          'The month not yet billed: the package fee so far and the usage of the month.' +
          q +
          passwordOutcomes,
        {},
        {
          period: z.string(),
          packageFeeFen: z.number().int().describe("The product's monthly fee (套餐月费)"),
          usage: usageSchema,
          asOf: z.string().describe('ISO 8601 time of the answer'),
        },
      ),
      async (request) => {
        const { msisdn } = request.params;
        const { meta, line } = await admit(
          'realtimeBill',
          msisdn,
          request.query.callerMsisdn,
          request.headers[SERVICE_PASSWORD_HEADER],
        );
        const now = new Date();
        const period = periodOf(now);
        return {
          ...meta,
          period,
          packageFeeFen: line.monthlyFeeFen ?? 0,
          usage: { period, ...(await findUsage(db, msisdn, period)) },
          asOf: now.toISOString(),
        };
      },
    );

    r.get(
      `${base}/payments`,
      route(
        'Payment records (缴费记录)',
        always +
          "The amounts paid against the line's monthly bills, newest first (payments by card, at the counter, " +
          'online or over the air are all credited to the bills).' +
          q +
          passwordOutcomes,
        {},
        {
          items: z.array(
            z.object({ period: z.string(), paidFen: z.number().int(), billedFen: z.number().int() }),
          ),
        },
      ),
      async (request) => {
        const { msisdn } = request.params;
        const { meta } = await admit(
          'payments',
          msisdn,
          request.query.callerMsisdn,
          request.headers[SERVICE_PASSWORD_HEADER],
        );
        return { ...meta, items: await listPaymentRecords(db, msisdn) };
      },
    );

    r.get(
      `${base}/info`,
      route(
        'User information (用户信息)',
        rules +
          "The owner's name masked (first character only), product (套餐/品牌), line status (号码状态) and " +
          'the date the line was opened.' +
          q +
          passwordOutcomes,
        {},
        {
          ownerName: z.string().describe('Masked: 李**'),
          productCode: z.string(),
          productName: z.string().nullable(),
          status: z.string().describe('active · suspended · lossReported · preCancelled'),
          openedAt: z.string().describe('ISO 8601 time'),
        },
      ),
      async (request) => {
        const { msisdn } = request.params;
        const { meta, line } = await admit(
          'info',
          msisdn,
          request.query.callerMsisdn,
          request.headers[SERVICE_PASSWORD_HEADER],
        );
        return {
          ...meta,
          ownerName: maskName(line.ownerName ?? ''),
          productCode: line.productCode,
          productName: line.productName,
          status: line.status,
          openedAt: line.openedAt.toISOString(),
        };
      },
    );

    r.get(
      '/api/v1/queries/recharge-cards/:serial',
      {
        config,
        schema: {
          tags,
          summary: 'Recharge-card status (充值卡状态)',
          description:
            'Only whether the card can be used: valid · expired · used · frozen, and validUntil — never the face ' +
            'value, when or to which number it was used. A serial whose 6th and 7th digits are "17" is not ' +
            'answered: a ticket is opened to check it and no promise is made (已提交工单核查，不作承诺); nothing ' +
            'else is said. The ticket is a work order (business handling, 充值卡状态核查) made by the asking ' +
            'operator on its channel for the calling number; one per serial, so asking again (by anyone) ' +
            'answers the same `workOrderId`. 404 RechargeCardNotFound for an unknown serial. REQ: Q-3.',
          security: bearerSecurity,
          params: z.object({ serial: z.string().regex(/^\d{10,20}$/, 'must be 10 to 20 digits') }),
          querystring: z.object({
            callerMsisdn: msisdnSchema.describe(
              'The number the customer calls from: told the outcome of a ticket',
            ),
          }),
          response: {
            200: z.object({
              serial: z.string(),
              ticket: z.boolean().describe('true: a ticket checks the card; nothing else is disclosed'),
              workOrderId: z.string().nullable().describe('The ticket: the work order that checks the card'),
              workOrderHref: z.string().nullable(),
              promise: z.enum(['none']).nullable().describe('"none" with a ticket: no promise is made'),
              message: labelSchema.nullable(),
              validity: z.enum(cardValidities).nullable(),
              validUntil: z.string().nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        const { serial } = request.params;
        if (serialOpensTicket(serial)) {
          const workOrderId = await openCardTicket(serial, request.query.callerMsisdn, principalOf(request));
          request.log.info({ serial, workOrderId }, 'recharge card query: ticket opened (Q-3)');
          return {
            serial,
            ticket: true,
            workOrderId,
            workOrderHref: `/api/v1/work-orders/${encodeURIComponent(workOrderId)}`,
            promise: 'none' as const,
            message: { ...cardTicketMessage },
            validity: null,
            validUntil: null,
          };
        }
        const card = await findRechargeCard(db, serial);
        if (!card) throw new AppError('RechargeCardNotFound', `params.serial: no recharge card ${serial}`);
        return {
          serial,
          ticket: false,
          workOrderId: null,
          workOrderHref: null,
          promise: null,
          message: null,
          validity: cardValidity(card, new Date()),
          validUntil: card.validUntil.toISOString(),
        };
      },
    );
  };
}
