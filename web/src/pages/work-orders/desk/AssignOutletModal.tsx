import { Alert, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { useOutlets } from './desk-queries';
import type { DeskTarget } from './desk-steps';
import { DispatchPreviewPanel } from './DispatchPreviewPanel';
import { deskMessages as m } from './messages';
import { StepModal } from './StepModal';

/**
 * REQ: WO-3 — assign the outlet (分配网点) or re-assign it (改派, with a reason: the assignee and the appointment
 * are cleared). Assigning dispatches by rule at once, so for one work order the dialog previews whom the rules
 * would pick at the chosen outlet.
 */
export function AssignOutletModal(props: {
  targets: DeskTarget[];
  running: boolean;
  onSubmit: (outletCode: string, reason: string | undefined) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const outlets = useOutlets();
  const [outletCode, setOutletCode] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const reassigning = props.targets.some((w) => w.outletCode !== null);
  const reasonMissing = reassigning && reason.trim() === '';
  const single = props.targets.length === 1 ? props.targets[0] : undefined;
  const submit = () => {
    setTouched(true);
    if (outletCode && !reasonMissing) props.onSubmit(outletCode, reason.trim() || undefined);
  };
  return (
    <StepModal
      title={t(reassigning ? m.reassignOutlet : m.assignOutlet)}
      okText={t(reassigning ? m.reassignOutlet : m.assignOutlet)}
      running={props.running}
      onOk={submit}
      onCancel={props.onCancel}
      width={single ? 960 : undefined}
    >
      <Typography.Paragraph>
        {fill(t(m.forWorkOrders), { ids: props.targets.map((w) => w.id).join(', ') })}
      </Typography.Paragraph>
      <Form layout="vertical" onFinish={submit}>
        <Form.Item
          label={t(m.outletToAssign)}
          htmlFor="desk-outlet"
          required
          validateStatus={touched && !outletCode ? 'error' : undefined}
          help={touched && !outletCode ? t(m.outletRequired) : undefined}
        >
          <Select
            id="desk-outlet"
            showSearch={{ optionFilterProp: 'label' }}
            loading={outlets.isPending}
            value={outletCode}
            onChange={(v: string) => setOutletCode(v)}
            options={(outlets.data?.items ?? []).map((o) => ({
              value: o.code,
              label: fill(t(m.outletOption), {
                code: o.code,
                name: o.name,
                city: o.city,
                staff: String(o.staffCount),
              }),
            }))}
          />
        </Form.Item>
        {reassigning ? (
          <Form.Item
            label={t(m.reason)}
            htmlFor="desk-outlet-reason"
            required
            extra={t(m.reassignNeedsReason)}
            validateStatus={touched && reasonMissing ? 'error' : undefined}
            help={touched && reasonMissing ? t(m.reasonRequired) : undefined}
          >
            <Input.TextArea
              id="desk-outlet-reason"
              rows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
        ) : null}
      </Form>
      {single && outletCode ? (
        <>
          <Alert type="info" showIcon title={t(m.autoAfterAssign)} style={{ marginBottom: 12 }} />
          <DispatchPreviewPanel workOrderId={single.id} outletCode={outletCode} />
        </>
      ) : null}
    </StepModal>
  );
}
