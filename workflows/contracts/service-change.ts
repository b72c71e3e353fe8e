import type { ServiceChangeType } from '../../domain/service-changes';
import { buildOrderId, ordersTaskQueue, parseOrderIdWith, type OrderIdParts } from './orders-common';

/**
 * The contract of service changes (业务变更: number change, SIM swap, customer data, ownership, suspend and
 * resume, loss, features, discount, recharge, fees): one workflow, `serviceChangeWorkflow`, for every change
 * type, answering the queries and updates of every order (`./orders-common`); its order ID is
 * `<ChangeType>:<channelCode>:<key>`.
 */
export type { ServiceChangeInput, ServiceChangeWorkflowRequest } from '../../domain/service-change-contract';
export { cancelOrderUpdate, orderStateQuery } from './orders-common';

export const serviceChangeIdPrefixes = {
  changeNumber: 'ChangeNumber',
  swapSim: 'SwapSim',
  changeCustomerData: 'ChangeCustomerData',
  transferOwnership: 'TransferOwnership',
  suspend: 'Suspend',
  resume: 'Resume',
  reportLoss: 'ReportLoss',
  changeFeatures: 'ChangeFeatures',
  changeDiscount: 'ChangeDiscount',
  recharge: 'Recharge',
  collectFee: 'CollectFee',
  refundFee: 'RefundFee',
} as const satisfies Record<ServiceChangeType, string>;

/** REQ: ORD-3 — the order (and workflow) ID of a service change submitted under a channel's key. */
export const serviceChangeOrderId = (
  type: ServiceChangeType,
  channelCode: string,
  idempotencyKey: string,
): string => buildOrderId(serviceChangeIdPrefixes[type], channelCode, idempotencyKey);

/** The parts of a service change's order ID, or null when it is not one. */
export const parseServiceChangeOrderId = (id: string): OrderIdParts<ServiceChangeType> | null =>
  parseOrderIdWith(serviceChangeIdPrefixes, id);

export const serviceChangeTaskQueue = ordersTaskQueue;
