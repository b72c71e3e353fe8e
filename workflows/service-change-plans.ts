import { ApplicationFailure, type ActivityInterfaceFor } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { LineSnapshot } from '../activities/line-changes';
import type { Payment } from '../domain/open-account';
import { missingCustomerData } from '../domain/open-account-rules';
import { hlrServicesFor, lineStatusAfter, nextFeatures } from '../domain/service-change-rules';
import type {
  ChangeCustomerDataSummary,
  ChangeDiscountSummary,
  ChangeFeaturesSummary,
  ChangeNumberSummary,
  LineChangeSummary,
  LineStatusSummary,
  PayInSummary,
  RefundFeeSummary,
  SwapSimSummary,
  TransferOwnershipSummary,
} from '../domain/service-change-summaries';
import type { ServiceChangeType } from '../domain/service-changes';
import type { ServiceChangeWorkflowRequest } from './contracts/service-change';
import type { OrderRun } from './order-run';
import type { Saga } from './saga';

/**
 * What each service change does on a line it holds (REQ: CHG-1, CHG-2), one small plan per type. Every plan
 * registers an effect's undo before the effect, marks its point of no return before the first change the
 * customer or the network sees, and ends with the write that releases the line.
 */

/** A change as the workflow gets it: secrets (a new service password) only by their parked reference. */
type RequestOf<T extends ServiceChangeType> = Extract<ServiceChangeWorkflowRequest, { type: T }>;

export interface ChangeContext {
  orderId: string;
  /** Who placed the order: a clerk claims numbers and SIMs only from its outlet's stock (REQ: RES-2). */
  operatorId: string;
  /** Business steps: a bounded number of attempts. */
  act: ActivityInterfaceFor<Activities>;
  /** Undos, and every other step that must finish whatever happens: retried until they succeed. */
  finish: ActivityInterfaceFor<Activities>;
  saga: Saga;
  /** Runs one named business step — one activity, which writes the order's move to it — honouring a cancel. */
  step: OrderRun['step'];
  /** REQ: ORD-6 — from here on a cancel is refused; a cancel already asked for is honoured first. */
  passPointOfNoReturn: () => void;
  /** What the order shows: the line; each plan adds what changed, as its type's summary says. */
  summary: LineChangeSummary;
}

/** Runs the change's own steps; returns the sentence the completed order's timeline ends with. */
export function runServiceChange(
  ctx: ChangeContext,
  request: ServiceChangeWorkflowRequest,
  line: LineSnapshot,
): Promise<string> {
  switch (request.type) {
    case 'changeNumber':
      return changeNumber(ctx, request, line);
    case 'swapSim':
      return swapSim(ctx, request, line);
    case 'changeCustomerData':
      return changeCustomerData(ctx, request, line);
    case 'transferOwnership':
      return transferOwnership(ctx, request, line);
    case 'suspend':
    case 'reportLoss':
    case 'resume':
      return changeLineStatus(ctx, request, line);
    case 'changeFeatures':
      return changeFeatures(ctx, request, line);
    case 'changeDiscount':
      return changeDiscount(ctx, request, line);
    case 'recharge':
    case 'collectFee':
      return payIn(ctx, request, line);
    case 'refundFee':
      return refundFee(ctx, request, line);
  }
}

/**
 * Takes a fee or a payment through billing (receipt per payment); undo: refund. The line's owner pays: a card
 * or corporate account is verified against the owner first (REQ: OPEN-5).
 */
async function charge(
  ctx: ChangeContext,
  line: LineSnapshot,
  amountFen: number,
  payment: Payment,
): Promise<string> {
  const { orderId, act, finish, saga, step } = ctx;
  const paymentKey = `${orderId}:charge`;
  saga.addUndo(() => finish.refundPayment({ paymentKey }));
  const payer = { msisdn: line.msisdn };
  const paid = await step('charging', act.chargePayment, { orderId, paymentKey, amountFen, payment, payer });
  return paid.receiptNo;
}

/** 改号: new number claimed, fee paid, the HLR/HSS switched to it, then the line moves; the old one rests. */
async function changeNumber(ctx: ChangeContext, req: RequestOf<'changeNumber'>, line: LineSnapshot) {
  const { orderId, operatorId, act, finish, saga, step } = ctx;
  const summary: ChangeNumberSummary = ctx.summary;
  saga.addUndo(() => finish.releaseResources({ orderId }));
  const number = await step('claimingNumber', act.claimNewNumber, {
    orderId,
    msisdn: req.newMsisdn,
    operatorId,
  });
  Object.assign(summary, {
    oldMsisdn: line.msisdn,
    newMsisdn: number.msisdn,
    selectionFeeFen: number.selectionFeeFen,
    feeFen: number.feeFen,
  } satisfies Partial<ChangeNumberSummary>);
  summary.receiptNo = await charge(ctx, line, number.feeFen, req.payment);
  ctx.passPointOfNoReturn();
  // REQ: RES-6, ORD-5 — the HLR/HSS gets the new number only while the order still holds it; the undo moves
  // the line back only if this order moved it.
  saga.addUndo(() =>
    finish.updateLineOnHlr({
      orderId,
      step: 'revertNumber',
      msisdn: number.msisdn,
      newMsisdn: line.msisdn,
      undoes: 'changeNumber',
    }),
  );
  await step('changingNumberOnHlr', act.updateLineOnHlr, {
    orderId,
    step: 'changeNumber',
    msisdn: line.msisdn,
    newMsisdn: number.msisdn,
    held: true,
  });
  await step('committingNumberChange', act.commitNumberChange, {
    orderId,
    oldMsisdn: line.msisdn,
    newMsisdn: number.msisdn,
  });
  return `number changed from ${line.msisdn} to ${number.msisdn}`;
}

/** 换卡/补卡: a SIM claimed, fee paid, the HLR/HSS given its IMSI, then the old SIM is retired. */
async function swapSim(ctx: ChangeContext, req: RequestOf<'swapSim'>, line: LineSnapshot) {
  const { orderId, operatorId, act, finish, saga, step } = ctx;
  const summary: SwapSimSummary = ctx.summary;
  saga.addUndo(() => finish.releaseResources({ orderId }));
  const sim = await step('claimingSim', act.claimReplacementSim, { orderId, operatorId });
  Object.assign(summary, {
    reason: req.reason,
    oldIccid: line.iccid,
    newIccid: sim.iccid,
    feeFen: sim.feeFen,
  } satisfies Partial<SwapSimSummary>);
  summary.receiptNo = await charge(ctx, line, sim.feeFen, req.payment);
  ctx.passPointOfNoReturn();
  const msisdn = line.msisdn;
  // REQ: RES-6, ORD-5 — the HLR/HSS gets the new SIM's IMSI only while the order still holds the SIM; the
  // undo puts the old IMSI back only if this order changed it.
  saga.addUndo(() =>
    finish.updateLineOnHlr({ orderId, step: 'revertImsi', msisdn, imsi: line.imsi, undoes: 'changeImsi' }),
  );
  await step('changingSimOnHlr', act.updateLineOnHlr, {
    orderId,
    step: 'changeImsi',
    msisdn,
    imsi: sim.imsi,
    held: true,
  });
  await step('committingSimSwap', act.commitSimSwap, {
    orderId,
    msisdn,
    oldIccid: line.iccid,
    newIccid: sim.iccid,
    newImsi: sim.imsi,
  });
  return `SIM ${line.iccid} replaced by ${sim.iccid}`;
}

/** 客户资料修改: name, address, contact on the owner's record; the service password on the line. */
async function changeCustomerData(
  ctx: ChangeContext,
  req: RequestOf<'changeCustomerData'>,
  line: LineSnapshot,
) {
  const { orderId, act, step } = ctx;
  const summary: ChangeCustomerDataSummary = ctx.summary;
  const { name, address, contactPhone, servicePasswordRef } = req;
  // REQ: Q-1 — the new password is parked (hashed) by the API; the order names it, never shows it.
  const changed = Object.entries({ name, address, contactPhone, servicePassword: servicePasswordRef });
  const changedFields = changed.filter(([, v]) => v !== undefined).map(([k]) => k);
  summary.changed = changedFields;
  ctx.passPointOfNoReturn();
  await step('committingCustomerData', act.commitCustomerData, {
    orderId,
    msisdn: line.msisdn,
    customerId: line.customerId,
    name,
    address,
    contactPhone,
    servicePasswordRef,
  });
  return `customer data changed: ${changedFields.join(', ')}`;
}

/** 过户: the new owner's record is entered, then the line points to it; the old owner's record stays. */
async function transferOwnership(
  ctx: ChangeContext,
  req: RequestOf<'transferOwnership'>,
  line: LineSnapshot,
) {
  const { orderId, act, finish, saga, step } = ctx;
  const summary: TransferOwnershipSummary = ctx.summary;
  // REQ: OPEN-3 — the new owner's data must be complete, as at account opening.
  const missing = missingCustomerData(req.newOwner);
  if (missing.length > 0)
    throw ApplicationFailure.create({
      type: 'IncompleteCustomerData',
      message: `The new owner's data is incomplete: ${missing.join(', ')}`,
      nonRetryable: true,
    });
  saga.addUndo(() => finish.discardCustomer({ orderId }));
  const { customerId } = await step('preEnteringNewOwner', act.preEnterCustomer, {
    orderId,
    customer: req.newOwner,
  });
  Object.assign(summary, {
    previousCustomerId: line.customerId,
    previousOwnerName: line.ownerName,
    customerId,
    ownerName: req.newOwner.name,
  } satisfies Partial<TransferOwnershipSummary>);
  ctx.passPointOfNoReturn();
  await step('committingTransfer', act.commitTransfer, { orderId, msisdn: line.msisdn, customerId });
  return `line transferred to ${req.newOwner.name}`;
}

/**
 * 停机 / 挂失 / 复机: barred or un-barred on the HLR/HSS, then the line's status. REQ: CHG-2 — a loss report
 * has no cancel window: it bars service at once.
 */
async function changeLineStatus(
  ctx: ChangeContext,
  req: RequestOf<'suspend' | 'reportLoss' | 'resume'>,
  line: LineSnapshot,
) {
  const { orderId, act, finish, saga, step } = ctx;
  const summary: LineStatusSummary = ctx.summary;
  const to = lineStatusAfter[req.type] ?? 'active';
  const barred = req.type !== 'resume';
  Object.assign(summary, { statusBefore: line.status, statusAfter: to } satisfies Partial<LineStatusSummary>);
  if (req.type !== 'resume') summary.reason = req.reason;
  ctx.passPointOfNoReturn();
  const msisdn = line.msisdn;
  saga.addUndo(() => finish.setLineBarring({ orderId, step: 'revertBarring', msisdn, barred: !barred }));
  await step(barred ? 'barringOnHlr' : 'unbarringOnHlr', act.setLineBarring, {
    orderId,
    step: 'barring',
    msisdn,
    barred,
  });
  await step('committingStatus', act.commitLineStatus, { orderId, msisdn, to });
  return `line ${msisdn} is now ${to}`;
}

/** Feature change: the HLR/HSS services first, then the line's features. */
async function changeFeatures(ctx: ChangeContext, req: RequestOf<'changeFeatures'>, line: LineSnapshot) {
  const { orderId, act, finish, saga, step } = ctx;
  const summary: ChangeFeaturesSummary = ctx.summary;
  const features = nextFeatures(line.features, req.add, req.remove);
  Object.assign(summary, {
    featuresBefore: line.features,
    features,
  } satisfies Partial<ChangeFeaturesSummary>);
  ctx.passPointOfNoReturn();
  const msisdn = line.msisdn;
  saga.addUndo(() =>
    finish.updateLineOnHlr({
      orderId,
      step: 'revertServices',
      msisdn,
      services: hlrServicesFor(line.features),
      undoes: 'services',
    }),
  );
  await step('updatingServicesOnHlr', act.updateLineOnHlr, {
    orderId,
    step: 'services',
    msisdn,
    services: hlrServicesFor(features),
  });
  await step('committingFeatures', act.commitFeatures, { orderId, msisdn, features });
  return `features now: ${features.join(', ') || 'none'}`;
}

/** 优惠变更: the discount the line's bills get from now on. */
async function changeDiscount(ctx: ChangeContext, req: RequestOf<'changeDiscount'>, line: LineSnapshot) {
  const { orderId, act, step } = ctx;
  const summary: ChangeDiscountSummary = ctx.summary;
  Object.assign(summary, {
    discountCodeBefore: line.discountCode,
    discountCode: req.discountCode,
  } satisfies Partial<ChangeDiscountSummary>);
  ctx.passPointOfNoReturn();
  await step('committingDiscount', act.commitDiscount, {
    orderId,
    msisdn: line.msisdn,
    discountCode: req.discountCode,
  });
  return req.discountCode ? `discount ${req.discountCode} applied` : 'discount removed';
}

/** 充值 / 收通信费: the customer pays, then the money goes on the line's balance. */
async function payIn(ctx: ChangeContext, req: RequestOf<'recharge' | 'collectFee'>, line: LineSnapshot) {
  const { orderId, act, step } = ctx;
  const summary: PayInSummary = ctx.summary;
  Object.assign(summary, {
    amountFen: req.amountFen,
    balanceFenBefore: line.balanceFen,
  } satisfies Partial<PayInSummary>);
  summary.receiptNo = await charge(ctx, line, req.amountFen, req.payment);
  ctx.passPointOfNoReturn();
  const { balanceFen } = await step('creditingBalance', act.creditBalance, {
    orderId,
    msisdn: line.msisdn,
    amountFen: req.amountFen,
  });
  summary.balanceFen = balanceFen;
  return `${req.amountFen} fen credited; balance ${balanceFen} fen`;
}

/** 退通信费: paid back from the balance, which must cover it. */
async function refundFee(ctx: ChangeContext, req: RequestOf<'refundFee'>, line: LineSnapshot) {
  const { orderId, act, step } = ctx;
  const summary: RefundFeeSummary = ctx.summary;
  Object.assign(summary, {
    amountFen: req.amountFen,
    reason: req.reason,
    balanceFenBefore: line.balanceFen,
  } satisfies Partial<RefundFeeSummary>);
  ctx.passPointOfNoReturn();
  const paid = await step('refundingFromBalance', act.refundFromBalance, {
    orderId,
    msisdn: line.msisdn,
    amountFen: req.amountFen,
  });
  Object.assign(summary, {
    balanceFen: paid.balanceFen,
    receiptNo: paid.receiptNo,
  } satisfies Partial<RefundFeeSummary>);
  return `${req.amountFen} fen refunded; balance ${paid.balanceFen} fen`;
}
