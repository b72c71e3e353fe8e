import { Card, Space } from 'antd';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/language';
import { DeskDialogs, type PendingStep, type StepRun } from '../desk/DeskDialogs';
import { DeskStepButtons } from '../desk/DeskStepButtons';
import { deskMessages as m } from '../desk/messages';
import { stepsFor } from '../desk/desk-steps';
import { StepResults } from '../desk/StepResults';
import type { WorkOrderView } from '../work-order-queries';

/**
 * The dispatcher's steps on one work order (WO-2…WO-4): accept or reject, assign or re-assign the outlet,
 * dispatch by rule with the preview of which rule picks whom, dispatch to a chosen technician, re-dispatch with
 * a reason, close, cancel. Shown only to the dispatcher desk (UI-1), with the buttons the status allows.
 */
export function DeskActions({ workOrder }: { workOrder: WorkOrderView }) {
  const { t } = useLanguage();
  const [pending, setPending] = useState<PendingStep | null>(null);
  const [run, setRun] = useState<StepRun | null>(null);
  const targets = [workOrder];
  if (stepsFor(targets).length === 0 && !run) return null;
  return (
    <Card title={t(m.deskActions)} size="small">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <DeskStepButtons targets={targets} onStart={(step) => setPending({ step, targets })} />
        {run ? <StepResults run={run} onDismiss={() => setRun(null)} /> : null}
      </Space>
      <DeskDialogs pending={pending} onClose={() => setPending(null)} onDone={setRun} />
    </Card>
  );
}
