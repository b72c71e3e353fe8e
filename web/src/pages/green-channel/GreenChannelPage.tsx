import { Button, Card, Form, Radio, Space } from 'antd';
import { useState } from 'react';
import { FormErrors } from '../../components/FormErrors';
import { PageHeading } from '../../components/PageHeading';
import { CustomerLineFields } from '../../components/work-order-fields/CustomerLineFields';
import { useOncePerFilledForm } from '../../components/work-order-fields/useOncePerFilledForm';
import { PriorityField, TitleDescriptionFields } from '../../components/work-order-fields/WorkFields';
import { useLanguage } from '../../i18n/language';
import { CommitmentFields } from './CommitmentFields';
import { EntrustedFields } from './EntrustedFields';
import { EscalationOffer } from './EscalationOffer';
import {
  formNameOf,
  greenChannelRequestOf,
  initialGreenChannelForm,
  placedRefusals,
  type GreenChannelForm,
} from './green-channel-form';
import { useOpenGreenChannel, type GreenChannelRouted } from './green-channel-queries';
import { greenChannelMessages as m, greenChannelTypeLabels } from './messages';
import { Routed } from './Routed';

/**
 * The green channel (热线—营业厅服务绿色通道, GC-1…GC-3) as the hotline duty manager opens it: the request type,
 * the customer (number first), what the customer asks; for an entrusted acceptance the customer's service
 * password (verified by the API, never kept: cleared as soon as it is sent) and the paper documents; and what
 * was promised to the customer. The answer says where the work order went — the home city's response team —
 * or, for a promise beyond the duty manager's authority, the API's refusal with its offer to escalate to the
 * complaint process, taken up with one click as a complaint follow-up work order filled in from this request.
 */
export default function GreenChannelPage() {
  const { t } = useLanguage();
  const [form] = Form.useForm<GreenChannelForm>();
  const open = useOpenGreenChannel();
  const [routed, setRouted] = useState<GreenChannelRouted | null>(null);
  /** One idempotency key per filled form: a double click or a retry is one work order. */
  const once = useOncePerFilledForm();
  const type = Form.useWatch('type', form);
  const entrusted = type === 'entrustedAcceptance';

  const onFinish = (values: GreenChannelForm) =>
    once.submit((idempotencyKey, settled) => {
      // REQ: GC-2 — the password leaves the form as it is sent; the customer says it again for another try.
      const password = { value: entrusted ? values.servicePassword : undefined };
      form.setFieldValue('servicePassword', undefined);
      open.mutate(
        { body: greenChannelRequestOf(values), password, idempotencyKey },
        { onSuccess: setRouted, onSettled: settled },
      );
    });

  const startAgain = () => {
    form.resetFields();
    open.reset();
    once.formChanged();
    setRouted(null);
  };

  if (routed) return <Routed answer={routed} onAnother={startAgain} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <PageHeading variant="form" title={t(m.title)} intro={t(m.intro)} />
      <Form<GreenChannelForm>
        form={form}
        layout="vertical"
        initialValues={initialGreenChannelForm}
        onValuesChange={once.formChanged}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small">
            <Form.Item name="type" label={t(m.type)} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
              <Radio.Group
                options={Object.entries(greenChannelTypeLabels).map(([value, label]) => ({
                  value,
                  label: t(label),
                }))}
              />
            </Form.Item>
          </Card>
          <CustomerLineFields />
          <Card title={t(m.requestSection)} size="small">
            <PriorityField />
            <TitleDescriptionFields descriptionLabel={t(m.description)} />
          </Card>
          {entrusted ? <EntrustedFields /> : null}
          <CommitmentFields />
          <FormErrors form={form} error={open.error} nameOf={formNameOf} fieldsOf={placedRefusals} />
          <EscalationOffer error={open.error} request={open.variables?.body} />
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            {t(m.submit)}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
