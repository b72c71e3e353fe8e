import type { Db } from '../../db/client';
import {
  changeNumberState,
  changeSimState,
  findNumber,
  findSim,
  reserveNumber,
  type NumberRecord,
  type SimRecord,
} from '../../db/queries/resource-states';
import { AppError } from '../../domain/errors';
import type { NumberStatus, SimStatus } from '../../domain/numbers';
import {
  numberStatusLabels,
  numberTransitionProblem,
  numberTransitions,
  simStatusLabels,
  simTransitionProblem,
  simTransitions,
} from '../../domain/resource-states';

/**
 * Numbers' and SIM cards' states changed by hand, and number reservations (号码预定): each reads the state,
 * judges the change by the domain's transition rules and changes it on the state read, so a change in between
 * is refused (409 IllegalResourceTransition) rather than overwritten.
 */

/** Changes a number's state by hand; a change in between is read again and judged again (three tries). */
export async function setNumberState(
  db: Db,
  change: { msisdn: string; to: NumberStatus; reason: string; changedBy: string },
): Promise<NumberRecord> {
  const { msisdn, to, reason, changedBy } = change;
  for (let attempt = 0; ; attempt++) {
    const current = await requireNumber(db, msisdn);
    const from = current.status;
    const problem = numberTransitionProblem(from, to, {
      now: new Date(),
      availableFrom: current.availableFrom,
      preemptedUntil: current.preemptedUntil,
    });
    if (problem) throw illegalNumber(from, problem);
    if (await changeNumberState(db, { item: msisdn, from, to, reason, changedBy })) {
      return requireNumber(db, msisdn);
    }
    if (attempt >= 2) throw illegalNumber(from, `to: ${msisdn} changed meanwhile; try again`);
  }
}

/** Reserves an unused number for a customer until `until`, at most `maxDays` days ahead. */
export async function reserveNumberFor(
  db: Db,
  reservation: { msisdn: string; customerName: string; until: Date; changedBy: string; maxDays: number },
): Promise<NumberRecord> {
  const { msisdn, until, maxDays } = reservation;
  const latest = Date.now() + maxDays * 86_400_000;
  if (until.getTime() <= Date.now() || until.getTime() > latest) {
    throw new AppError(
      'BusinessRuleViolated',
      `body.until: must be in the future and at most ${maxDays} days from now`,
    );
  }
  const reserved = await reserveNumber(db, {
    msisdn,
    customerName: reservation.customerName,
    until,
    changedBy: reservation.changedBy,
  });
  const number = await requireNumber(db, msisdn);
  if (!reserved) {
    const from = number.status;
    throw illegalNumber(
      from,
      `to: the current state is ${from} (${text(numberStatusLabels[from])}); only an unused number ` +
        'may be reserved',
    );
  }
  return number;
}

/** Cancels a number's reservation: the reserved number becomes unused. */
export async function cancelReservation(
  db: Db,
  { msisdn, changedBy }: { msisdn: string; changedBy: string },
): Promise<NumberRecord> {
  const current = await requireNumber(db, msisdn);
  const from = current.status;
  const cancelled =
    from === 'reserved' &&
    (await changeNumberState(db, {
      item: msisdn,
      from,
      to: 'unused',
      reason: 'reservation cancelled',
      changedBy,
    }));
  if (!cancelled) {
    const now = (await requireNumber(db, msisdn)).status;
    throw illegalNumber(
      now,
      `to: the current state is ${now} (${text(numberStatusLabels[now])}); there is no reservation to cancel`,
    );
  }
  return requireNumber(db, msisdn);
}

/** Changes a SIM card's state by hand; a card an order holds is not set aside under it. */
export async function setSimState(
  db: Db,
  change: { iccid: string; to: SimStatus; reason: string; changedBy: string },
): Promise<SimRecord> {
  const { iccid, to, reason, changedBy } = change;
  const current = await requireSim(db, iccid);
  const from = current.status;
  const problem = simTransitionProblem(from, to);
  if (problem) throw illegalSim(from, problem);
  const changed = await changeSimState(db, { item: iccid, from, to, reason, changedBy });
  if (!changed) {
    const now = await requireSim(db, iccid);
    throw illegalSim(
      now.status,
      `to: the current state is ${now.status} (${text(simStatusLabels[now.status])})` +
        (now.preemptedBy ? `, held by order ${now.preemptedBy}` : '') +
        '; try again once it is free',
    );
  }
  return requireSim(db, iccid);
}

/** The number, or 404 NumberNotFound. */
export async function requireNumber(db: Db, msisdn: string): Promise<NumberRecord> {
  const number = await findNumber(db, msisdn);
  if (!number) throw new AppError('NumberNotFound', `msisdn: no number ${msisdn} in stock`);
  return number;
}

/** The SIM card, or 404 SimNotFound. */
export async function requireSim(db: Db, iccid: string): Promise<SimRecord> {
  const sim = await findSim(db, iccid);
  if (!sim) throw new AppError('SimNotFound', `iccid: no SIM card ${iccid} in stock`);
  return sim;
}

const text = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`;

function illegalNumber(current: NumberStatus, message: string): AppError {
  return new AppError('IllegalResourceTransition', message, {
    current,
    currentLabel: numberStatusLabels[current],
    allowed: numberTransitions[current],
  });
}

function illegalSim(current: SimStatus, message: string): AppError {
  return new AppError('IllegalResourceTransition', message, {
    current,
    currentLabel: simStatusLabels[current],
    allowed: simTransitions[current],
  });
}
