import { Form, Input, InputNumber, Modal, Space, Switch } from 'antd';
import { FormErrors } from '../../../components/FormErrors';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { useSaveFeeRule, type FeeRule } from './fee-rule-queries';
import { feeRuleMessages as m } from './messages';
import { refusedFields } from '../../../components/fieldPath';

interface Values {
  id: string;
  name: string;
  pattern: string;
  feeYuan: number;
  priority: number;
  active: boolean;
}

/** The API keeps the fee in fen; the form in yuan. */
const nameOf = (path: (string | number)[]) => (path[0] === 'feeFen' ? ['feeYuan'] : path);

/**
 * REQ: RES-4 — add a selection-fee rule or change one (rules are never deleted: deactivate instead); a pattern
 * that is no regular expression is refused beside the pattern field.
 */
export function FeeRuleModal(props: { rule: FeeRule | null; onClose: (savedId?: string) => void }) {
  const { t } = useLanguage();
  const { rule } = props;
  const [form] = Form.useForm<Values>();
  const save = useSaveFeeRule(rule?.id ?? null);
  const submit = (v: Values) =>
    save.mutate(
      {
        id: v.id.trim(),
        name: v.name.trim(),
        pattern: v.pattern,
        feeFen: Math.round(v.feeYuan * 100),
        priority: v.priority,
        active: v.active,
      },
      { onSuccess: (saved) => props.onClose(saved.id) },
    );
  return (
    <Modal
      open
      title={rule ? fill(t(m.editRule), { id: rule.id }) : t(m.add)}
      okText={t(m.save)}
      cancelText={t(m.cancel)}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => props.onClose()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          rule
            ? { ...rule, feeYuan: rule.feeFen / 100 }
            : { id: '', name: '', pattern: '', feeYuan: 0, priority: 10, active: true }
        }
      >
        <Form.Item
          name="id"
          label={t(m.id)}
          htmlFor="rule-id"
          rules={[
            { required: true, message: t(m.required) },
            { pattern: /^[A-Z0-9][A-Z0-9-]{0,31}$/, message: t(m.idRule) },
          ]}
        >
          <Input id="rule-id" disabled={rule !== null} maxLength={32} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t(m.name)}
          htmlFor="rule-name"
          rules={[{ required: true, whitespace: true, message: t(m.required) }]}
        >
          <Input id="rule-name" maxLength={80} />
        </Form.Item>
        <Form.Item
          name="pattern"
          label={t(m.pattern)}
          htmlFor="rule-pattern"
          extra={t(m.patternHelp)}
          rules={[{ required: true, message: t(m.required) }]}
        >
          <Input id="rule-pattern" maxLength={64} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item
            name="feeYuan"
            label={t(m.fee)}
            htmlFor="rule-fee"
            rules={[{ required: true, message: t(m.required) }]}
          >
            <InputNumber id="rule-fee" min={0} max={1_000_000} precision={2} />
          </Form.Item>
          <Form.Item
            name="priority"
            label={t(m.priority)}
            htmlFor="rule-priority"
            rules={[{ required: true, message: t(m.required) }]}
          >
            <InputNumber id="rule-priority" min={0} max={10_000} precision={0} />
          </Form.Item>
          <Form.Item name="active" label={t(m.active)} htmlFor="rule-active" valuePropName="checked">
            <Switch id="rule-active" />
          </Form.Item>
        </Space>
        <FormErrors
          form={form}
          error={save.error}
          fieldsOf={(e) => refusedFields(e, { ruleInZh: true })}
          nameOf={nameOf}
        />
      </Form>
    </Modal>
  );
}
