import { Button, Space } from 'antd';
import { useLanguage } from '../../../i18n/language';
import { deskStepLabels } from './DeskDialogs';
import { stepsFor, type DeskStep, type DeskTarget } from './desk-steps';
import { deskMessages as m } from './messages';

/**
 * The desk's step buttons for a work order or a selection: only the steps at least one of them may take now
 * (WO-2…WO-4); "assign" reads "re-assign" once an outlet is there.
 */
export function DeskStepButtons(props: {
  targets: DeskTarget[];
  onStart: (step: DeskStep) => void;
  size?: 'small' | 'middle';
}) {
  const { t } = useLanguage();
  const reassign = props.targets.length > 0 && props.targets.every((w) => w.outletCode !== null);
  return (
    <Space size={6} wrap>
      {stepsFor(props.targets).map((step) => (
        <Button
          key={step}
          size={props.size}
          danger={step === 'reject' || step === 'cancel'}
          type={step === 'accept' || step === 'dispatch' ? 'primary' : 'default'}
          onClick={() => props.onStart(step)}
        >
          {step === 'assignOutlet' && reassign ? t(m.reassignOutlet) : t(deskStepLabels[step])}
        </Button>
      ))}
    </Space>
  );
}
