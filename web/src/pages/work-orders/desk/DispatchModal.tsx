import { Alert, Button, Form, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { useDispatchPreview, useOutlets } from './desk-queries';
import type { DeskTarget } from './desk-steps';
import { DispatchPreviewPanel } from './DispatchPreviewPanel';
import { deskMessages as m } from './messages';
import { StaffPicker } from './StaffPicker';

/**
 * REQ: WO-4 — dispatch one work order (派工): by rule, after the preview of which rule picks whom, or to a
 * technician chosen from the outlet's staff with their skills and open work. A work order without an outlet
 * takes the chosen technician's outlet.
 */
export function DispatchModal(props: {
  target: DeskTarget;
  running: boolean;
  onByRule: () => void;
  onToStaff: (assigneeId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const { target } = props;
  const outlets = useOutlets();
  const preview = useDispatchPreview(target.id);
  const [outletCode, setOutletCode] = useState<string | null>(target.outletCode);
  const [assignee, setAssignee] = useState<string | null>(null);
  return (
    <Modal
      open
      width={1000}
      title={fill(t(m.dispatchTitle), { id: target.id })}
      onCancel={props.onCancel}
      footer={
        <Space wrap>
          <Button onClick={props.onCancel}>{t(m.dismiss)}</Button>
          <Button loading={props.running} disabled={!preview.data?.decision} onClick={props.onByRule}>
            {t(m.dispatchByRule)}
          </Button>
          <Button
            type="primary"
            loading={props.running}
            disabled={!assignee}
            onClick={() => assignee && props.onToStaff(assignee)}
          >
            {t(m.dispatchToChosen)}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <DispatchPreviewPanel workOrderId={target.id} />
        {target.outletCode ? null : (
          <>
            <Alert type="info" showIcon title={t(m.noOutletYet)} />
            <Form layout="inline">
              <Form.Item label={t(m.staffOutlet)} htmlFor="desk-staff-outlet">
                <Select
                  id="desk-staff-outlet"
                  style={{ minWidth: 320 }}
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={outlets.isPending}
                  value={outletCode}
                  onChange={(v: string) => {
                    setOutletCode(v);
                    setAssignee(null);
                  }}
                  options={(outlets.data?.items ?? []).map((o) => ({
                    value: o.code,
                    label: `${o.code} ${o.name}`,
                  }))}
                />
              </Form.Item>
            </Form>
          </>
        )}
        {outletCode ? <StaffPicker outletCode={outletCode} value={assignee} onChange={setAssignee} /> : null}
      </Space>
    </Modal>
  );
}
