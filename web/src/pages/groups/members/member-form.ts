import type { OrderRequest } from '../../../components/order-fields/useOrderSubmission';

/** REQ: GRP-6…GRP-8 — the member orders the members screen takes, built from what staff filled in. */

type AttributeValue = string | number | boolean;
export type AttributeValues = Record<string, AttributeValue>;

export interface MemberTarget {
  groupCode: string;
  productCode: string;
  msisdn: string;
}

/**
 * The attribute values a form holds, as the API takes them: cleared fields and (for a change) values equal to
 * the member's current ones left out; texts trimmed.
 */
export function attributeValuesOf(
  values: Record<string, unknown> | undefined,
  unchangedFrom?: AttributeValues,
): AttributeValues {
  const out: AttributeValues = {};
  for (const [code, raw] of Object.entries(values ?? {})) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (
      value === '' ||
      (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
    )
      continue;
    if (unchangedFrom?.[code] === value) continue;
    out[code] = value;
  }
  return out;
}

/** REQ: GRP-6 — add a member: group code + member number + product + member attributes. */
export function memberAddRequest(target: MemberTarget, attributes: Record<string, unknown>): OrderRequest {
  return {
    type: 'groupMemberAdd',
    ...target,
    msisdn: target.msisdn.trim(),
    attributes: attributeValuesOf(attributes),
  };
}

/** REQ: GRP-7 — change a member: only the attributes altered; `null` when nothing was. */
export function memberChangeRequest(
  target: MemberTarget,
  attributes: Record<string, unknown>,
  current: AttributeValues,
): OrderRequest | null {
  const changed = attributeValuesOf(attributes, current);
  return Object.keys(changed).length === 0
    ? null
    : { type: 'groupMemberChange', ...target, attributes: changed };
}

/** REQ: GRP-8 — delete a member. */
export function memberDeleteRequest(target: MemberTarget): OrderRequest {
  return { type: 'groupMemberDelete', ...target };
}
