import type { ApiError, FieldError } from '../../api-client/client';

/**
 * The fields a refusal names, for a work-order form to show beside them: a validation refusal lists them in
 * `details`; a business refusal names one field at the start of its message (`body.servicePassword: the
 * service password does not match …`), shown with the API's Chinese reason and the rest of its English message.
 */
export function refusedFields(error: ApiError): FieldError[] {
  if (error.fieldErrors.length > 0) return error.fieldErrors;
  const named = /^(body\.[\w.]+): (.+)$/s.exec(error.message);
  if (!named?.[1] || !named[2] || named[2].includes('; body.')) return [];
  return [{ path: named[1], zh: error.reason || named[2], en: named[2] }];
}
