import { eq } from 'drizzle-orm';
import { subscribers } from '../../db/schema';
import { demoSubscribers } from '../../db/seed';
import type { Harness } from './harness';
import { submitOrder, waitForOrder, type OrderView } from './orders';

/** A seeded demo line (13900100001…20) with its owner, SIM and balance as the seed made them. */
export function seededLine(msisdn: string) {
  const index = demoSubscribers.findIndex((s) => s.msisdn === msisdn);
  const line = demoSubscribers[index];
  if (!line) throw new Error(`${msisdn} is not a seeded demo line`);
  return {
    ...line,
    iccid: `898600100002${String(index).padStart(7, '0')}`,
    imsi: `46000002${String(index).padStart(7, '0')}`,
  };
}

/** The owner's ID card as shown at the counter. */
export const ownerIdentity = (msisdn: string) => ({
  idType: 'idCard',
  idNumber: seededLine(msisdn).customer.idNumber,
});

/** Submits a service change through the API and waits for it to end. */
export async function runChange(
  h: Harness,
  token: string,
  body: Record<string, unknown>,
): Promise<OrderView> {
  const res = await submitOrder(h.app, token, body);
  if (res.statusCode !== 202) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return waitForOrder(h.app, token, res.json<{ id: string }>().id);
}

export async function lineRow(h: Harness, msisdn: string) {
  const [row] = await h.db.select().from(subscribers).where(eq(subscribers.msisdn, msisdn));
  return row ?? null;
}

/** The timeline as `status/step` strings, to read an order's path at a glance. */
export const path = (order: OrderView): string[] =>
  order.timeline.map((t) => `${t.status}${t.step ? `/${t.step}` : ''}`);
