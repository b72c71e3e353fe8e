import { and, eq, gte, inArray, isNull, or, sql, TransactionRollbackError } from 'drizzle-orm';
import type { SubscriberStatus } from '../../domain/subscribers';
import type { Db, DbOrTx } from '../client';
import { bills, customers, numbers, simCards, subscribers } from '../schema';
import { recycleNumber } from './resources';
import type { SubscriberRow } from './subscribers';

/**
 * Service changes (REQ: CHG-1, CHG-2) in the database. A change first holds the line (`locked_by` = its
 * order), so no other order changes it meanwhile; its last write is conditional on that hold and releases it
 * in the same statement, so a retried last step finds the hold gone and changes nothing twice.
 */

/** Holds the line for the order when it is in one of `from` and no other order holds it; null otherwise. */
export async function holdLine(
  db: DbOrTx,
  input: { msisdn: string; orderId: string; from: readonly SubscriberStatus[] },
): Promise<SubscriberRow | null> {
  const [row] = await db
    .update(subscribers)
    .set({ lockedBy: input.orderId, updatedAt: sql`now()` })
    .where(
      and(
        eq(subscribers.msisdn, input.msisdn),
        inArray(subscribers.status, [...input.from]),
        or(isNull(subscribers.lockedBy), eq(subscribers.lockedBy, input.orderId)),
      ),
    )
    .returning();
  return row ?? null;
}

/** Lets go of whatever line the order still holds (under its old or new number); a no-op otherwise. */
export async function releaseHold(db: DbOrTx, orderId: string): Promise<void> {
  await db
    .update(subscribers)
    .set({ lockedBy: null, updatedAt: sql`now()` })
    .where(eq(subscribers.lockedBy, orderId));
}

type LineChange = Partial<
  Pick<
    typeof subscribers.$inferInsert,
    | 'msisdn'
    | 'status'
    | 'customerId'
    | 'iccid'
    | 'imsi'
    | 'features'
    | 'internationalRoaming'
    | 'discountCode'
    | 'servicePasswordHash'
  >
>;

/**
 * The change's last write: applies `change` (and `balanceDeltaFen`) and releases the hold in one UPDATE,
 * only while the order holds the line and, when given, its balance is at least `balanceAtLeastFen`. Null
 * otherwise: the write was done already, or the balance is short.
 */
export async function finishOnHold(
  db: DbOrTx,
  input: {
    msisdn: string;
    orderId: string;
    change: LineChange;
    balanceDeltaFen?: number;
    balanceAtLeastFen?: number;
  },
): Promise<SubscriberRow | null> {
  const delta = input.balanceDeltaFen;
  const [row] = await db
    .update(subscribers)
    .set({
      ...input.change,
      ...(delta === undefined ? {} : { balanceFen: sql`${subscribers.balanceFen} + ${delta}` }),
      lockedBy: null,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(subscribers.msisdn, input.msisdn),
        eq(subscribers.lockedBy, input.orderId),
        input.balanceAtLeastFen === undefined
          ? undefined
          : gte(subscribers.balanceFen, input.balanceAtLeastFen),
      ),
    )
    .returning();
  return row ?? null;
}

/**
 * REQ: CHG-1 number change (改号), in one transaction: the line (the primary key) and its SIM and bills move
 * to the new number, which the order held and now puts in use; the old number goes to the recycle pool until
 * its cool-down ends. A recycled new number may still carry its formally cancelled line: that row is
 * replaced, as when such a number is sold again (its bills stay, by period). 'lost' when the hold on the new
 * number was lost before the change could use it.
 */
export async function moveLineToNumber(
  db: Db,
  input: { orderId: string; oldMsisdn: string; newMsisdn: string; cooldownSeconds: number },
): Promise<'moved' | 'alreadyMoved' | 'lost'> {
  return db
    .transaction(async (tx) => {
      await tx
        .delete(subscribers)
        .where(and(eq(subscribers.msisdn, input.newMsisdn), eq(subscribers.status, 'cancelled')));
      const moved = await finishOnHold(tx, {
        msisdn: input.oldMsisdn,
        orderId: input.orderId,
        change: { msisdn: input.newMsisdn },
      });
      if (!moved) return 'alreadyMoved';
      const taken = await tx
        .update(numbers)
        .set({ status: 'inUse', preemptedUntil: null, updatedAt: sql`now()` })
        .where(
          and(
            eq(numbers.msisdn, input.newMsisdn),
            eq(numbers.preemptedBy, input.orderId),
            eq(numbers.status, 'preempted'),
          ),
        )
        .returning({ msisdn: numbers.msisdn });
      if (taken.length === 0) tx.rollback();
      await recycleNumber(tx, input.oldMsisdn, input.cooldownSeconds);
      await tx
        .update(simCards)
        .set({ msisdn: input.newMsisdn, updatedAt: sql`now()` })
        .where(eq(simCards.msisdn, input.oldMsisdn));
      await tx
        .update(bills)
        .set({ msisdn: input.newMsisdn })
        .where(
          and(
            eq(bills.msisdn, input.oldMsisdn),
            sql`${bills.period} not in (select b.period from bills b where b.msisdn = ${input.newMsisdn})`,
          ),
        );
      return 'moved' as const;
    })
    .catch(rolledBackAs('lost' as const));
}

/**
 * REQ: CHG-1 SIM swap / replacement (换卡/补卡), in one transaction: the SIM the order held goes in use on
 * the line; the old one is retired (`damaged`: never issued again). 'lost' when the held SIM was taken.
 */
export async function swapLineSim(
  db: Db,
  input: { orderId: string; msisdn: string; oldIccid: string; newIccid: string; newImsi: string },
): Promise<'swapped' | 'alreadySwapped' | 'lost'> {
  return db
    .transaction(async (tx) => {
      const line = await finishOnHold(tx, {
        msisdn: input.msisdn,
        orderId: input.orderId,
        change: { iccid: input.newIccid, imsi: input.newImsi },
      });
      if (!line) return 'alreadySwapped';
      // The old SIM lets go of the number first: a number is bound to one SIM at a time (RES-5).
      await tx
        .update(simCards)
        .set({ status: 'damaged', msisdn: null, updatedAt: sql`now()` })
        .where(eq(simCards.iccid, input.oldIccid));
      const taken = await tx
        .update(simCards)
        .set({ status: 'inUse', msisdn: input.msisdn, preemptedUntil: null, updatedAt: sql`now()` })
        .where(
          and(
            eq(simCards.iccid, input.newIccid),
            eq(simCards.preemptedBy, input.orderId),
            // A SIM issued down the tree to the clerk's outlet is `issued`, not `available` (REQ: RES-2).
            inArray(simCards.status, ['available', 'issued']),
          ),
        )
        .returning({ iccid: simCards.iccid });
      if (taken.length === 0) tx.rollback();
      return 'swapped' as const;
    })
    .catch(rolledBackAs('lost' as const));
}

export async function updateCustomer(
  db: DbOrTx,
  customerId: string,
  change: Partial<Pick<typeof customers.$inferInsert, 'name' | 'address' | 'contactPhone'>>,
): Promise<void> {
  if (Object.keys(change).length === 0) return;
  await db
    .update(customers)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(customers.id, customerId));
}

/** `tx.rollback()` throws to end the transaction; it means the outcome `value`, not an error. */
function rolledBackAs<T>(value: T) {
  return (err: unknown): T => {
    // Matched by class: drizzle names every one of its errors `DrizzleError`.
    if (err instanceof TransactionRollbackError) return value;
    throw err;
  };
}
