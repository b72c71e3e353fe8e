import type { Db } from '../db/client';
import {
  findBlacklisting,
  ownerHasCategoryEffect,
  type Blacklisting,
} from '../db/queries/customer-categories';
import type { Identity } from '../domain/customer-categories';
import { AppError } from '../domain/errors';
import type { WorkOrderCategory } from '../domain/work-orders';
import type { OrderRequest } from './order-service';

/**
 * REQ: CUST-2 — a blacklisted customer (黑名单客户) is refused new business, whatever the order type: by an
 * active category whose effect is `blacklist`, or by a partner's shared blacklist naming the identity. Answered
 * 403 before the workflow starts, naming the category or the partner.
 */
export async function screenCustomer(db: Db, request: OrderRequest): Promise<void> {
  const subject = screeningSubject(request);
  if (!subject) return;
  const hit = await findBlacklisting(db, subject);
  if (!hit) return;
  const who =
    'identity' in subject ? `The customer ${subject.identity.idNumber}` : `The owner of ${subject.msisdn}`;
  throw blacklisted(who, hit);
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
 * Whom an order concerns: a new customer by the identity shown (account opening, port-in), or the owner of
 * one of our lines (every line order, and a group member added). Group product orders concern group
 * customers, which CUST-2 does not cover here; changing or removing a membership, pre-cancelling, porting
 * out and fee refunds are no new business.
 */
export function screeningSubject(request: OrderRequest): { identity: Identity } | { msisdn: string } | null {
  switch (request.type) {
    case 'openAccount':
    case 'portIn': {
      const c = request.customer;
      return c.kind === 'individual'
        ? { identity: { idType: c.idType, idNumber: c.idNumber } }
        : { identity: { idType: 'unitCertificate', idNumber: c.unitCertificateNo } };
    }
    case 'groupOpen':
    case 'groupChange':
    case 'groupCancel':
    case 'groupMemberChange':
    case 'groupMemberDelete':
      return null;
    // Leaving is no new business: a blacklisted customer may still end a line, take the number away or get
    // a refund (and port-out is the holder's right by national rule).
    case 'preCancellation':
    case 'portOut':
    case 'refundFee':
      return null;
    default:
      return { msisdn: request.msisdn };
  }
}
