/**
 * The fields each service change (CHG-1, CHG-2) asks for, as the API's order body has them
 * (domain/service-changes.ts). The form for a type is generated from its list; `identity` is the holder's,
 * checked against the line (swap SIM, data change, transfer, and resume after a loss report — CHG-2).
 */
export type ChangeField =
  | 'reason'
  | 'identity'
  | 'identityIfLossReported'
  | 'payment'
  | 'amount'
  | 'newMsisdn'
  | 'swapReason'
  | 'customerData'
  | 'newOwner'
  | 'features'
  | 'discountCode';

export const serviceChangeFields: Record<string, readonly ChangeField[]> = {
  changeNumber: ['newMsisdn', 'payment'],
  swapSim: ['swapReason', 'identity', 'payment'],
  changeCustomerData: ['customerData', 'identity'],
  transferOwnership: ['identity', 'newOwner'],
  suspend: ['reason'],
  resume: ['identityIfLossReported'],
  reportLoss: ['reason'],
  changeFeatures: ['features'],
  changeDiscount: ['discountCode'],
  recharge: ['amount', 'payment'],
  collectFee: ['amount', 'payment'],
  refundFee: ['amount', 'reason'],
};

type Values = Record<string, unknown>;

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Drops what was left empty, so optional fields are absent rather than blank strings. */
function withoutBlanks(values: Values): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(values)) {
    if (blank(v)) continue;
    out[k] = typeof v === 'object' && !Array.isArray(v) ? withoutBlanks(v as Values) : v;
  }
  return out;
}

/** The order body for a service change from the form's values. */
export function serviceChangeBody(type: string, msisdn: string, values: Values): Values {
  const body: Values = { ...withoutBlanks(values), type, msisdn };
  const identity = body.identity as Values | undefined;
  if (identity && blank(identity.idNumber)) delete body.identity;
  if (type === 'changeDiscount') body.discountCode = blank(values.discountCode) ? null : values.discountCode;
  if (type === 'changeFeatures') {
    body.add = values.add ?? [];
    body.remove = values.remove ?? [];
  }
  return body;
}
