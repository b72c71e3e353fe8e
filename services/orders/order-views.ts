import type { OrderRecord } from '../../db/queries/orders';
import { orderStatusLabels, type TimelineEntry } from '../../domain/orders';
import type { OrderState } from '../../workflows/contracts/orders-common';
import type { OrderView } from '../../api/schemas';

const withLabel = (e: TimelineEntry) => ({ ...e, statusLabel: orderStatusLabels[e.status] });

/** An order as the API shows it, from the read model. */
export function viewFromRecord(r: OrderRecord & { timeline?: TimelineEntry[] }): OrderView {
  return {
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
  };
}

/** An order as the API shows it, from the workflow's live state (before the read model has it). */
export function viewFromState(s: OrderState): OrderView {
  return {
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
  };
}
