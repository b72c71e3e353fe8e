import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { membersMessages as m } from './messages';
import type { AttributeSpec } from './member-queries';

/**
 * REQ: GRP-3, GRP-6, GRP-7 — a product's member attributes as form fields, rendered from the specification's
 * data: an enum is a select of its values, an integer range a number input, a boolean a switch, a text an input
 * with its length and pattern. Fields sit under `attributes.<code>`, the path the API names in a refusal.
 * With `partial` (a change) nothing is required: only what is altered is sent.
 */
export function MemberAttributeFields(props: {
  attributes: readonly AttributeSpec[];
  partial?: boolean;
  idPrefix: string;
}) {
  const { t } = useLanguage();
  return (
    <>
      {props.attributes.map((attr) => {
        const id = `${props.idPrefix}-${attr.code}`;
        const required = attr.required && !props.partial;
        const name = t(attr.name);
        const rules: Rule[] = [
          { required, message: fill(t(m.attributeRequired), { name }) },
          ...rulesOf(attr, t),
        ];
        return (
          <Form.Item
            key={attr.code}
            name={['attributes', attr.code]}
            label={name}
            htmlFor={id}
            rules={rules}
            valuePropName={attr.type === 'boolean' ? 'checked' : 'value'}
            extra={<code>{attr.code}</code>}
          >
            {control(attr, id, required)}
          </Form.Item>
        );
      })}
    </>
  );
}

function control(attr: AttributeSpec, id: string, required: boolean) {
  switch (attr.type) {
    case 'enum':
      // Enum values are codes: they stay as the specification names them.
      return (
        <Select id={id} allowClear={!required} options={attr.values.map((v) => ({ value: v, label: v }))} />
      );
    case 'integer':
      return <InputNumber id={id} min={attr.min} max={attr.max} precision={0} style={{ width: 160 }} />;
    case 'boolean':
      return <Switch id={id} />;
    case 'string':
      return <Input id={id} maxLength={attr.maxLength} showCount />;
  }
}

function rulesOf(attr: AttributeSpec, t: ReturnType<typeof useLanguage>['t']): Rule[] {
  if (attr.type === 'integer') {
    return [
      {
        type: 'integer',
        min: attr.min,
        max: attr.max,
        message: fill(t(m.attributeRange), { min: String(attr.min), max: String(attr.max) }),
      },
    ];
  }
  if (attr.type === 'string') {
    const rules: Rule[] = [
      { whitespace: true, message: fill(t(m.attributeRequired), { name: t(attr.name) }) },
    ];
    if (attr.pattern) {
      rules.push({
        pattern: new RegExp(`^(?:${attr.pattern})$`),
        message: fill(t(m.attributePattern), { hint: attr.patternHint ?? attr.pattern }),
      });
    }
    return rules;
  }
  return [];
}

/** An attribute value as staff read it: booleans in the chosen language, the rest as stored. */
export function attributeText(
  value: string | number | boolean | undefined,
  t: ReturnType<typeof useLanguage>['t'],
): string {
  if (value === undefined) return '—';
  if (typeof value === 'boolean') return t(value ? m.yes : m.no);
  return String(value);
}
