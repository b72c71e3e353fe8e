import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nonBlankText } from '../../domain/text-fields';
import type { Db } from '../../db/client';
import { findOrgUnit } from '../../db/queries/org-units';
import {
  feeChanges,
  simBoundTo,
  stateHistory,
  type NumberRecord,
  type SimRecord,
} from '../../db/queries/resource-states';
import { adminDesk, orderDesk } from '../../domain/access';
import { iccidSchema } from '../../domain/resources';
import { msisdnSchema } from '../../domain/numbers';
import {
  numberStatusLabels,
  numberTargetSchema,
  numberTransitions,
  simStatusLabels,
  simTargetSchema,
  simTransitions,
} from '../../domain/resource-states';
import {
  cancelReservation,
  requireNumber,
  requireSim,
  reserveNumberFor,
  setNumberState,
  setSimState,
} from '../../services/resources/resource-states';
import { principalOf } from '../plugins/auth';
import { bearerSecurity, errorResponses, labelSchema } from '../schemas';

const tags = ['resources'];
const iso = z.string().describe('ISO 8601 time');

const historyEntrySchema = z.object({
  from: z.string(),
  to: z.string(),
  reason: z.string(),
  changedBy: z.string().describe('Operator ID, or "system" for the tidy-up Schedule'),
  changedAt: iso,
});

const numberViewSchema = z.object({
  msisdn: z.string(),
  kind: z.string().describe('mobile · smsPort · access'),
  segment: z.string().describe('号段: the first 7 digits'),
  status: z.string(),
  statusLabel: labelSchema,
  allowedTargets: z.array(z.string()).describe('States staff may set by hand from this one (RES-3)'),
  selectionFeeFen: z.number().int().describe('选号费, in fen'),
  holderCode: z.string().nullable().describe('The organisation unit holding it; null = central stock'),
  unitName: z.string().nullable().describe("The holding unit's name; null for central stock"),
  reservation: z.object({ customerName: z.string(), until: iso }).nullable(),
  preemption: z.object({ orderId: z.string().nullable(), until: iso.nullable() }).nullable(),
  availableFrom: iso.nullable().describe('For a recycled number: when its cool-down ends'),
  sim: z.object({ iccid: z.string(), imsi: z.string(), status: z.string() }).nullable(),
  history: z.array(historyEntrySchema).describe('State changes, oldest first'),
  feeChanges: z
    .array(
      z.object({
        beforeFen: z.number().int(),
        afterFen: z.number().int(),
        reason: z.string(),
        changedBy: z.string(),
        changedAt: iso,
      }),
    )
    .describe('Selection-fee changes, oldest first (RES-4)'),
});

const simViewSchema = z.object({
  iccid: z.string(),
  imsi: z.string(),
  status: z.string(),
  statusLabel: labelSchema,
  allowedTargets: z.array(z.string()),
  msisdn: z.string().nullable().describe('The number it is bound to (RES-5)'),
  holderCode: z.string().nullable().describe('The organisation unit holding it; null = central stock'),
  unitName: z.string().nullable().describe("The holding unit's name; null for central stock"),
  history: z.array(historyEntrySchema).describe('State changes, oldest first'),
});

const msisdnParams = z.object({ msisdn: msisdnSchema });
const iccidParams = z.object({ iccid: iccidSchema });
const reasonSchema = nonBlankText(200).describe('Why (recorded with who did it)');

/**
 * REQ: RES-3 — number and SIM states changed by hand (状态释放) and reservations (预定). Each change is one
 * conditional UPDATE on the state read and a row in resource_state_changes; a refusal names the current state
 * and the states allowed from it. A reserved number cannot be claimed by any order (claims take unused numbers
 * only) — not even one for the named customer: staff cancel the reservation first.
 */
export function resourceStateRoutes(deps: { db: Db; reservationMaxDays: number }) {
  const { db } = deps;
  return async (app: FastifyInstance): Promise<void> => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/numbers/:msisdn',
      {
        config: { access: orderDesk },
        schema: {
          tags,
          summary: 'One number: state, fee, holder, reservation, SIM and history (号码详情)',
          description:
            'The number with its kind, segment, state (zh/en), the states staff may set from it, selection ' +
            'fee, holding unit, reservation, pre-emption, bound SIM, and its state and fee changes. 404 ' +
            'NumberNotFound.',
          security: bearerSecurity,
          params: msisdnParams,
          response: { 200: numberViewSchema, ...errorResponses },
        },
      },
      async (request) => numberView(db, await requireNumber(db, request.params.msisdn)),
    );

    r.get(
      '/sims/:iccid',
      {
        config: { access: orderDesk },
        schema: {
          tags,
          summary: 'One SIM card: state, holder, bound number and history (SIM 卡详情)',
          description:
            'The card with its IMSI, state (zh/en), the states staff may set from it, holding unit, the number ' +
            'it is bound to (RES-5) and its state changes, oldest first (RES-3). 404 SimNotFound.',
          security: bearerSecurity,
          params: iccidParams,
          response: { 200: simViewSchema, ...errorResponses },
        },
      },
      async (request) => simView(db, await requireSim(db, request.params.iccid)),
    );

    r.post(
      '/numbers/:msisdn/state',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Change a number’s state by hand (号码状态变更)',
          description:
            'Allowed: unused ↔ disabled; recycled → unused (once the cool-down has ended) or disabled; ' +
            'preempted → unused (once the hold has expired); reserved → unused. In use and ported out change ' +
            'only through orders; reserved is set through the reservation. Anything else: 409 ' +
            'IllegalResourceTransition naming the current state and the allowed targets.',
          security: bearerSecurity,
          params: msisdnParams,
          body: z.object({ to: numberTargetSchema, reason: reasonSchema }),
          response: { 200: numberViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const number = await setNumberState(db, {
          msisdn: request.params.msisdn,
          ...request.body,
          changedBy: principalOf(request).operatorId,
        });
        return numberView(db, number);
      },
    );

    r.post(
      '/numbers/:msisdn/reservation',
      {
        config: { access: orderDesk },
        schema: {
          tags,
          summary: 'Reserve a number for a customer (号码预定)',
          description:
            `An unused number becomes reserved for the named customer until \`until\` (in the future, at most ` +
            `RESERVATION_MAX_DAYS days, default 7; else 422 BusinessRuleViolated naming body.until). No order can ` +
            'take it meanwhile; the tidy-up Schedule makes it unused again once the reservation expires. Not ' +
            'unused: 409 IllegalResourceTransition.',
          security: bearerSecurity,
          params: msisdnParams,
          body: z.object({
            customerName: nonBlankText(60).describe('Who it is reserved for'),
            until: z.string().datetime({ offset: true }).describe('ISO 8601 time the reservation ends'),
          }),
          response: { 200: numberViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const number = await reserveNumberFor(db, {
          msisdn: request.params.msisdn,
          customerName: request.body.customerName,
          until: new Date(request.body.until),
          changedBy: principalOf(request).operatorId,
          maxDays: deps.reservationMaxDays,
        });
        return numberView(db, number);
      },
    );

    r.delete(
      '/numbers/:msisdn/reservation',
      {
        config: { access: orderDesk },
        schema: {
          tags,
          summary: 'Cancel a reservation (取消预定)',
          description: 'The reserved number becomes unused. Not reserved: 409 IllegalResourceTransition.',
          security: bearerSecurity,
          params: msisdnParams,
          response: { 200: numberViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const number = await cancelReservation(db, {
          msisdn: request.params.msisdn,
          changedBy: principalOf(request).operatorId,
        });
        return numberView(db, number);
      },
    );

    r.post(
      '/sims/:iccid/state',
      {
        config: { access: adminDesk },
        schema: {
          tags,
          summary: 'Change a SIM card’s state by hand (SIM 卡状态变更)',
          description:
            'Allowed: available or issued → damaged; damaged → available. In use changes only through ' +
            'orders, and a card an order holds is not set aside under it. Anything else: 409 ' +
            'IllegalResourceTransition naming the current state and the allowed targets.',
          security: bearerSecurity,
          params: iccidParams,
          body: z.object({ to: simTargetSchema, reason: reasonSchema }),
          response: { 200: simViewSchema, ...errorResponses },
        },
      },
      async (request) => {
        const sim = await setSimState(db, {
          iccid: request.params.iccid,
          ...request.body,
          changedBy: principalOf(request).operatorId,
        });
        return simView(db, sim);
      },
    );
  };
}

const historyView = (rows: Awaited<ReturnType<typeof stateHistory>>) =>
  rows.map((h) => ({
    from: h.fromState,
    to: h.toState,
    reason: h.reason,
    changedBy: h.changedBy,
    changedAt: h.changedAt.toISOString(),
  }));

async function numberView(db: Db, n: NumberRecord): Promise<z.infer<typeof numberViewSchema>> {
  const status = n.status;
  const [sim, history, fees, unitName] = await Promise.all([
    simBoundTo(db, n.msisdn),
    stateHistory(db, n.msisdn),
    feeChanges(db, n.msisdn),
    unitNameOf(db, n.holderCode),
  ]);
  return {
    msisdn: n.msisdn,
    kind: n.kind,
    segment: n.segment,
    status,
    statusLabel: numberStatusLabels[status],
    allowedTargets: [...numberTransitions[status]],
    selectionFeeFen: n.selectionFeeFen,
    holderCode: n.holderCode,
    unitName,
    reservation:
      n.status === 'reserved' && n.reservedFor && n.reservedUntil
        ? { customerName: n.reservedFor, until: n.reservedUntil.toISOString() }
        : null,
    preemption:
      n.status === 'preempted'
        ? { orderId: n.preemptedBy, until: n.preemptedUntil?.toISOString() ?? null }
        : null,
    availableFrom: n.availableFrom?.toISOString() ?? null,
    sim: sim ? { iccid: sim.iccid, imsi: sim.imsi, status: sim.status } : null,
    history: historyView(history),
    feeChanges: fees.map((f) => ({
      beforeFen: f.beforeFen,
      afterFen: f.afterFen,
      reason: f.reason,
      changedBy: f.changedBy,
      changedAt: f.changedAt.toISOString(),
    })),
  };
}

async function simView(db: Db, s: SimRecord): Promise<z.infer<typeof simViewSchema>> {
  const status = s.status;
  return {
    iccid: s.iccid,
    imsi: s.imsi,
    status,
    statusLabel: simStatusLabels[status],
    allowedTargets: [...simTransitions[status]],
    msisdn: s.msisdn,
    holderCode: s.holderCode,
    unitName: await unitNameOf(db, s.holderCode),
    history: historyView(await stateHistory(db, s.iccid)),
  };
}

const unitNameOf = async (db: Db, code: string | null): Promise<string | null> =>
  code === null ? null : ((await findOrgUnit(db, code))?.name ?? null);
