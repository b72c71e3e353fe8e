import { Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { orderMessages as m } from './messages';
import { useCancelOrder } from './order-queries';

/**
 * REQ: ORD-5, ORD-6 — cancel an order with a reason. The API decides whether it still may be (its point of no
 * return, who may cancel); a refusal (PastPointOfNoReturn, OrderAlreadyClosed, CancelNotAllowed) is shown as
 * the API words it.
 */
export function CancelOrderModal(props: { orderId: string; open: boolean; onClose: () => void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelOrder(props.orderId);
  const close = () => {
    cancel.reset();
    form.resetFields();
    props.onClose();
  };
  return (
    <Modal
      open={props.open}
      title={t(m.cancelOrder)}
      okText={t(m.cancelConfirm)}
      okButtonProps={{ danger: true, loading: cancel.isPending }}
      cancelText={t(m.cancelKeep)}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={({ reason }) => cancel.mutate(reason.trim(), { onSuccess: close })}
      >
        <Form.Item name="reason" label={t(m.cancelReason)} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
      <ErrorAlert error={cancel.error} />
    </Modal>
  );
}
