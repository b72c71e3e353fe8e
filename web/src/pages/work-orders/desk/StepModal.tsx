import { Modal, type ModalProps } from 'antd';
import type { ReactNode } from 'react';
import { useLanguage } from '../../../i18n/language';
import { deskMessages as m } from './messages';

/** The dialog of a desk step (WO-2…WO-4): its title, its button, "Cancel" to leave it, busy while it runs. */
export function StepModal(props: {
  title: string;
  okText: string;
  running: boolean;
  onOk: () => void;
  onCancel: () => void;
  width?: number;
  okButtonProps?: ModalProps['okButtonProps'];
  children: ReactNode;
}) {
  const { t } = useLanguage();
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText={props.okText}
      cancelText={t(m.dismiss)}
      confirmLoading={props.running}
      okButtonProps={props.okButtonProps}
      onOk={props.onOk}
      onCancel={props.onCancel}
    >
      {props.children}
    </Modal>
  );
}
