import type { FormInstance } from 'antd';
import { useEffect } from 'react';
import { ApiError } from '../../api-client/client';
import { FormErrors } from '../../components/FormErrors';
import { useLanguage } from '../../i18n/language';

/** A refusal of the work order's rules names its field first: "at: … is not after now", "reason: is required". */
const FIELD_FIRST = /^(\w+): /;

/**
 * A step's refusal beside the field it is about: the fields the API's schema refused (FormErrors), and also a
 * refusal of the work order's own rules that names one of this form's fields (an appointment in the past, a
 * missing reason), in the chosen language; the refusal itself shows above the button.
 */
export function StepErrors(props: { form: FormInstance; error: unknown; fields: readonly string[] }) {
  const { language } = useLanguage();
  const { form, error } = props;
  const fields = props.fields.join(',');
  useEffect(() => {
    if (!(error instanceof ApiError) || error.fieldErrors.length > 0) return;
    const match = FIELD_FIRST.exec(error.message);
    if (!match?.[1] || !fields.split(',').includes(match[1])) return;
    const text = language === 'zh' && error.reason ? error.reason : error.message.slice(match[0].length);
    form.setFields([{ name: match[1], errors: [text] }]);
  }, [form, error, language, fields]);
  return <FormErrors form={form} error={error} />;
}
