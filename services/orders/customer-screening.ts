import type { Db } from '../../db/client';
import {
  findBlacklisting,
  ownerHasCategoryEffect,
  type Blacklisting,
  type ScreeningSubject,
} from '../../db/queries/customer-categories';
import type { Identity } from '../../domain/customer-categories';
import type { Customer } from '../../domain/open-account';
import { AppError } from '../../domain/errors';
import type { WorkOrderCategory } from '../../domain/work-orders';
import type { OrderRequest } from './order-service';

/**
 * REQ: CUST-2 — a blacklisted customer (黑名单客户) is refused new business: by an active category whose effect
 * is `blacklist`, or by a partner's shared blacklist naming the identity. Only the customer who takes on the
 * new business is screened (see `screeningSubjects`); answered 403 before the workflow starts, naming the
 * category or the partner.
 */
export async function screenCustomer(db: Db, request: OrderRequest): Promise<void> {
  await screenSubjects(db, screeningSubjects(request));
}

/**
 * REQ: CUST-2 — refuses (403 CustomerBlacklisted) when any of the subjects is blacklisted. A member batch
 * (GRP-6) screens its group here at upload; each row's line owner is screened as its chunk is handled.
 */
export async function screenSubjects(db: Db, subjects: ScreeningSubject[]): Promise<void> {
  for (const subject of subjects) {
    const hit = await findBlacklisting(db, subject);
    if (hit) throw blacklisted(describeSubject(subject), hit);
  }
}

/**
 * REQ: CUST-2 for work orders — installation and business handling (装机, 业务办理) are new business and are
 * refused to a blacklisted owner of the line, like orders. Fault reports, repairs, terminal support and
 * complaint follow-ups are service to a line the customer already has: they are never refused, so a
 * blacklisted customer's fault or complaint is still heard.
 */
export async function screenWorkOrder(db: Db, category: WorkOrderCategory, msisdn: string): Promise<void> {
  if (!newBusinessCategories.has(category)) return;
  const hit = await findBlacklisting(db, { msisdn });
  if (hit) throw blacklisted(`The owner of ${msisdn}`, hit);
}

const newBusinessCategories: ReadonlySet<WorkOrderCategory> = new Set(['installation', 'businessHandling']);

/**
 * REQ: CUST-1 — a VIP customer (VIP 客户) goes first among equal priority in the dispatch queue: the owner of
 * the line holds a current category whose effect is `vip`. One answer for every way a work order is made.
 */
export async function isVipLine(db: Db, msisdn: string): Promise<boolean> {
  return ownerHasCategoryEffect(db, msisdn, 'vip');
}

function blacklisted(who: string, hit: Blacklisting): AppError {
  if (hit.source === 'category') {
    return new AppError('CustomerBlacklisted', `${who} is in category ${hit.code} (${hit.name})`, {
      category: hit.code,
    });
  }
  return new AppError('CustomerBlacklisted', `${who} is on the blacklist of partner ${hit.partner}`, {
    partner: hit.partner,
  });
}

/**
 * REQ: CUST-2 — who takes on new business with an order, and so is screened: the identity shown for an
 * account opening or a port-in, the new owner of a transferred line, the group customer (集团客户) of a new
 * group product, and both the group and the member line's owner when a member joins. Everything else serves
 * a customer we already have and is never refused: paying (recharge, fees), reporting a loss, resuming,
 * changing features or data, and leaving (pre-cancellation, port-out, refunds — port-out is the holder's
 * right by national rule); changing or cancelling a group's product or members likewise. A member batch screens the same subjects as
 * `groupMemberAdd`.
 */
export function screeningSubjects(request: OrderRequest): ScreeningSubject[] {
  switch (request.type) {
    case 'openAccount':
    case 'portIn':
      return [{ identity: identityOf(request.customer) }];
    case 'transferOwnership':
      return [{ identity: identityOf(request.newOwner) }];
    case 'groupOpen':
      return [{ groupCode: request.groupCode }];
    case 'groupMemberAdd':
      return [{ groupCode: request.groupCode }, { msisdn: request.msisdn }];
    default:
      return [];
  }
}

/** An individual by the document shown; an enterprise by its unit certificate (单位证明). */
function identityOf(customer: Customer): Identity {
  return customer.kind === 'individual'
    ? { idType: customer.idType, idNumber: customer.idNumber }
    : { idType: 'unitCertificate', idNumber: customer.unitCertificateNo };
}

function describeSubject(subject: ScreeningSubject): string {
  if ('identity' in subject) return `The customer ${subject.identity.idNumber}`;
  if ('groupCode' in subject) return `The group customer ${subject.groupCode}`;
  return `The owner of ${subject.msisdn}`;
}
