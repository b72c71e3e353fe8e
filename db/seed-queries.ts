import { periodOf } from '../domain/queries';
import type { Db } from './client';
import { rechargeCards, subscribers, usageSummaries } from './schema';

const DAY_MS = 86_400_000;

/**
 * REQ: Q-3 — demo recharge cards, one of each validity. `1000017…` has "17" in digits 6–7: its status is
 * never told, a ticket checks it.
 */
export const demoRechargeCards = [
  { serial: '1000010000000001', status: 'unused', validInDays: 365 },
  { serial: '1000020000000002', status: 'used', validInDays: 365, usedByMsisdn: '13900100001' },
  { serial: '1000030000000003', status: 'unused', validInDays: -30 },
  { serial: '1000040000000004', status: 'frozen', validInDays: 365 },
  { serial: '1000017000000005', status: 'unused', validInDays: 365 },
] as const;

/** REQ: Q-2 — usage of the lines seeded so far, this month and the two before; cards for Q-3. Safe to run again. */
export async function seedQueryData(db: Db, now = new Date()): Promise<void> {
  const lines = await db.select({ msisdn: subscribers.msisdn }).from(subscribers);
  if (lines.length > 0) {
    await db
      .insert(usageSummaries)
      .values(
        lines.flatMap((sub, i) =>
          [0, 1, 2].map((back) => ({
            msisdn: sub.msisdn,
            period: periodOf(now, back),
            voiceMinutes: 100 + 10 * i + 50 * back,
            dataMb: 2_048 + 100 * i + 512 * back,
            sms: 20 + i + 5 * back,
          })),
        ),
      )
      .onConflictDoNothing();
  }
  await db
    .insert(rechargeCards)
    .values(
      demoRechargeCards.map((c) => ({
        serial: c.serial,
        faceValueFen: 10_000,
        status: c.status,
        validUntil: new Date(now.getTime() + c.validInDays * DAY_MS),
        usedByMsisdn: 'usedByMsisdn' in c ? c.usedByMsisdn : null,
        usedAt: c.status === 'used' ? new Date(now.getTime() - 10 * DAY_MS) : null,
      })),
    )
    .onConflictDoNothing();
}
