import { demoSubscribers } from '../../db/seed';

/** The seeded demo line with this number (13900100001…20); throws for any other. */
export function demoLine(msisdn: string) {
  const line = demoSubscribers.find((s) => s.msisdn === msisdn);
  if (!line) throw new Error(`${msisdn} is not a seeded demo line`);
  return line;
}

/**
 * A valid pre-cancellation body for a seeded line: the holder in person with the original ID (or, for the
 * enterprise line, its agent with both documents), retention declined, settled in cash.
 */
export function preCancellationBody(
  msisdn: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const { customer } = demoLine(msisdn);
  const identity =
    customer.kind === 'individual'
      ? { presentedBy: 'holder', idType: 'idCard', idNumber: customer.idNumber, originalShown: true }
      : {
          presentedBy: 'agent',
          agentName: '赵六',
          agentIdType: 'idCard',
          agentIdNumber: '110101198808081234',
          unitCertificateNo: customer.idNumber,
          businessLicenceNo: customer.businessLicenceNo,
          originalShown: true,
        };
  return {
    type: 'preCancellation',
    msisdn,
    leavingReason: '出国定居 moving abroad',
    retention: { offer: '转其他品牌并优先选号 other brand with priority number choice', accepted: false },
    identity,
    payment: { method: 'cash' },
    ...overrides,
  };
}

/**
 * A valid formal-cancellation visit (REQ: PC-5) for a seeded line: the same person and documents as at
 * pre-cancellation, money settled in cash at the counter.
 */
export function formalCancellationBody(
  msisdn: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return { identity: preCancellationBody(msisdn).identity, payment: { method: 'cash' }, ...overrides };
}
