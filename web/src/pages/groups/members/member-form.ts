import type { OrderRequest } from '../../../components/order-fields/useOrderSubmission';
import { specValues, type AttributeValues, type Spec } from '../../../components/spec-fields/spec-rules';
import type { Bilingual } from '../../../i18n/messages';
import { membersMessages as m } from './messages';

/** REQ: GRP-6…GRP-8 — the member orders the members screen takes, built from what staff filled in. */

export interface MemberTarget {
  groupCode: string;
  productCode: string;
  msisdn: string;
}

/** REQ: GRP-6 — add a member: group code + member number + product + member attributes (the filled ones). */
export function memberAddRequest(
  target: MemberTarget,
  memberSpec: Spec,
  fields: Record<string, unknown> | undefined,
): OrderRequest {
  return {
    type: 'groupMemberAdd',
    ...target,
    msisdn: target.msisdn.trim(),
    attributes: specValues(memberSpec, fields),
  };
}

/** REQ: GRP-7 — change a member: only the attributes altered; `null` when none was. */
export function memberChangeRequest(
  target: MemberTarget,
  memberSpec: Spec,
  fields: Record<string, unknown> | undefined,
  current: AttributeValues,
): OrderRequest | null {
  const changed = specValues(memberSpec, fields, current);
  return Object.keys(changed).length === 0
    ? null
    : { type: 'groupMemberChange', ...target, attributes: changed };
}

/** REQ: GRP-8 — delete a member. */
export function memberDeleteRequest(target: MemberTarget): OrderRequest {
  return { type: 'groupMemberDelete', ...target };
}

/** A member's attribute value as staff read it: yes/no in the chosen language, the rest as stored. */
export function attributeText(
  value: string | number | boolean | undefined,
  t: (text: Bilingual) => string,
): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return t(value ? m.yes : m.no);
  return String(value);
}
