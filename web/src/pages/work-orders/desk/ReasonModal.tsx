import { Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { fill } from '../../../i18n/fill';
import type { Bilingual } from '../../../i18n/messages';
import { useLanguage } from '../../../i18n/language';
import { deskMessages as m } from './messages';
import { StepModal } from './StepModal';

/**
 * A step that needs a reason (WO-2 reject 不予受理, cancel 取消): the reason is required and goes into each work
 * order's timeline as written.
 */
export function ReasonModal(props: {
  title: Bilingual;
  okText: Bilingual;
  ids: string[];
  running: boolean;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === '';
  const submit = () => {
    setTouched(true);
    if (!missing) props.onSubmit(reason.trim());
  };
  return (
    <StepModal
      title={t(props.title)}
      okText={t(props.okText)}
      running={props.running}
      onOk={submit}
      onCancel={props.onCancel}
    >
      <Typography.Paragraph>{fill(t(m.forWorkOrders), { ids: props.ids.join(', ') })}</Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t(m.reason)}
          htmlFor="desk-reason"
          required
          validateStatus={touched && missing ? 'error' : undefined}
          help={touched && missing ? t(m.reasonRequired) : undefined}
        >
          <Input.TextArea
            id="desk-reason"
            rows={3}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </Form.Item>
      </Form>
    </StepModal>
  );
}
