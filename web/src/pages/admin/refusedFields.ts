import type { ApiError, FieldError } from '../../api-client/client';

/** A field path as the administration APIs name it at the start of a refusal: `match.territory`, `body.key`. */
const FIELD_FIRST = /^((?:body\.)?[a-zA-Z][\w]*(?:\.[a-zA-Z]\w*)*): (.+)$/s;

/**
 * The fields an administration refusal names, for a form to show beside them: a validation refusal lists them
 * in `details`; a rule refusal lists `details.issues` (`{ field, rule }`, e.g. InvalidDispatchRule); a business
 * refusal names one field at the start of its message (`target.outletCode: no outlet X`). The Chinese text is
 * the API's reason with the English rule after it (the rule's words are not translated by the API).
 */
export function refusedFields(error: ApiError): FieldError[] {
  if (error.fieldErrors.length > 0) return error.fieldErrors;
  const issues = issuesOf(error.details);
  if (issues.length > 0) {
    return issues.map((i) => ({ path: i.field, zh: `${error.reason}：${i.rule}`, en: i.rule }));
  }
  const named = FIELD_FIRST.exec(error.message);
  if (!named?.[1] || !named[2] || named[2].includes('; ')) return [];
  return [{ path: named[1], zh: error.reason || named[2], en: named[2] }];
}

function issuesOf(details: unknown): { field: string; rule: string }[] {
  if (typeof details !== 'object' || details === null || !('issues' in details)) return [];
  const { issues } = details;
  if (!Array.isArray(issues)) return [];
  return issues.filter(
    (i): i is { field: string; rule: string } =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as { field?: unknown }).field === 'string' &&
      typeof (i as { rule?: unknown }).rule === 'string',
  );
}
