import { z } from 'zod';
import { orderStatusSchema, type OrderType } from '../../domain/orders';
import { labelSchema, timelineEntrySchema } from '../../domain/view-schemas';
import {
  changeCustomerDataSummarySchema,
  changeDiscountSummarySchema,
  changeFeaturesSummarySchema,
  changeNumberSummarySchema,
  groupMemberSummarySchema,
  groupProductSummarySchema,
  lineStatusSummarySchema,
  openAccountSummarySchema,
  payInSummarySchema,
  portInSummarySchema,
  portOutSummarySchema,
  preCancellationSummarySchema,
  refundFeeSummarySchema,
  swapSimSummarySchema,
  transferOwnershipSummarySchema,
  type Same,
} from './summary-schemas';

/**
 * An order as the API shows it, told apart by `type`: each order type with its own typed `summary`, so the
 * OpenAPI document states, per business, what a client reads there (`oneOf`, one branch per summary).
 */
export const orderViewSchema = ordersByType({ timeline: z.array(timelineEntrySchema) });
export type OrderView = z.infer<typeof orderViewSchema>;

/** An order in a list: as shown alone, without its timeline. */
export const orderListItemSchema = ordersByType({});

/** The order types one branch covers, with the summary they show. */
function ordersOf<const T extends readonly [OrderType, ...OrderType[]], S extends z.ZodType>(
  types: T,
  summary: S,
) {
  return z.object({
    id: z.string(),
    type: z.enum(types),
    status: orderStatusSchema,
    statusLabel: labelSchema,
    step: z.string().nullable().describe('The business step in progress or last done'),
    channelCode: z.string(),
    outletCode: z
      .string()
      .nullable()
      .describe(
        'The outlet (网点) it was taken at; null when at no outlet (ORD-4; who may cancel it, ORD-6)',
      ),
    operatorId: z.string(),
    summary,
    failure: z.object({ code: z.string(), message: z.string(), reason: z.string() }).nullable(),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  });
}

/** Every order type in exactly one branch (a type left out, or in two, does not compile or throws here). */
function ordersByType<E extends z.ZodRawShape>(extra: E) {
  return z.discriminatedUnion('type', [
    ordersOf(['openAccount'], openAccountSummarySchema).extend(extra),
    ordersOf(['preCancellation'], preCancellationSummarySchema).extend(extra),
    ordersOf(['portIn'], portInSummarySchema).extend(extra),
    ordersOf(['portOut'], portOutSummarySchema).extend(extra),
    ordersOf(['groupOpen', 'groupChange', 'groupCancel'], groupProductSummarySchema).extend(extra),
    ordersOf(['groupMemberAdd', 'groupMemberChange', 'groupMemberDelete'], groupMemberSummarySchema).extend(
      extra,
    ),
    ordersOf(['changeNumber'], changeNumberSummarySchema).extend(extra),
    ordersOf(['swapSim'], swapSimSummarySchema).extend(extra),
    ordersOf(['changeCustomerData'], changeCustomerDataSummarySchema).extend(extra),
    ordersOf(['transferOwnership'], transferOwnershipSummarySchema).extend(extra),
    ordersOf(['suspend', 'resume', 'reportLoss'], lineStatusSummarySchema).extend(extra),
    ordersOf(['changeFeatures'], changeFeaturesSummarySchema).extend(extra),
    ordersOf(['changeDiscount'], changeDiscountSummarySchema).extend(extra),
    ordersOf(['recharge', 'collectFee'], payInSummarySchema).extend(extra),
    ordersOf(['refundFee'], refundFeeSummarySchema).extend(extra),
  ]);
}

/** Every order type has a branch: a new order type without its summary schema does not compile. */
export const everyOrderTypeShown: Same<OrderView['type'], OrderType> = true;
