import { Alert, type FormInstance } from 'antd';
import { ApiError, type FieldError } from '../api-client/client';
import { useLanguage } from '../i18n/language';
import { ErrorText } from './PageState';
import { namePathOf } from './fieldPath';
import { useFieldErrors } from './useFieldErrors';

/**
 * A form's refusal as staff read it: each field the API names shown beside that field (useFieldErrors), and
 * the refusal itself above the submit button with any named field this form does not have listed in it.
 */
export function FormErrors(props: {
  form: FormInstance;
  error: unknown;
  nameOf?: (path: (string | number)[]) => (string | number)[];
  /** The fields a refusal names (default: those of a validation refusal, `details`). */
  fieldsOf?: (error: ApiError) => FieldError[];
}) {
  const { language } = useLanguage();
  const nameOf = props.nameOf ?? ((path) => path);
  const fieldsOf = props.fieldsOf ?? ((e: ApiError) => e.fieldErrors);
  useFieldErrors(props.form, props.error, nameOf, fieldsOf);
  if (!props.error) return null;
  const fieldErrors = props.error instanceof ApiError ? fieldsOf(props.error) : [];
  const registered = new Set(
    fieldErrors.length > 0 ? props.form.getFieldsError().map((f) => JSON.stringify(f.name)) : [],
  );
  const unplaced = fieldErrors.filter((f) => !registered.has(JSON.stringify(nameOf(namePathOf(f.path)))));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={<ErrorText error={props.error} />}
      description={
        unplaced.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {unplaced.map((f) => (
              <li key={f.path}>
                <code>{f.path}</code> {f[language]}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
