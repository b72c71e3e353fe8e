import type { ServiceChangeRequest, ServiceChangeType } from './service-changes';
import type { SubscriberStatus } from './subscribers';

/**
 * What a service change order shows (REQ: CHG-1, CHG-2), per type. Every one names the line from the start;
 * the rest is filled in as the change's steps run, so an order that failed early shows only the number.
 * Amounts in fen.
 */
export interface LineChangeSummary {
  msisdn: string;
}

/** 改号: the old and the new number, the new number's selection fee and the fee paid, with its receipt. */
export interface ChangeNumberSummary extends LineChangeSummary {
  oldMsisdn?: string;
  newMsisdn?: string;
  selectionFeeFen?: number;
  feeFen?: number;
  receiptNo?: string;
}

/** 换卡/补卡: why, the old and the new SIM, the fee paid, with its receipt. */
export interface SwapSimSummary extends LineChangeSummary {
  reason?: Extract<ServiceChangeRequest, { type: 'swapSim' }>['reason'];
  oldIccid?: string;
  newIccid?: string;
  feeFen?: number;
  receiptNo?: string;
}

/** 客户资料修改: which of name, address, contactPhone, servicePassword changed (never the values). */
export interface ChangeCustomerDataSummary extends LineChangeSummary {
  changed?: string[];
}

/** 过户: the previous owner and the new one. */
export interface TransferOwnershipSummary extends LineChangeSummary {
  previousCustomerId?: string;
  previousOwnerName?: string;
  customerId?: string;
  ownerName?: string;
}

/** 停机 / 挂失 / 复机: the line's status before and after; a suspension or loss report gives its reason. */
export interface LineStatusSummary extends LineChangeSummary {
  statusBefore?: SubscriberStatus;
  statusAfter?: SubscriberStatus;
  reason?: string;
}

/** Feature change: the features before and after. */
export interface ChangeFeaturesSummary extends LineChangeSummary {
  featuresBefore?: string[];
  features?: string[];
}

/** 优惠变更: the discount before and after (null: none). */
export interface ChangeDiscountSummary extends LineChangeSummary {
  discountCodeBefore?: string | null;
  discountCode?: string | null;
}

/** 充值 / 收通信费: the amount paid in with its receipt, and the balance before and after. */
export interface PayInSummary extends LineChangeSummary {
  amountFen?: number;
  balanceFenBefore?: number;
  receiptNo?: string;
  balanceFen?: number;
}

/** 退通信费: the amount paid back from the balance and why, the balance before and after, the receipt. */
export interface RefundFeeSummary extends LineChangeSummary {
  amountFen?: number;
  reason?: string;
  balanceFenBefore?: number;
  balanceFen?: number;
  receiptNo?: string;
}

/** The summary each service change type shows. */
export interface ServiceChangeSummaries {
  changeNumber: ChangeNumberSummary;
  swapSim: SwapSimSummary;
  changeCustomerData: ChangeCustomerDataSummary;
  transferOwnership: TransferOwnershipSummary;
  suspend: LineStatusSummary;
  resume: LineStatusSummary;
  reportLoss: LineStatusSummary;
  changeFeatures: ChangeFeaturesSummary;
  changeDiscount: ChangeDiscountSummary;
  recharge: PayInSummary;
  collectFee: PayInSummary;
  refundFee: RefundFeeSummary;
}

/** Every service change type has its summary (a new type without one does not compile). */
export type ServiceChangeSummary = ServiceChangeSummaries[ServiceChangeType];
