import { Space } from 'antd';
import type { Spec } from '../../components/spec-fields/spec-rules';
import { useLanguage } from '../../i18n/language';

/**
 * Attribute values as staff read them: each under its name from the specification (its code when the spec is
 * not at hand), yes/no for a switch; codes and customers' words as they are.
 */
export function TermsText({
  values,
  spec,
}: {
  values: Record<string, string | number | boolean>;
  spec?: Spec;
}) {
  const { t } = useLanguage();
  const entries = Object.entries(values);
  if (entries.length === 0) return <>—</>;
  return (
    <Space wrap size={[16, 0]}>
      {entries.map(([code, value]) => {
        const attr = spec?.attributes.find((a) => a.code === code);
        const shown =
          typeof value === 'boolean'
            ? t(value ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' })
            : String(value);
        return (
          <span key={code}>
            {attr ? t(attr.name) : <code>{code}</code>}: <strong>{shown}</strong>
          </span>
        );
      })}
    </Space>
  );
}
