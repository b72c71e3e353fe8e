import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { fill } from '../../../i18n/fill';
import type { Bilingual } from '../../../i18n/messages';
import { useLanguage } from '../../../i18n/language';
import { deskMessages as m } from './messages';
import { StepModal } from './StepModal';

/** A step with nothing to fill in (accept, close, dispatch a selection by rule): what it does, to whom. */
export function ConfirmStepModal(props: {
  title: Bilingual;
  text: Bilingual;
  okText: Bilingual;
  ids: string[];
  running: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const { t } = useLanguage();
  return (
    <StepModal
      title={t(props.title)}
      okText={t(props.okText)}
      running={props.running}
      onOk={props.onSubmit}
      onCancel={props.onCancel}
      width={props.children ? 900 : undefined}
    >
      <Typography.Paragraph>{fill(t(props.text), { count: String(props.ids.length) })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {fill(t(m.forWorkOrders), { ids: props.ids.join(', ') })}
      </Typography.Paragraph>
      {props.children}
    </StepModal>
  );
}
