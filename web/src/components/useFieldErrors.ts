import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { ApiError, type FieldError } from '../api-client/client';
import { useLanguage } from '../i18n/language';
import { namePathOf } from './fieldPath';

/**
 * Shows each field a validation refusal names beside its field, in the chosen language (and again in the other
 * one when the language is switched). `error` is the last submission's error; a new submission clears it.
 */
export function useFieldErrors(
  form: FormInstance,
  error: unknown,
  /** Where a form keeps a field under another name than the API's path (e.g. a list kept as one text). */
  nameOf: (path: (string | number)[]) => (string | number)[] = (path) => path,
  /** The fields a refusal names (default: those of a validation refusal, `details`). */
  fieldsOf: (error: ApiError) => FieldError[] = (e) => e.fieldErrors,
): void {
  const { language } = useLanguage();
  useEffect(() => {
    if (!(error instanceof ApiError)) return;
    const fields = fieldsOf(error).map((f) => ({
      name: nameOf(namePathOf(f.path)),
      errors: [f[language]],
    }));
    if (fields.length > 0) form.setFields(fields);
    // nameOf and fieldsOf are pure mappings: a new function each render must not re-apply the errors over the user's edits.
  }, [form, error, language]);
}
