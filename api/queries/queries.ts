import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { findRechargeCard, findUsage, listBills, listLinePayments } from '../../db/queries/line-queries';
import { orderDesk } from '../../domain/access';
import { identitySchema } from '../../domain/customer-categories';
import { AppError } from '../../domain/errors';
import { msisdnSchema } from '../../domain/numbers';
import {
  cardTicketMessage,
  cardValidities,
  cardValidity,
  identityCheckChannels,
  maskName,
  paymentMatches,
  periodOf,
  periodSchema,
  serialOpensTicket,
  servicePasswordSchema,
  type LineQueryKind,
} from '../../domain/queries';
import { callIdSchema } from '../../domain/telephony';
import type { AppConfig } from '../../temporal.config';
import { SERVICE_PASSWORD_HEADER } from '../../services/access/self-service-auth';
import type { ServicePasswordPolicy } from '../../services/access/service-password';
import { createCardTickets } from '../../services/queries/card-tickets';
import { createLineAdmission } from '../../services/queries/line-admission';
import type { CallerQuery } from '../../services/queries/query-caller';
import type { WorkOrderStarter } from '../../services/work-orders/work-order-service';
import { principalOf } from '../plugins/auth';
import { API_PREFIX } from '../prefix';
import { bearerSecurity, errorResponses, labelSchema, queryInteger } from '../schemas';

const tags = ['queries'];
const config = { access: orderDesk };

const lineParams = z.object({ msisdn: msisdnSchema.describe('The line asked about') });

/**
 * REQ: Q-2 — a typed calling number is no proof of the own line: any value is refused, as a business
 * refusal (422 BusinessRuleViolated) pointing to what is.
 */
const typedCallerRefused = z
  .string()
  .refine(
    () => false,
    'is not accepted: a number typed by the agent never makes the own line (本机); give the hotline call’s ' +
      'callId (the telephony side reports the number it came from) or, at a store, the owner’s idType and idNumber',
  )
  .optional()
  .describe(
    'Not accepted (422 BusinessRuleViolated): pass `callId` at the hotline, or the owner’s `idType` + `idNumber` at a store',
  );

/** Who is asking: the hotline call it serves, or the owner's document shown at a store (REQ: Q-2). */
const callerShape = {
  callId: callIdSchema
    .optional()
    .describe(
      'Hotline (required on a call-centre channel): the call this query serves, as the telephony side ' +
        'reported it; only the agent it was put through to may use it. The own line is the number it came from.',
    ),
  idType: identitySchema.shape.idType
    .optional()
    .describe(
      `At a store (${identityCheckChannels.join(', ')}): the type of the document shown, with idNumber`,
    ),
  idNumber: identitySchema.shape.idNumber
    .optional()
    .describe("At a store: the number of the document shown; the owner's makes the line the own line"),
  callerMsisdn: typedCallerRefused,
};

/** Fields that come together or not at all; the missing one is named. */
const together = (pairs: readonly (readonly [string, string])[]) => (value: object, ctx: z.RefinementCtx) => {
  const fields = value as Record<string, unknown>;
  for (const [a, b] of pairs) {
    const hasA = fields[a] !== undefined;
    if (hasA !== (fields[b] !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [hasA ? b : a],
        message: `is required together with ${hasA ? a : b}`,
      });
    }
  }
};

const headers = z.object({
  [SERVICE_PASSWORD_HEADER]: servicePasswordSchema
    .optional()
    .describe("The line's service password (服务密码); never put it in the URL"),
});

/** What every line answer carries besides its data. */
const served = {
  msisdn: z.string(),
  servedBy: z
    .enum(['ownLine', 'servicePassword', 'paymentDetails'])
    .describe(
      'ownLine: 本机, answered without the password; servicePassword: the password was verified; ' +
        'paymentDetails: looked up by the amount and date the caller gave (payment records)',
    ),
  advice: labelSchema
    .nullable()
    .describe(
      'What to tell the customer: change a weak password (Q-1); register, when the own line is not ' +
        'real-name registered (Q-2). Null when nothing.',
    ),
};

const billSchema = z.object({ period: z.string(), amountFen: z.number().int(), paidFen: z.number().int() });
const usageSchema = z.object({
  period: z.string(),
  voiceMinutes: z.number().int(),
  dataMb: z.number().int(),
  sms: z.number().int(),
});
const paymentSchema = z.object({
  paidAt: z.string().describe('ISO 8601 time'),
  amountFen: z.number().int(),
  method: z.string().describe('cash · bankCard · … · rechargeCard (充值卡)'),
  receiptNo: z.string().nullable(),
});

const caller =
  'Who asks decides what is served: at the hotline the query carries `callId` (the own line, 本机, is the ' +
  'number the call came from, as the telephony side reported it — 422 CallRequired without it, 422 ' +
  'CallNotFound, 403 CallNotYours for another agent’s call, 409 CallEnded); at a store the owner’s ' +
  '`idType` + `idNumber`, checked in person, make it the own line (422 IdentityMismatch for another document; ' +
  '422 IdentityNotInPerson on other channels). A typed `callerMsisdn` is refused (422 BusinessRuleViolated). ';
const selfServiceFirst =
  'Item 1 (实时话费/GPRS流量/信用度/月帐单/帐户余额): the own line, or a caller with the password, is offered ' +
  'self-service (转自动台: IVR or the web); a human agent answers only after verifying the service password ' +
  '(x-service-password header) — without it 422 ServicePasswordRequired with `details.advice` to read out. ';
const passwordAlways =
  'Item 3 (实时账单): own line or not, only with the service password (422 ServicePasswordRequired). ';
const ownLineDirect =
  'Items 6–7: the own line is answered directly; another line needs the service password; an own line whose ' +
  'real-name registration is missing needs it too, and the answer advises registering (422 ' +
  'ServicePasswordRequired with `details.advice`). ';
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
  const { db } = deps;
  const admitLine = createLineAdmission({
    db,
    policy: deps.policy,
    maxCallMinutes: deps.config.TELEPHONY_CALL_MAX_MINUTES,
  });
  const cardTickets = createCardTickets({ db, config: deps.config, startWorkOrder: deps.startWorkOrder });

  /** REQ: — the asked line once the caller may be told about it (see `createLineAdmission`). */
  const admit = (
    kind: LineQueryKind,
    request: FastifyRequest & {
      params: { msisdn: string };
      query: CallerQuery;
      headers: { [SERVICE_PASSWORD_HEADER]?: string | undefined };
    },
    paymentDetailsGiven = false,
  ) =>
    admitLine(principalOf(request), kind, {
      msisdn: request.params.msisdn,
      caller: request.query,
      servicePassword: request.headers[SERVICE_PASSWORD_HEADER],
      paymentDetailsGiven,
    });

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
        querystring: z.object({ ...callerShape, ...extraQuery }).superRefine(
          together([
            ['idType', 'idNumber'],
            ['amountFen', 'paidOn'],
          ]),
        ),
        headers,
        response: { 200: z.object({ ...served, ...response }), ...errorResponses },
      },
    });
    const base = '/queries/lines/:msisdn';
    const q = ' REQ: Q-1, Q-2. ';
    const thisMonth = () => periodOf(new Date());

    r.get(
      `${base}/bills`,
      route(
        'Monthly bills (月帐单)',
        caller +
          selfServiceFirst +
          'Billed months, newest first; one month with `period`.' +
          q +
          passwordOutcomes,
        { period: periodSchema.optional().describe('One month, YYYY-MM') },
        { items: z.array(billSchema) },
      ),
      async (request) => {
        const { meta } = await admit('bills', request);
        return { ...meta, items: await listBills(db, meta.msisdn, request.query.period) };
      },
    );

    r.get(
      `${base}/balance`,
      route(
        'Account balance (帐户余额)',
        caller +
          selfServiceFirst +
          'The prepaid balance in fen; negative means arrears (欠费).' +
          q +
          passwordOutcomes,
        {},
        { balanceFen: z.number().int() },
      ),
      async (request) => {
        const { meta, line } = await admit('balance', request);
        return { ...meta, balanceFen: line.balanceFen };
      },
    );

    r.get(
      `${base}/gprs`,
      route(
        'GPRS data use of this month (GPRS流量)',
        caller + selfServiceFirst + 'Data used this month, in MB.' + q + passwordOutcomes,
        {},
        { usage: z.object({ period: z.string(), dataMb: z.number().int() }) },
      ),
      async (request) => {
        const { meta } = await admit('gprs', request);
        const period = thisMonth();
        const { dataMb } = await findUsage(db, meta.msisdn, period);
        return { ...meta, usage: { period, dataMb } };
      },
    );

    r.get(
      `${base}/usage`,
      route(
        'Voice and SMS use in the package this month (套餐内短信及语音使用情况，仅查询当月)',
        caller + ownLineDirect + 'Voice minutes and SMS of the current month only.' + q + passwordOutcomes,
        {},
        {
          usage: z.object({ period: z.string(), voiceMinutes: z.number().int(), sms: z.number().int() }),
        },
      ),
      async (request) => {
        const { meta } = await admit('usage', request);
        const period = thisMonth();
        const { voiceMinutes, sms } = await findUsage(db, meta.msisdn, period);
        return { ...meta, usage: { period, voiceMinutes, sms } };
      },
    );

    r.get(
      `${base}/realtime-bill`,
      route(
        'Real-time bill of the current month (实时账单)',
        caller +
          passwordAlways +
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
        const { meta, line } = await admit('realtimeBill', request);
        const now = new Date();
        const period = periodOf(now);
        return {
          ...meta,
          period,
          packageFeeFen: line.monthlyFeeFen ?? 0,
          usage: { period, ...(await findUsage(db, meta.msisdn, period)) },
          asOf: now.toISOString(),
        };
      },
    );

    r.get(
      `${base}/payments`,
      route(
        'Payment records (缴费记录到帐查询)',
        caller +
          'Item 4: own line or not, looked up by the amount (`amountFen`) and the date (`paidOn`, business ' +
          'time) the caller gives — the records matching both, possibly none (servedBy paymentDetails); without ' +
          'them only with the service password, which lists every record (422 ServicePasswordRequired with ' +
          '`details.advice` otherwise). Records: recharges and fee payments at a counter or online ' +
          '(completed, not refunded) and recharge cards used on the line, newest first.' +
          q +
          passwordOutcomes,
        {
          amountFen: queryInteger(1, 100_000_000)
            .optional()
            .describe('The amount the caller says was paid, in fen (with paidOn)'),
          paidOn: z.iso
            .date()
            .optional()
            .describe('The day the caller says it was paid, YYYY-MM-DD (with amountFen)'),
        },
        { items: z.array(paymentSchema) },
      ),
      async (request) => {
        const { amountFen, paidOn } = request.query;
        const given = amountFen !== undefined && paidOn !== undefined ? { amountFen, paidOn } : null;
        const { meta } = await admit('payments', request, given !== null);
        const records = await listLinePayments(db, meta.msisdn);
        const shown =
          meta.servedBy === 'paymentDetails' && given
            ? records.filter((p) => paymentMatches(p, given, deps.config.BUSINESS_UTC_OFFSET_HOURS))
            : records;
        return { ...meta, items: shown.map((p) => ({ ...p, paidAt: p.paidAt.toISOString() })) };
      },
    );

    r.get(
      `${base}/info`,
      route(
        'User information (用户信息)',
        caller +
          ownLineDirect +
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
        const { meta, line } = await admit('info', request);
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
      '/queries/recharge-cards/:serial',
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
            'operator on its channel, to tell the outcome on `contactMsisdn` (or the number the hotline call ' +
            '`callId` came from); 422 BusinessRuleViolated without either. While the card’s last ticket is open, asking again (by ' +
            'anyone) answers the same `workOrderId`; once it is closed, rejected or cancelled, the next question ' +
            'opens a new one (`WorkOrder:RechargeCard-<serial>-<n>`). 404 RechargeCardNotFound for an unknown ' +
            'serial. REQ: Q-3.',
          security: bearerSecurity,
          params: z.object({ serial: z.string().regex(/^\d{10,20}$/, 'must be 10 to 20 digits') }),
          querystring: z.object({
            contactMsisdn: msisdnSchema
              .optional()
              .describe('The mobile number the customer is told the outcome of a ticket on'),
            callId: callIdSchema
              .optional()
              .describe(
                'Hotline: the call this question comes on; its number is the contact when none is given',
              ),
            callerMsisdn: typedCallerRefused,
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
          const principal = principalOf(request);
          const contact = await cardTickets.contactFor(principal, request.query);
          const workOrderId = await cardTickets.open(serial, contact, principal);
          request.log.info({ serial, workOrderId }, 'recharge card query: ticket opened (Q-3)');
          return {
            serial,
            ticket: true,
            workOrderId,
            workOrderHref: `${API_PREFIX}/work-orders/${encodeURIComponent(workOrderId)}`,
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
