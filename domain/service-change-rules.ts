import { idNumberMatches } from './identity-documents';
import type { ServiceChangeType } from './service-changes';
import type { SubscriberStatus } from './subscribers';

/** The rules a service change checks on the line before it changes anything (REQ: CHG-1, CHG-2). */

/** REQ: CHG-1 — a change needs an active line; only resume (复机) starts from a suspended one (REQ: CHG-2). */
export function allowedLineStatuses(type: ServiceChangeType): readonly SubscriberStatus[] {
  return type === 'resume' ? ['suspended', 'lossReported'] : ['active'];
}

/** The status a line ends in after the change, for the changes that move it. */
export const lineStatusAfter: Partial<Record<ServiceChangeType, SubscriberStatus>> = {
  suspend: 'suspended',
  reportLoss: 'lossReported',
  resume: 'active',
};

/** Changes made on the owner's behalf: the owner's identity is checked against the line (SIM, data, owner). */
const ownerOnly: ReadonlySet<ServiceChangeType> = new Set([
  'swapSim',
  'changeCustomerData',
  'transferOwnership',
]);

export type LineIdentityRefusal = 'IdentityVerificationRequired' | 'IdentityMismatch';

/**
 * The identity rule a change breaks, or null. REQ: CHG-2 — after a loss report (挂失) only the owner may
 * bring the line back, so resume from `lossReported` needs the owner's identity; resume from a plain
 * suspension does not. Identity shown is always compared with the owner's record (the number only, as the
 * owner's document type may differ, e.g. an enterprise's unit certificate).
 */
export function lineIdentityRefusal(input: {
  type: ServiceChangeType;
  status: SubscriberStatus;
  identity?: { idNumber: string } | undefined;
  ownerIdNumber: string;
}): LineIdentityRefusal | null {
  const required = ownerOnly.has(input.type) || (input.type === 'resume' && input.status === 'lossReported');
  if (!input.identity) return required ? 'IdentityVerificationRequired' : null;
  return idNumberMatches(input.identity.idNumber, input.ownerIdNumber) ? null : 'IdentityMismatch';
}

/** Every line has these at the HLR/HSS; features come on top. */
export const baseServices = ['voice', 'sms', 'data'] as const;

/** The line's features after a change: added ones join, removed ones leave (a feature in both is removed). */
export function nextFeatures(current: readonly string[], add: readonly string[], remove: readonly string[]) {
  const after = [...current, ...add.filter((f) => !current.includes(f))];
  return [...new Set(after)].filter((f) => !remove.includes(f));
}

/** What the HLR/HSS switches on for a line with these features. */
export function hlrServicesFor(features: readonly string[]): string[] {
  return [...baseServices, ...features];
}
