import type { OrderRecord } from '../../db/queries/orders';
import { orderStatusLabels, type OrderType, type TimelineEntry } from '../../domain/orders';
import type { OrderState } from '../../workflows/contracts/orders-common';
import type { OrderView } from './order-view-schema';

const withLabel = (e: TimelineEntry) => ({ ...e, statusLabel: orderStatusLabels[e.status] });

/** An order as the API shows it, from the read model. */
export function viewFromRecord(r: OrderRecord & { timeline?: TimelineEntry[] }): OrderView {
  return typedByOrderType({
    id: r.id,
    type: r.type,
    status: r.status,
    statusLabel: orderStatusLabels[r.status],
    step: r.step,
    channelCode: r.channelCode,
    outletCode: r.outletCode,
    operatorId: r.operatorId,
    summary: r.summary,
    failure: r.failure,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    timeline: (r.timeline ?? []).map(withLabel),
  });
}

/** An order as the API shows it, from the workflow's live state (before the read model has it). */
export function viewFromState(s: OrderState): OrderView {
  return typedByOrderType({
    id: s.id,
    type: s.type,
    status: s.status,
    statusLabel: orderStatusLabels[s.status],
    step: s.step,
    channelCode: s.origin.channelCode,
    outletCode: s.origin.outletCode ?? null,
    operatorId: s.origin.operatorId,
    summary: s.summary,
    failure: s.failure,
    createdAt: s.timeline[0]?.at ?? null,
    updatedAt: s.timeline.at(-1)?.at ?? null,
    timeline: s.timeline.map(withLabel),
  });
}

type UntypedOrderView = Omit<OrderView, 'type' | 'summary'> & {
  type: OrderType;
  summary: Record<string, unknown>;
};

/**
 * The read model and the workflow's state carry the summary as the order type's workflow wrote it: through
 * that type's summary type, which the response schema is bound to (orders/summary-schemas.ts). So the view is
 * the branch of its `type`; the response serializer checks it against that branch on the way out.
 */
const typedByOrderType = (view: UntypedOrderView): OrderView => view as OrderView;
