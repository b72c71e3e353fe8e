import type { Db } from '../../db/client';
import { claimCardTicket, lastCardTicket, workOrderStatus } from '../../db/queries/recharge-card-tickets';
import { homeCityOf } from '../../db/queries/work-order-views';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import { msisdnSchema } from '../../domain/numbers';
import { cardTicketKey } from '../../domain/queries';
import { finalWorkOrderStatuses, type WorkOrderStatus } from '../../domain/work-orders';
import { workflowSettings, type AppConfig } from '../../temporal.config';
import { isVipLine } from '../orders/customer-screening';
import type { WorkOrderStarter } from '../work-orders/work-order-service';
import { cardTicketWorkOrderId } from '../../workflows/contracts/work-order';
import { usableCall } from './query-caller';

const isFinalStatus = (status: WorkOrderStatus | null): boolean =>
  status !== null && finalWorkOrderStatuses.includes(status);

/**
 * REQ: Q-3 — a "17" recharge card is not answered: a ticket (工单) checks it. `open` answers the work order
 * of the card's open ticket, opening the next one when there is none.
 */
export function createCardTickets(deps: { db: Db; config: AppConfig; startWorkOrder: WorkOrderStarter }) {
  const { db } = deps;

  /**
   * The number the customer is told the outcome on: the one given, else the mobile number the hotline call
   * came from; 422 BusinessRuleViolated without either.
   */
  async function contactFor(
    principal: Principal,
    query: { contactMsisdn?: string | undefined; callId?: string | undefined },
  ): Promise<string> {
    const { callId } = query;
    const call =
      callId === undefined
        ? null
        : await usableCall(db, principal, callId, deps.config.TELEPHONY_CALL_MAX_MINUTES);
    const fromCall = call && msisdnSchema.safeParse(call.callerMsisdn).success ? call.callerMsisdn : null;
    const contact = query.contactMsisdn ?? fromCall;
    if (contact === null) {
      throw new AppError(
        'BusinessRuleViolated',
        'query.contactMsisdn: a "17" card opens a ticket; give the mobile number the customer is told ' +
          'the outcome on (or the callId of a hotline call from a mobile number)',
      );
    }
    return contact;
  }

  /**
   * Tickets are numbered per serial (`RechargeCard-<serial>-<seq>`): while the last is open, asking again (by
   * anyone, even at once) answers it; once it is closed (rejected, closed, cancelled) the next question opens
   * the next one. A ticket opened before the numbering (`RechargeCard-<serial>`) and still open is kept as
   * number 0. It is internal work on the card, not new business for the caller, so no blacklist screening
   * applies.
   */
  async function open(serial: string, contactMsisdn: string, principal: Principal): Promise<string> {
    let last = await lastCardTicket(db, serial);
    if (!last) {
      const legacy = cardTicketWorkOrderId(`RechargeCard-${serial}`);
      const status = await workOrderStatus(db, legacy);
      if (status !== null && !isFinalStatus(status)) {
        await claimCardTicket(db, { serial, seq: 0, workOrderId: legacy });
        last = await lastCardTicket(db, serial);
      }
    }
    const id =
      last && !isFinalStatus(last.status)
        ? last.workOrderId
        : await claimCardTicket(db, {
            serial,
            seq: (last?.seq ?? 0) + 1,
            workOrderId: cardTicketWorkOrderId(cardTicketKey(serial, (last?.seq ?? 0) + 1)),
          });
    // Whoever claimed the number starts its work order; starting it again is the same work order, so a
    // ticket whose start was interrupted is started by the next question, and another operator or caller
    // who asked first started the card's ticket already.
    await deps.startWorkOrder(
      { workOrderId: id },
      {
        source: 'staff',
        request: {
          kind: 'standard',
          category: 'businessHandling',
          priority: 'P3',
          title: `充值卡状态核查 Recharge-card check ${serial}`,
          description:
            `A customer (to be told on ${contactMsisdn}) asked about recharge card ${serial}; its serial ` +
            'digits 6-7 are "17", so it was not answered. Check the card and tell the customer; no promise ' +
            'was made (已提交工单核查，不作承诺).',
          customer: { name: '来电客户 Caller', msisdn: contactMsisdn },
        },
        resolved: {
          vip: await isVipLine(db, contactMsisdn),
          city: await homeCityOf(db, contactMsisdn),
          outletCode: null,
        },
        createdBy: principal.operatorId,
        channelCode: principal.channelCode,
        settings: workflowSettings(deps.config, 'workOrder'),
      },
    );
    return id;
  }

  return { contactFor, open };
}
