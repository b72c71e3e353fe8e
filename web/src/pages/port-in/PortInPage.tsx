import { Button, Card, Checkbox, Form, Input, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api-client/client';
import { ErrorAlert } from '../../components/PageState';
import { CustomerFields, PaymentFields } from '../../components/order-fields/OrderFields';
import { useOrderSubmission, type OrderRequest } from '../../components/order-fields/useOrderSubmission';
import { FormErrors } from '../../components/FormErrors';
import { useLanguage } from '../../i18n/language';
import { portInMessages as m } from './messages';

interface PortInValues {
  msisdn: string;
  donorOperator: string;
  authorizationCode: string;
  customer: Record<string, unknown>;
  agreementSigned: boolean;
  channel: 'store' | 'online';
  documentUploads?: string;
  productCode: string;
  payment: Record<string, unknown>;
}

/** The form keeps the uploaded materials as one text, a reference a line; the API names them by index. */
const fieldName = (path: (string | number)[]) => (path[0] === 'documentUploads' ? ['documentUploads'] : path);

/**
 * Port-in (携号转入, MNP-2 … MNP-5): the number and its donor, the donor's authorization code, the customer's
 * identity, the signed agreement, where the customer asks (online needs the uploaded materials), product and
 * payment. Submitted with an idempotency key; then the order page follows the clearing system's answer.
 */
export default function PortInPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const [form] = Form.useForm<PortInValues>();
  const submit = useOrderSubmission();
  const channel = Form.useWatch('channel', form);
  // REQ: OPEN-4 — the product from the catalogue (产品目录).
  const products = useQuery({
    queryKey: ['products'],
    queryFn: () => unwrap(api.GET('/api/v1/products')),
  });

  const onFinish = (values: PortInValues) => {
    const uploads = (values.documentUploads ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const body = {
      ...values,
      type: 'portIn',
      authorizationCode: values.authorizationCode.trim().toUpperCase(),
      documentUploads: uploads.length > 0 ? uploads : undefined,
    };
    submit.mutate(body as OrderRequest, {
      onSuccess: (answer) => void navigate(`/orders/${encodeURIComponent(answer.id)}`),
    });
  };

  return (
    <Card>
      <Typography.Title level={3}>{t(m.title)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(m.hint)}</Typography.Paragraph>
      <Form<PortInValues> form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 640 }}>
        <Form.Item name="msisdn" label={t(m.msisdn)} rules={[{ required: true }]}>
          <Input inputMode="numeric" maxLength={11} />
        </Form.Item>
        <Form.Item
          name="donorOperator"
          label={t(m.donorOperator)}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="authorizationCode" label={t(m.authorizationCode)} rules={[{ required: true }]}>
          <Input maxLength={6} autoComplete="off" />
        </Form.Item>
        <CustomerFields name={['customer']} title={t(m.customer)} />
        <Form.Item
          name="agreementSigned"
          valuePropName="checked"
          initialValue={false}
          label={t(m.agreementSigned)}
          rules={[
            {
              validator: (_, signed: boolean) =>
                signed ? Promise.resolve() : Promise.reject(new Error(t(m.agreementRequired))),
            },
          ]}
        >
          <Checkbox />
        </Form.Item>
        <Form.Item name="channel" label={t(m.channel)} initialValue="store" rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'store', label: t(m.store) },
              { value: 'online', label: t(m.online) },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="documentUploads"
          label={t(m.documentUploads)}
          rules={[{ required: channel === 'online', whitespace: true }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="productCode" label={t(m.productCode)} rules={[{ required: true }]}>
          <Select
            loading={products.isPending}
            options={(products.data?.items ?? []).map((p) => ({
              value: p.code,
              label: `${p.name} (${p.code})`,
            }))}
          />
        </Form.Item>
        {products.error ? <ErrorAlert error={products.error} /> : null}
        <PaymentFields />
        <FormErrors form={form} error={submit.error} nameOf={fieldName} />
        <Button type="primary" htmlType="submit" loading={submit.isPending} style={{ marginTop: 16 }}>
          {t(m.submit)}
        </Button>
      </Form>
    </Card>
  );
}
