import { Form, Input, Radio } from 'antd';
import { useLanguage } from '../../i18n/language';
import { priorityLabels } from '../../pages/work-orders/messages';
import { workFieldMessages as m } from './messages';

const required = [{ required: true, whitespace: true }];

/** REQ: WO-6 — how urgent the work is: P1 (most urgent) to P4, the code with its word. */
export function PriorityField() {
  const { t } = useLanguage();
  return (
    <Form.Item name="priority" label={t(m.priority)} rules={[{ required: true }]}>
      <Radio.Group
        optionType="button"
        options={Object.entries(priorityLabels).map(([value, label]) => ({
          value,
          label: `${value} ${t(label)}`,
        }))}
      />
    </Form.Item>
  );
}

/** The work's title and what the customer asks, in their own words (the description's label says which). */
export function TitleDescriptionFields({ descriptionLabel }: { descriptionLabel: string }) {
  const { t } = useLanguage();
  return (
    <>
      <Form.Item name="title" label={t(m.workTitle)} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={descriptionLabel} rules={required}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </>
  );
}
