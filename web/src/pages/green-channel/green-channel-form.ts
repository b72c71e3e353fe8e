import { ApiError, type FieldError } from '../../api-client/client';
import { refusedFields } from '../../components/fieldPath';
import { workTextsOf, type WorkFormTexts } from '../../components/work-order-fields/work-request';
import type { Commitment, GreenChannelRequest, GreenChannelType } from './green-channel-queries';

/**
 * The green-channel form (GC-1…GC-3) apart from its screen: its values, the request they make, and where the
 * API's refusals go in it.
 */

type Priority = NonNullable<GreenChannelRequest['priority']>;
export type CommitmentKind = Commitment['kind'];

/** The green-channel form's values; commitments keep their amount or limit in `value` (yuan for compensation). */
export interface GreenChannelForm extends WorkFormTexts {
  type?: GreenChannelType;
  priority: Priority;
  servicePassword?: string;
  paperDocuments: 'none' | 'send' | 'collect';
  commitments: { kind?: CommitmentKind; value?: number | string | null }[];
}

export const initialGreenChannelForm: GreenChannelForm = {
  priority: 'P2',
  customer: {},
  paperDocuments: 'none',
  commitments: [],
};

export interface CommitmentRefusal {
  refused: { field: string; zh: string; en: string }[];
  escalation: { zh: string; en: string } | null;
}

/** REQ: GC-3 — the refused promises and the escalation offered, as the API's 422 CommitmentBeyondAuthority says. */
export function commitmentRefusal(error: unknown): CommitmentRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'CommitmentBeyondAuthority') return null;
  const details = (error.details ?? {}) as Partial<CommitmentRefusal>;
  const bilingual = (x: unknown): x is { zh: string; en: string } =>
    typeof x === 'object' && x !== null && 'zh' in x && 'en' in x;
  return {
    refused: (Array.isArray(details.refused) ? details.refused : []).filter(
      (r): r is CommitmentRefusal['refused'][number] => bilingual(r) && typeof r.field === 'string',
    ),
    escalation: bilingual(details.escalation) ? details.escalation : null,
  };
}

/** Each refused promise beside its row; any other refusal beside the field it names. */
export function placedRefusals(error: ApiError): FieldError[] {
  const refusal = commitmentRefusal(error);
  if (refusal) return refusal.refused.map((r) => ({ path: `body.${r.field}`, zh: r.zh, en: r.en }));
  return refusedFields(error);
}

/** A commitment's refusal (`commitments.0`, `commitments.0.amountFen`) goes beside the row's value. */
export function formNameOf(path: (string | number)[]): (string | number)[] {
  if (path[0] !== 'commitments' || typeof path[1] !== 'number') return path;
  return ['commitments', path[1], path[2] === 'kind' ? 'kind' : 'value'];
}

/** The request as the API takes it: texts trimmed, yuan in fen, what the type does not need left out. */
export function greenChannelRequestOf(values: GreenChannelForm): GreenChannelRequest {
  const entrusted = values.type === 'entrustedAcceptance';
  return {
    type: values.type as GreenChannelType,
    priority: values.priority,
    ...workTextsOf(values),
    paperDocuments: entrusted && values.paperDocuments !== 'none' ? values.paperDocuments : undefined,
    commitments: values.commitments.map(commitmentOf),
  };
}

function commitmentOf(row: GreenChannelForm['commitments'][number]): Commitment {
  switch (row.kind) {
    case 'compensation':
      return { kind: 'compensation', amountFen: Math.round(Number(row.value) * 100) };
    case 'specificGoods':
      return { kind: 'specificGoods', item: String(row.value ?? '').trim() };
    default:
      return { kind: 'repairTimeLimit', hours: Number(row.value) };
  }
}
