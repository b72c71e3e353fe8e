import { z } from 'zod';
import { required } from './bilingual-messages';
import { nonBlankText } from './text-fields';
import { idNumberMatches } from './identity-documents';
import { msisdnSchema } from './numbers';
import { idTypes, paymentSchema } from './open-account';

export { graceEndsAt, visitDeadline } from './pre-cancellation-dates';

/** Pre-cancellation (预销号) with a grace period before formal cancellation (销号). Source §6.3. */

const text = (what: string, max = 500) => nonBlankText(max, 1, required(what));

/** REQ: PC-3 — who came to the counter and what they showed. */
export const preCancellationIdentitySchema = z.discriminatedUnion('presentedBy', [
  z.object({
    presentedBy: z.literal('holder'),
    idType: z.enum(idTypes),
    idNumber: text('idNumber', 32),
    /** The original document was shown (a copy alone is not enough). */
    originalShown: z.boolean(),
  }),
  z.object({
    presentedBy: z.literal('agent'),
    agentName: text('agentName', 100),
    agentIdType: z.enum(idTypes),
    agentIdNumber: text('agentIdNumber', 32),
    unitCertificateNo: z.string().trim().max(64).optional(),
    businessLicenceNo: z.string().trim().max(64).optional(),
    originalShown: z.boolean(),
  }),
]);
export type PreCancellationIdentity = z.infer<typeof preCancellationIdentitySchema>;

export const preCancellationRequestSchema = z.object({
  type: z.literal('preCancellation'),
  msisdn: msisdnSchema,
  /** REQ: PC-1 — why the customer is leaving. */
  leavingReason: text('leavingReason'),
  /** REQ: PC-2 — the retention offer made (other brands, priority number choice) and the customer's answer. */
  retention: z.object({ offer: text('retention.offer'), accepted: z.boolean() }),
  identity: preCancellationIdentitySchema,
  /** How the customer settles the month and any extra deposit (REQ: PC-4). */
  payment: paymentSchema,
});
export type PreCancellationRequest = z.infer<typeof preCancellationRequestSchema>;

/**
 * REQ: PC-5 — the formal cancellation (销号) at the counter after the grace (source §6.3.6): who came and what
 * they showed (the PC-3 rules again), and how money changes hands now — overpayment handed back, arrears paid.
 */
export const formalCancellationRequestSchema = z.object({
  identity: preCancellationIdentitySchema,
  /** Cash at the counter, or the customer's card or account: a refund goes back through it, arrears are taken from it. */
  payment: paymentSchema,
});
export type FormalCancellationRequest = z.infer<typeof formalCancellationRequestSchema>;

export type IdentityRefusal =
  | 'AgentNotAllowed'
  | 'OriginalIdRequired'
  | 'IdentityMismatch'
  | 'AgentRequired'
  | 'EnterpriseDocumentsRequired';

/** The line's owner as the PC-3 rules compare it. */
export interface PreCancellationOwner {
  kind: 'individual' | 'enterprise';
  idNumber: string;
  unitCertificateNo?: string;
}

/** REQ: PC-3 — the owner of a line as the identity rules see it: an enterprise is known by its unit certificate. */
export function preCancellationOwner(owner: {
  kind: 'individual' | 'enterprise';
  idNumber: string;
}): PreCancellationOwner {
  return owner.kind === 'enterprise'
    ? { kind: 'enterprise', idNumber: owner.idNumber, unitCertificateNo: owner.idNumber }
    : { kind: 'individual', idNumber: owner.idNumber };
}

/**
 * REQ: PC-3 — individuals come in person with their original ID (no agent); enterprises come through an
 * agent with the unit certificate and business licence. Returns the rule broken, or null. The same rules
 * hold for the formal cancellation (PC-5) and a revocation (PC-6).
 */
export function preCancellationIdentityRefusal(
  customer: PreCancellationOwner,
  identity: PreCancellationIdentity,
): IdentityRefusal | null {
  if (customer.kind === 'individual') {
    if (identity.presentedBy === 'agent') return 'AgentNotAllowed';
    if (!identity.originalShown) return 'OriginalIdRequired';
    if (!idNumberMatches(identity.idNumber, customer.idNumber)) return 'IdentityMismatch';
    return null;
  }
  if (identity.presentedBy !== 'agent') return 'AgentRequired';
  if (!identity.unitCertificateNo || !identity.businessLicenceNo || !identity.originalShown) {
    return 'EnterpriseDocumentsRequired';
  }
  if (customer.unitCertificateNo && !idNumberMatches(identity.unitCertificateNo, customer.unitCertificateNo))
    return 'IdentityMismatch';
  return null;
}

/**
 * REQ: PC-4 — an extra deposit is due when international roaming is on or the average of the last three
 * monthly bills exceeds the threshold.
 */
export function extraDepositDue(input: {
  internationalRoaming: boolean;
  lastThreeBillsFen: number[];
  thresholdFen: number;
  depositFen: number;
}): { due: boolean; averageBillFen: number; amountFen: number } {
  const bills = input.lastThreeBillsFen.slice(0, 3);
  const averageBillFen = bills.length ? Math.round(bills.reduce((a, b) => a + b, 0) / bills.length) : 0;
  const due = input.internationalRoaming || averageBillFen > input.thresholdFen;
  return { due, averageBillFen, amountFen: due ? input.depositFen : 0 };
}
