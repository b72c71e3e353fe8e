import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { orderListItemSchema, orderViewSchema } from '../../services/orders/order-view-schema';
import type { ServiceChangeSummaries } from '../../domain/service-change-summaries';
import { orderTypes, type OrderType } from '../../domain/orders';
import type { GroupMemberSummary } from '../../domain/group-member-contract';
import type { GroupProductSummary } from '../../domain/group-product-contract';
import type { OpenAccountSummary } from '../../domain/open-account-contract';
import type { PortInSummary } from '../../domain/port-in-contract';
import type { PortOutSummary } from '../../domain/port-out-contract';
import type { PreCancellationSummary } from '../../domain/pre-cancellation-contract';

/**
 * The answer with an order is encoded through its type's summary schema (fastify-type-provider-zod's
 * serializer): a summary with every field filled in comes out exactly as the workflow wrote it, so the typed
 * document took nothing away from what clients were sent.
 */
const at = '2026-03-02T08:00:00.000Z';
const fullOpenAccount: OpenAccountSummary = {
  productCode: 'VOICE-58',
  customerName: '张三',
  advice: { zh: '建议设置服务密码', en: 'Advise setting a service password' },
  msisdn: '13800000001',
  iccid: '898600000000000000001',
  quote: {
    lines: [{ item: 'deposit', label: { zh: '预存款', en: 'Deposit' }, amountFen: 5_000 }],
    totalFen: 5_000,
  },
  receiptNo: 'RCPT-1',
};
const fullPreCancellation: PreCancellationSummary = {
  msisdn: '13900100012',
  leavingReason: 'moving abroad',
  retention: { offer: 'RETAIN-20', accepted: false },
  outcome: 'cancelledWithoutVisit',
  settlement: { arrearsFen: 0, averageBillFen: 5_800, extraDepositFen: 0, totalFen: 0, receiptNo: 'RCPT-2' },
  graceEndsAt: at,
  visitBy: at,
  reminderSentAt: at,
  finalBill: { kind: 'refund', amountFen: 5_000, method: 'cash', receiptNo: 'RCPT-3' },
  numberAvailableFrom: null,
};
const fullPortIn: PortInSummary = {
  msisdn: '13900200001',
  donorOperator: 'CUCC',
  productCode: 'VOICE-58',
  customerName: '李四',
  channel: 'store',
  feeFen: 0,
  receiptNo: 'RCPT-4',
  iccid: '898600000000000000002',
  clearingRef: 'CLR-1',
  submissions: 2,
  deadline: at,
  switchOverAt: at,
  donorAnswer: { accepted: false, reasonCode: 'ARREARS', reason: 'Arrears at the donor' },
};
const fullPortOut: PortOutSummary = {
  msisdn: '13900100021',
  codeSentAt: at,
  codeExpiresAt: at,
  refusedRequests: 1,
  clearingRef: 'CLR-2',
  recipientOperator: 'CUCC',
  switchOverAt: at,
  finalBill: { kind: 'arrears', amountFen: 1_500, receiptNo: 'RCPT-5' },
  outcome: 'portedOut',
};
const fullGroupProduct: GroupProductSummary = {
  action: 'change',
  groupCode: '1000000001',
  productCode: 'GRP-VPMN',
  subscriptionId: 'GroupOpen:STORE-BJ-001:k1',
  tariffCode: 'T-100',
  effectiveMode: 'nextCycle',
  effectiveFrom: at,
  customerManagerId: 'manager01',
  submitterId: 'store01',
  approval: { required: true, decision: 'approved', approverId: 'approver01', comment: 'ok', decidedAt: at },
  bboss: {
    ref: 'BB-1',
    waitingSince: at,
    queries: 3,
    overdueAt: at,
    resubmits: 1,
    outcome: 'completed',
    reasonCode: 'OK',
    reason: 'done',
    answeredAt: at,
  },
  membersRemoved: 0,
};
const fullGroupMember: GroupMemberSummary = {
  action: 'add',
  groupCode: '1000000001',
  productCode: 'GRP-VPMN',
  msisdn: '13900300001',
  subscriptionId: 'GroupOpen:STORE-BJ-001:k1',
  attributes: { shortNumber: '6001', limitFen: 10_000, roaming: true },
};
const fullServiceChanges: ServiceChangeSummaries = {
  changeNumber: {
    msisdn: '13900100001',
    oldMsisdn: '13900100001',
    newMsisdn: '13900100002',
    selectionFeeFen: 0,
    feeFen: 2_000,
    receiptNo: 'RCPT-6',
  },
  swapSim: {
    msisdn: '13900100001',
    reason: 'lost',
    oldIccid: '898600000000000000003',
    newIccid: '898600000000000000004',
    feeFen: 1_000,
    receiptNo: 'RCPT-7',
  },
  changeCustomerData: { msisdn: '13900100001', changed: ['name', 'servicePassword'] },
  transferOwnership: {
    msisdn: '13900100001',
    previousCustomerId: 'CUST-1',
    previousOwnerName: '王五',
    customerId: 'CUST-2',
    ownerName: '赵六',
  },
  suspend: { msisdn: '13900100001', statusBefore: 'active', statusAfter: 'suspended', reason: 'travel' },
  resume: { msisdn: '13900100001', statusBefore: 'suspended', statusAfter: 'active' },
  reportLoss: { msisdn: '13900100001', statusBefore: 'active', statusAfter: 'lossReported', reason: 'lost' },
  changeFeatures: { msisdn: '13900100001', featuresBefore: ['voicemail'], features: [] },
  changeDiscount: { msisdn: '13900100001', discountCodeBefore: null, discountCode: 'STUDENT-50' },
  recharge: {
    msisdn: '13900100001',
    amountFen: 5_000,
    balanceFenBefore: 3_000,
    receiptNo: 'RCPT-8',
    balanceFen: 8_000,
  },
  collectFee: {
    msisdn: '13900100001',
    amountFen: 5_000,
    balanceFenBefore: -5_000,
    receiptNo: 'RCPT-9',
    balanceFen: 0,
  },
  refundFee: {
    msisdn: '13900100001',
    amountFen: 1_000,
    reason: 'overcharged',
    balanceFenBefore: 3_000,
    balanceFen: 2_000,
    receiptNo: 'RCPT-10',
  },
};
const fullSummaries: Record<OrderType, object> = {
  ...fullServiceChanges,
  openAccount: fullOpenAccount,
  preCancellation: fullPreCancellation,
  portIn: fullPortIn,
  portOut: fullPortOut,
  groupOpen: { ...fullGroupProduct, action: 'open' },
  groupChange: fullGroupProduct,
  groupCancel: { ...fullGroupProduct, action: 'cancel' },
  groupMemberAdd: fullGroupMember,
  groupMemberChange: { ...fullGroupMember, action: 'change' },
  groupMemberDelete: { ...fullGroupMember, action: 'delete' },
};

const orderOf = (type: OrderType) => ({
  id: `Order:STORE-BJ-001:${type}`,
  type,
  status: 'completed',
  statusLabel: { zh: '已竣工', en: 'Completed' },
  step: null,
  channelCode: 'STORE-BJ-001',
  outletCode: 'STORE-BJ-001',
  operatorId: 'store01',
  summary: fullSummaries[type],
  failure: null,
  createdAt: at,
  updatedAt: at,
  timeline: [
    {
      status: 'completed',
      statusLabel: { zh: '已竣工', en: 'Completed' },
      step: null,
      at,
      actor: 'system',
      reason: null,
    },
  ],
});

/** What the serializer sends: encoded through the schema, then JSON, read back. */
const sent = (schema: z.ZodType, order: object): unknown =>
  JSON.parse(JSON.stringify(z.encode(schema, order)));

describe('order summaries through the typed answer schema', () => {
  it.each(orderTypes)(
    'ORD-1, ORD-2: an order of type %s with every summary field filled in is sent exactly as written',
    (type) => {
      const order = orderOf(type);
      expect(sent(orderViewSchema, order)).toEqual(order);
      const { timeline: _timeline, ...listed } = order;
      expect(sent(orderListItemSchema, listed)).toEqual(listed);
    },
  );

  it('ORD-1: an order that failed early shows only what its summary had then', () => {
    const early = { ...orderOf('changeNumber'), summary: { msisdn: '13900100001' } };
    expect(sent(orderViewSchema, early)).toEqual(early);
  });
});
