import type { ApiError, FieldError } from '../../api-client/client';

/**
 * The fields a refusal names: those of a validation refusal (`details`), else the one a business refusal names
 * at the start of its message (`body.pattern: …`, `toCode: …`, `to: …`), so that it too shows beside its field.
 */
export function refusedFields(error: ApiError): FieldError[] {
  if (error.fieldErrors.length > 0) return error.fieldErrors;
  const named = /^([A-Za-z][\w.[\]]*): (.+)$/s.exec(error.message);
  if (!named) return [];
  const [, path = '', rule = ''] = named;
  return [{ path, zh: error.reason ? `${error.reason}：${rule}` : rule, en: rule }];
}
