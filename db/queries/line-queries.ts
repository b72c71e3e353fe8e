import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { OrderType } from '../../domain/orders';
import type { DbOrTx } from '../client';
import { failureLockout } from './failure-lockout';
import {
  bills,
  customers,
  orders,
  payments,
  products,
  rechargeCards,
  subscribers,
  usageSummaries,
} from '../schema';

/**
 * REQ: Q-2 — a line that can be asked about (not cancelled), with its owner's name, identity document (a
 * document shown at a store is checked against it) and real-name registration, and its product.
 */
export async function findQueryLine(db: DbOrTx, msisdn: string) {
  const [row] = await db
    .select({
      msisdn: subscribers.msisdn,
      status: subscribers.status,
      balanceFen: subscribers.balanceFen,
      openedAt: subscribers.openedAt,
      productCode: subscribers.productCode,
      productName: products.name,
      monthlyFeeFen: products.monthlyFeeFen,
      ownerName: customers.name,
      ownerIdType: customers.idType,
      ownerIdNumber: customers.idNumber,
      realNameVerified: subscribers.realNameVerified,
      passwordHash: subscribers.servicePasswordHash,
    })
    .from(subscribers)
    .leftJoin(products, eq(products.code, subscribers.productCode))
    .leftJoin(customers, eq(customers.id, subscribers.customerId))
    .where(and(eq(subscribers.msisdn, msisdn), ne(subscribers.status, 'cancelled')));
  return row ?? null;
}
export type QueryLine = NonNullable<Awaited<ReturnType<typeof findQueryLine>>>;

/** Monthly bills, newest first; one period when given. */
export async function listBills(db: DbOrTx, msisdn: string, period?: string) {
  return db
    .select({ period: bills.period, amountFen: bills.amountFen, paidFen: bills.paidFen })
    .from(bills)
    .where(and(eq(bills.msisdn, msisdn), period ? eq(bills.period, period) : undefined))
    .orderBy(desc(bills.period));
}

/** Orders that put money on a line: recharge (充值) and fee collection (收通信费). */
const payInOrderTypes: OrderType[] = ['recharge', 'collectFee'];

/**
 * REQ: Q-2 — payment records of a line (缴费记录), newest first: money paid in at a counter or online for the
 * line (a completed recharge or fee collection; its payment, not refunded) and recharge cards used on it.
 */
export async function listLinePayments(db: DbOrTx, msisdn: string) {
  const paidIn = await db
    .select({
      paidAt: payments.createdAt,
      amountFen: payments.amountFen,
      method: payments.method,
      receiptNo: payments.receiptNo,
    })
    .from(payments)
    .innerJoin(orders, eq(orders.id, payments.orderId))
    .where(
      and(
        inArray(orders.type, payInOrderTypes),
        eq(orders.status, 'completed'),
        sql`${orders.summary}->>'msisdn' = ${msisdn}`,
        eq(payments.direction, 'in'),
        eq(payments.status, 'charged'),
      ),
    );
  const cards = await db
    .select({ paidAt: rechargeCards.usedAt, amountFen: rechargeCards.faceValueFen })
    .from(rechargeCards)
    .where(and(eq(rechargeCards.usedByMsisdn, msisdn), eq(rechargeCards.status, 'used')));
  const records: { paidAt: Date; amountFen: number; method: string; receiptNo: string | null }[] = [
    ...paidIn,
    ...cards.flatMap((c) =>
      c.paidAt ? [{ paidAt: c.paidAt, amountFen: c.amountFen, method: 'rechargeCard', receiptNo: null }] : [],
    ),
  ];
  return records.sort((a, b) => b.paidAt.getTime() - a.paidAt.getTime());
}
export type LinePayment = Awaited<ReturnType<typeof listLinePayments>>[number];

export async function findUsage(db: DbOrTx, msisdn: string, period: string) {
  const [row] = await db
    .select({
      voiceMinutes: usageSummaries.voiceMinutes,
      dataMb: usageSummaries.dataMb,
      sms: usageSummaries.sms,
    })
    .from(usageSummaries)
    .where(and(eq(usageSummaries.msisdn, msisdn), eq(usageSummaries.period, period)));
  return row ?? { voiceMinutes: 0, dataMb: 0, sms: 0 };
}

export async function findRechargeCard(db: DbOrTx, serial: string) {
  const [row] = await db
    .select({ status: rechargeCards.status, validUntil: rechargeCards.validUntil })
    .from(rechargeCards)
    .where(eq(rechargeCards.serial, serial));
  return row ?? null;
}

const passwordLockout = failureLockout({
  failures: subscribers.servicePasswordFailures,
  lockedUntil: subscribers.servicePasswordLockedUntil,
});
const { notLocked } = passwordLockout;

/**
 * REQ: Q-1 — counts one wrong service password in one conditional UPDATE (the row lock serialises
 * concurrent ones); the attempt that reaches `maxFailures` locks the line's checks for `lockMinutes` and
 * starts the count afresh. Nothing changes while locked. Returns when the lock ends, if locked now.
 */
export async function recordServicePasswordFailure(
  db: DbOrTx,
  msisdn: string,
  policy: { maxFailures: number; lockMinutes: number },
): Promise<Date | null> {
  const counted = passwordLockout.countFailure(policy);
  const [row] = await db
    .update(subscribers)
    .set({ servicePasswordFailures: counted.failures, servicePasswordLockedUntil: counted.lockedUntil })
    .where(and(eq(subscribers.msisdn, msisdn), notLocked))
    .returning({ lockedUntil: subscribers.servicePasswordLockedUntil });
  return row?.lockedUntil ?? null;
}

/** REQ: Q-1 — a right password resets the count; false when the line got locked meanwhile. */
export async function claimServicePasswordSuccess(db: DbOrTx, msisdn: string): Promise<boolean> {
  const updated = await db
    .update(subscribers)
    .set({ servicePasswordFailures: 0, servicePasswordLockedUntil: null })
    .where(and(eq(subscribers.msisdn, msisdn), notLocked))
    .returning({ msisdn: subscribers.msisdn });
  return updated.length > 0;
}

/** When the line's password checks are refused until, if they are now. */
export async function servicePasswordLockedUntil(db: DbOrTx, msisdn: string): Promise<Date | null> {
  const [row] = await db
    .select({ until: subscribers.servicePasswordLockedUntil })
    .from(subscribers)
    .where(and(eq(subscribers.msisdn, msisdn), sql`not ${notLocked}`));
  return row?.until ?? null;
}
