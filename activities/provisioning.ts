import type { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/client';
import { extendOrderHolds } from '../db/queries/resources';
import { SubscriberExistsError, type HlrAdapter } from './adapters/hlr';
import { businessFailure, transientFailure } from './failures';

/** The HLR request that switches an order's subscriber on: its undo switches off only what it did. */
const provisionRequestId = (orderId: string) => `${orderId}:provision`;

/** Back-office provisioning (后台施工) on the HLR/HSS. */
export function createProvisioningActivities({
  db,
  hlr,
  preemptionTtlSeconds,
}: {
  db: Db;
  hlr: HlrAdapter;
  preemptionTtlSeconds: number;
}) {
  return {
    /**
     * REQ: OPEN-2, RES-6 — switches the subscriber on only while the order still holds the SIM (by IMSI) and,
     * when the number came from our stock (`numberFromStock`; a ported-in number is not ours to hold), the
     * number: both holds are extended and checked in one statement first. A lost hold fails
     * `PreemptionExpired` with nothing switched on; the HLR refusing a number another request switched on
     * fails `HlrSubscriberExists`. `numberFromStock` is absent in tasks scheduled before it existed.
     */
    async provisionSubscriber(input: {
      orderId: string;
      msisdn: string;
      imsi: string;
      services: string[];
      numberFromStock?: boolean;
    }): Promise<{ hlrRef: string }> {
      const { orderId, msisdn, imsi, services } = input;
      await checkOrderHolds(db, orderId, preemptionTtlSeconds, {
        imsi,
        ...(input.numberFromStock ? { msisdn } : {}),
      });
      try {
        return await hlr.provision({ requestId: provisionRequestId(orderId), msisdn, imsi, services });
      } catch (err) {
        throw hlrFailure('provisioning', err);
      }
    },

    /**
     * Switches the subscriber off. As the undo of provisionSubscriber (`ownOnly`), only what this order's
     * provisioning switched on (REQ: ORD-5): the number may be another customer's line by now. Port-out and
     * formal cancellation switch the line off whoever provisioned it.
     */
    async deprovisionSubscriber(input: {
      orderId: string;
      msisdn: string;
      ownOnly?: boolean;
    }): Promise<void> {
      try {
        await hlr.deprovision({
          requestId: `${input.orderId}:deprovision`,
          msisdn: input.msisdn,
          ...(input.ownOnly ? { provisionedBy: provisionRequestId(input.orderId) } : {}),
        });
      } catch (err) {
        throw hlrFailure('de-provisioning', err);
      }
    },
  };
}

/**
 * REQ: OPEN-2, RES-6 — before the HLR/HSS is asked to use a pre-empted number (`msisdn`) or SIM (`imsi`):
 * extends every hold of the order in one statement and fails `PreemptionExpired` (non-retryable) unless the
 * order still holds them, so a hold that ran out and was taken by another order is never used.
 */
export async function checkOrderHolds(
  db: Db,
  orderId: string,
  ttlSeconds: number,
  wanted: { msisdn?: string; imsi?: string },
): Promise<void> {
  const held = await extendOrderHolds(db, orderId, ttlSeconds);
  const { msisdn, imsi } = wanted;
  const lost = [
    ...(msisdn && !held.msisdns.includes(msisdn) ? [`number ${msisdn}`] : []),
    ...(imsi && !held.imsis.includes(imsi) ? [`SIM with IMSI ${imsi}`] : []),
  ];
  if (lost.length > 0)
    throw businessFailure(
      'PreemptionExpired',
      `The hold on the ${lost.join(' and the ')} expired and was released or taken by another order; ` +
        'nothing was asked of the HLR/HSS',
    );
}

/**
 * What a failed HLR/HSS call means for the order: a number another request switched on is refused for good
 * (`HlrSubscriberExists`, REQ: ORD-5); anything else is an outage worth retrying (`ProvisioningFailed`).
 */
export function hlrFailure(what: string, err: unknown): ApplicationFailure {
  if (err instanceof SubscriberExistsError)
    return businessFailure('HlrSubscriberExists', `The HLR/HSS refused the ${what}: ${err.message}`);
  return transientFailure('ProvisioningFailed', `HLR ${what} failed: ${(err as Error).message}`);
}
