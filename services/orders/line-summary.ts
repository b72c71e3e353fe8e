import type { Db } from '../../db/client';
import { getOrder } from '../../db/queries/orders';
import { findProductName } from '../../db/queries/products';
import { findLineWithOwner } from '../../db/queries/subscribers';
import type { Principal } from '../../domain/access';
import { AppError } from '../../domain/errors';
import type { OrderStatus, OrderType } from '../../domain/orders';
import { maskName } from '../../domain/queries';
import { allowedLineStatuses } from '../../domain/service-change-rules';
import { serviceChangeTypes, type ServiceChangeType } from '../../domain/service-changes';
import { subscriberStatusLabels, type SubscriberStatus } from '../../domain/subscribers';
import type { OrderService } from './order-service';

/** At most this many open orders are listed on a line (more would be an anomaly to look into). */
const OPEN_ORDERS_SHOWN = 50;

export interface LineSummary {
  msisdn: string;
  status: SubscriberStatus;
  statusLabel: { zh: string; en: string };
  owner: { name: string; kind: 'individual' | 'enterprise' } | null;
  product: { code: string; name: string | null };
  features: string[];
  internationalRoaming: boolean;
  discountCode: string | null;
  balanceFen: number;
  openedAt: string;
  openOrders: {
    id: string;
    type: OrderType;
    status: OrderStatus;
    statusLabel: { zh: string; en: string };
    createdAt: string | null;
  }[];
  grace: { orderId: string; endsAt: string | null } | null;
  offeredChanges: ServiceChangeType[];
}

/**
 * REQ: UI-1, Q-2, CHG-1, PC-5 — what staff see of a line at the counter: the owner masked as the queries
 * mask it (first character), state, product, features, balance, the orders still running on the number (those
 * the caller may read: CH-1, GRP-1), a pre-cancellation's grace and the service changes the line's state
 * allows (none while an order holds the line).
 */
export async function lineSummary(
  db: Db,
  orders: OrderService,
  principal: Principal,
  msisdn: string,
): Promise<LineSummary> {
  const found = await findLineWithOwner(db, msisdn);
  if (!found) throw new AppError('SubscriberNotFound', `msisdn: no line with number ${msisdn}`, { msisdn });
  const { line, owner } = found;
  const [productName, open, holder] = await Promise.all([
    findProductName(db, line.productCode),
    orders.list(principal, { msisdn, open: true, offset: 0, limit: OPEN_ORDERS_SHOWN }),
    line.lockedBy ? getOrder(db, line.lockedBy) : Promise.resolve(null),
  ]);
  const inGrace = line.status === 'preCancelled' && holder?.type === 'preCancellation';
  const graceEndsAt = inGrace ? holder.summary.graceEndsAt : undefined;
  return {
    msisdn: line.msisdn,
    status: line.status,
    statusLabel: subscriberStatusLabels[line.status],
    owner: owner ? { name: maskName(owner.name), kind: owner.kind } : null,
    product: { code: line.productCode, name: productName },
    features: line.features,
    internationalRoaming: line.internationalRoaming,
    discountCode: line.discountCode,
    balanceFen: line.balanceFen,
    openedAt: line.openedAt.toISOString(),
    openOrders: open.items.map((o) => ({
      id: o.id,
      type: o.type,
      status: o.status,
      statusLabel: o.statusLabel,
      createdAt: o.createdAt,
    })),
    grace: inGrace
      ? { orderId: holder.id, endsAt: typeof graceEndsAt === 'string' ? graceEndsAt : null }
      : null,
    offeredChanges: line.lockedBy
      ? []
      : serviceChangeTypes.filter((type) => allowedLineStatuses(type).includes(line.status)),
  };
}
