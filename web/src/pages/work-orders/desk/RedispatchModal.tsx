import { Form, Input, Space } from 'antd';
import { useState } from 'react';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import type { DeskTarget } from './desk-steps';
import { deskMessages as m } from './messages';
import { StepModal } from './StepModal';
import { StaffPicker } from './StaffPicker';

/**
 * REQ: WO-4 — re-dispatch (重新派工) a dispatched work order to another technician of its outlet, with a reason
 * the timeline keeps; the appointment stays (the customer was promised that time).
 */
export function RedispatchModal(props: {
  target: DeskTarget;
  running: boolean;
  onSubmit: (assigneeId: string, reason: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const { target } = props;
  const [assignee, setAssignee] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const reasonMissing = reason.trim() === '';
  const submit = () => {
    setTouched(true);
    if (assignee && !reasonMissing) props.onSubmit(assignee, reason.trim());
  };
  return (
    <StepModal
      width={900}
      title={fill(t(m.redispatchTitle), { id: target.id })}
      okText={t(m.redispatch)}
      running={props.running}
      okButtonProps={{ disabled: !assignee }}
      onOk={submit}
      onCancel={props.onCancel}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {target.outletCode ? (
          <StaffPicker
            outletCode={target.outletCode}
            value={assignee}
            onChange={setAssignee}
            currentAssignee={target.assigneeId}
          />
        ) : null}
        <Form layout="vertical" onFinish={submit}>
          <Form.Item
            label={t(m.reason)}
            htmlFor="desk-redispatch-reason"
            required
            validateStatus={touched && reasonMissing ? 'error' : undefined}
            help={touched && reasonMissing ? t(m.reasonRequired) : undefined}
          >
            <Input.TextArea
              id="desk-redispatch-reason"
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Space>
    </StepModal>
  );
}
