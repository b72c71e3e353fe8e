import type { ApiError, FieldError } from '../api-client/client';

/**
 * A refused field's path as the API names it (`body.customer.idNumber`, `documentUploads[0]`) as an antd name
 * path within the form: the request part (`body`, `query`, `params`) is not part of the form.
 */
export function namePathOf(path: string): (string | number)[] {
  const parts = path
    .split(/[./[\]]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return ['body', 'query', 'params'].includes(String(parts[0])) ? parts.slice(1) : parts;
}

/** A refusal that names its field first: `body.servicePassword: …`, `target.outletCode: …`, `numbers[2]: …`. */
const FIELD_FIRST = /^([A-Za-z][\w.[\]]*): (.+)$/s;

/**
 * The fields a refusal names, for a form to show beside them (FormErrors' `fieldsOf`): a validation refusal lists
 * them in `details`; a rule refusal lists `details.issues` (`{ field, rule }`, e.g. InvalidDispatchRule), shown
 * with the API's Chinese reason and the English rule after it (the API does not translate the rule); a business
 * refusal names one field at the start of its message (`target.outletCode: no outlet X`) — a message naming
 * several (`…; …`) stays above the form. Its Chinese text is the API's reason, or with `ruleInZh` the reason
 * and the English rest of the message after it.
 */
export function refusedFields(error: ApiError, options: { ruleInZh?: boolean } = {}): FieldError[] {
  if (error.fieldErrors.length > 0) return error.fieldErrors;
  const issues = issuesOf(error.details);
  if (issues.length > 0) {
    return issues.map((i) => ({ path: i.field, zh: `${error.reason}：${i.rule}`, en: i.rule }));
  }
  const named = FIELD_FIRST.exec(error.message);
  if (!named?.[1] || !named[2] || named[2].includes('; ')) return [];
  const [, path, rule] = named;
  if (options.ruleInZh) return [{ path, zh: error.reason ? `${error.reason}：${rule}` : rule, en: rule }];
  return [{ path, zh: error.reason || rule, en: rule }];
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
