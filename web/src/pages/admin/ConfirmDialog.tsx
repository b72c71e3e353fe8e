import { Modal, Space, Typography } from 'antd';
import { ErrorAlert } from '../../components/PageState';

/**
 * An administrator's "are you sure" before a step that stops someone working (disable an operator or a
 * channel, revoke a permission): what happens, the button that does it, and the API's refusal if it refuses.
 */
export function ConfirmDialog(props: {
  title: string;
  text: string;
  okText: string;
  cancelText: string;
  danger?: boolean;
  running: boolean;
  error: unknown;
  onOk: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      cancelText={props.cancelText}
      okButtonProps={{ danger: props.danger }}
      confirmLoading={props.running}
      onOk={props.onOk}
      onCancel={props.onCancel}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{props.text}</Typography.Paragraph>
        <ErrorAlert error={props.error} />
      </Space>
    </Modal>
  );
}
