import type { Db } from '../db/client';
import { setCustomerState } from '../db/queries/customers';
import { finishOnHold, holdLine, releaseHold, updateCustomer } from '../db/queries/line-changes';
import { markParkedSecretUsed } from '../db/queries/parked-secrets';
import { findLineWithOwner } from '../db/queries/subscribers';
import { allowedLineStatuses, lineIdentityRefusal } from '../domain/service-change-rules';
import type { ServiceChangeType } from '../domain/service-changes';
import type { SubscriberStatus } from '../domain/subscribers';
import type { AppConfig } from '../temporal.config';
import type { HlrAdapter } from './adapters/hlr';
import { businessFailure } from './failures';
import { parkedHash } from './parked-secrets';
import { checkOrderHolds, hlrFailure } from './provisioning';

/** The line as the change found it, once held. */
export interface LineSnapshot {
  msisdn: string;
  status: SubscriberStatus;
  customerId: string;
  ownerName: string;
  iccid: string;
  imsi: string;
  features: string[];
  discountCode: string | null;
  balanceFen: number;
}

/**
 * A live line's own changes (REQ: CHG-1, CHG-2): hold and release, HLR/HSS barring and updates, and the last
 * writes of status, features, discount (优惠), customer data and owner (过户). HLR calls carry
 * `<order>:<step>` request IDs; the last writes are conditional on the order's hold, so all are idempotent.
 */
export function createLineChangeActivities({
  db,
  hlr,
  config,
}: {
  db: Db;
  hlr: HlrAdapter;
  config: AppConfig;
}) {
  const hlrCall = async (what: string, call: () => Promise<void>): Promise<void> => {
    try {
      await call();
    } catch (err) {
      throw hlrFailure(what, err);
    }
  };

  /** A last write found the hold gone: it ran before (a retry) — unless the line is gone too. */
  const alreadyDone = async (msisdn: string) => {
    const found = await findLineWithOwner(db, msisdn);
    if (!found) throw businessFailure('SubscriberNotFound', `No line with number ${msisdn}`, { msisdn });
    return found.line;
  };

  return {
    /**
     * Checks the line — it exists, is in a state the change starts from, no other order holds it, and the
     * identity shown belongs to its owner — and holds it for the order. Undo: releaseLine.
     */
    async holdLineForChange(input: {
      orderId: string;
      msisdn: string;
      type: ServiceChangeType;
      identity?: { idNumber: string };
    }): Promise<LineSnapshot> {
      const { msisdn, orderId, type } = input;
      const found = await findLineWithOwner(db, msisdn);
      if (!found?.owner)
        throw businessFailure('SubscriberNotFound', `No line with number ${msisdn}`, { msisdn });
      const { line, owner } = found;
      const from = allowedLineStatuses(type);
      const status = line.status;
      const heldByOther = line.lockedBy !== null && line.lockedBy !== orderId;
      if (!from.includes(status) || heldByOther)
        throw businessFailure(
          'SubscriberNotActive',
          `Line ${msisdn} is ${status}${heldByOther ? `, held by order ${line.lockedBy}` : ''}; ` +
            `a ${type} order needs it ${from.join(' or ')} and held by no other order`,
          { msisdn, status },
        );
      const refusal = lineIdentityRefusal({
        type,
        status,
        identity: input.identity,
        ownerIdNumber: owner.idNumber,
      });
      if (refusal === 'IdentityVerificationRequired')
        throw businessFailure(refusal, `A ${type} order on ${msisdn} (${status}) needs the owner's identity`);
      if (refusal) throw businessFailure(refusal, `The identity shown is not that of the owner of ${msisdn}`);
      const held = await holdLine(db, { msisdn, orderId, from });
      if (!held)
        throw businessFailure('SubscriberNotActive', `Line ${msisdn} changed while it was being checked`);
      return {
        msisdn,
        status,
        customerId: held.customerId,
        ownerName: owner.name,
        iccid: held.iccid,
        imsi: held.imsi,
        features: held.features,
        discountCode: held.discountCode,
        balanceFen: held.balanceFen,
      };
    },

    /** Undo of holdLineForChange; a no-op once the change's last write released the line. */
    async releaseLine(input: { orderId: string }): Promise<void> {
      await releaseHold(db, input.orderId);
    },

    /** Bars or un-bars all service on the HLR/HSS (停机/复机); its own undo with the opposite flag. */
    async setLineBarring(input: {
      orderId: string;
      step: string;
      msisdn: string;
      barred: boolean;
    }): Promise<void> {
      const { orderId, step, msisdn, barred } = input;
      await hlrCall(barred ? 'barring' : 'un-barring', () =>
        hlr.setBarring({ requestId: `${orderId}:${step}`, msisdn, barred }),
      );
    },

    /**
     * Changes the line's number, IMSI or services on the HLR/HSS; its own undo with the old values and
     * `undoes` (the step it reverts): applied only if that step's update was (REQ: ORD-5). REQ: CHG-1, RES-6 —
     * a new number or SIM this order pre-empted (`held`) is used only while the order still holds it: the
     * hold is checked and extended first, and a lost one fails `PreemptionExpired` with nothing asked of the
     * HLR/HSS; a new number the HLR/HSS already has for another subscriber fails `HlrSubscriberExists`.
     * `held` and `undoes` are absent in tasks scheduled before they existed.
     */
    async updateLineOnHlr(input: {
      orderId: string;
      step: string;
      msisdn: string;
      newMsisdn?: string;
      imsi?: string;
      services?: string[];
      held?: boolean;
      undoes?: string;
    }): Promise<void> {
      const { orderId, step, held, undoes, ...change } = input;
      if (held)
        await checkOrderHolds(db, orderId, config.PREEMPTION_TTL_SECONDS, {
          msisdn: change.newMsisdn,
          imsi: change.imsi,
        });
      await hlrCall('update', () =>
        hlr.updateSubscriber({
          requestId: `${orderId}:${step}`,
          ...change,
          ...(undoes ? { undoes: `${orderId}:${undoes}` } : {}),
        }),
      );
    },

    /** REQ: CHG-1, CHG-2 — the line's new status (停机 / 挂失 / 复机), released with it. */
    async commitLineStatus(input: {
      orderId: string;
      msisdn: string;
      to: SubscriberStatus;
    }): Promise<{ status: string }> {
      const line =
        (await finishOnHold(db, { ...input, change: { status: input.to } })) ??
        (await alreadyDone(input.msisdn));
      return { status: line.status };
    },

    /** REQ: CHG-1 feature change — the features the HLR now has; roaming is also a column others read. */
    async commitFeatures(input: { orderId: string; msisdn: string; features: string[] }): Promise<void> {
      const { features } = input;
      const internationalRoaming = features.includes('internationalRoaming');
      await finishOnHold(db, { ...input, change: { features, internationalRoaming } });
    },

    /** REQ: CHG-1 discount change (优惠变更). */
    async commitDiscount(input: { orderId: string; msisdn: string; discountCode: string | null }) {
      await finishOnHold(db, { ...input, change: { discountCode: input.discountCode } });
    },

    /**
     * REQ: CHG-1 customer data change (客户资料修改): name, address and contact on the owner's record; the
     * service password (服务密码) on the line, kept only as a hash: the one the API parked, copied here.
     */
    async commitCustomerData(input: {
      orderId: string;
      msisdn: string;
      customerId: string;
      name?: string;
      address?: string;
      contactPhone?: string;
      /** REQ: Q-1 — the new service password, parked (hashed) by the API. */
      servicePasswordRef?: string;
    }): Promise<void> {
      const { orderId, msisdn, customerId, servicePasswordRef, ...data } = input;
      const servicePasswordHash = servicePasswordRef ? await parkedHash(db, servicePasswordRef) : undefined;
      await db.transaction(async (tx) => {
        const line = await finishOnHold(tx, { msisdn, orderId, change: { servicePasswordHash } });
        if (!line) return;
        await updateCustomer(tx, customerId, data);
        if (servicePasswordRef) await markParkedSecretUsed(tx, servicePasswordRef);
      });
    },

    /**
     * REQ: CHG-1 ownership transfer (过户): the new owner's record (pre-entered by this order) is committed
     * and the line points to it; the old owner's record stays. The old owner's service password goes.
     */
    async commitTransfer(input: { orderId: string; msisdn: string; customerId: string }): Promise<void> {
      const { orderId, msisdn, customerId } = input;
      await db.transaction(async (tx) => {
        const line = await finishOnHold(tx, {
          msisdn,
          orderId,
          change: { customerId, servicePasswordHash: null },
        });
        if (line) await setCustomerState(tx, orderId, 'preEntered', 'committed');
      });
    },
  };
}
