import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useLanguage } from '../../i18n/language';
import { controlOf, problemOf, ruleText, type Spec, type SpecAttribute } from './spec-rules';

/**
 * A product specification rendered as form fields (REQ: GRP-3), straight from the specification data: an enum
 * becomes a choice list, an integer with its range a number input, a boolean a switch, a text with a pattern
 * a text input checked against it. Each field is labelled with the attribute's name in the chosen language,
 * marked when required, shows its rule under it and keeps its value at `[...name, code]`, so a refusal the
 * API names (`attributes.maxTalkGroups`) lands beside its field.
 *
 * `partial` (a change): nothing is required, an empty field means "unchanged".
 */
export function SpecFields(props: {
  spec: Spec;
  /** Where the values live in the form, e.g. `['attributes']` or `['tariff', 'params']`. */
  name: (string | number)[];
  partial?: boolean;
}) {
  return (
    <>
      {props.spec.attributes.map((attr) => (
        <SpecField key={attr.code} attr={attr} name={[...props.name, attr.code]} partial={props.partial} />
      ))}
    </>
  );
}

function SpecField({
  attr,
  name,
  partial,
}: {
  attr: SpecAttribute;
  name: (string | number)[];
  partial?: boolean;
}) {
  const { t } = useLanguage();
  const control = controlOf(attr);
  const rules: Rule[] = [
    {
      validator: (_, value: unknown) => {
        const problem = problemOf(attr, value, { partial });
        return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
      },
    },
  ];
  const hint = ruleText(attr);
  return (
    <Form.Item
      name={name}
      label={t(attr.name)}
      required={!!attr.required && !partial}
      rules={rules}
      extra={hint ? t(hint) : undefined}
      valuePropName={control === 'switch' ? 'checked' : 'value'}
    >
      {renderControl(attr, !!partial || !attr.required)}
    </Form.Item>
  );
}

function renderControl(attr: SpecAttribute, clearable: boolean) {
  switch (attr.type) {
    case 'enum':
      // Enum values are catalogue codes: shown as they are (codes stay English).
      return (
        <Select
          allowClear={clearable}
          options={attr.values.map((value) => ({ value, label: value }))}
          style={{ maxWidth: 320 }}
        />
      );
    case 'integer':
      // No min/max on the control: it would silently clamp a wrong number; the rule says what is wrong.
      return <InputNumber precision={0} placeholder={`${attr.min}–${attr.max}`} style={{ width: 200 }} />;
    case 'boolean':
      return <Switch />;
    case 'string':
      return <Input maxLength={attr.maxLength} autoComplete="off" style={{ maxWidth: 320 }} />;
  }
}
