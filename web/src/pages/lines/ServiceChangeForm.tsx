import { Fragment } from 'react';
import { Button, Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { fieldMessages as f } from '../../components/order-fields/messages';
import {
  IdentityFields,
  CustomerFields,
  PaymentFields,
  optionsOf,
} from '../../components/order-fields/OrderFields';
import { useOrderSubmission, type OrderRequest } from '../../components/order-fields/useOrderSubmission';
import { FormErrors } from '../../components/FormErrors';
import { useLanguage } from '../../i18n/language';
import { common } from '../../i18n/messages';
import { featureLabels, labelOf, lineMessages as m, serviceChangeLabels, swapReasonLabels } from './messages';
import { serviceChangeBody, serviceChangeFields, type ChangeField } from './serviceChangeFields';

/** One service change on the line, its form generated from the type's field list. */
export function ServiceChangeForm(props: {
  type: string;
  msisdn: string;
  lineStatus: string;
  onTaken: (orderId: string) => void;
}) {
  const { t } = useLanguage();
  const [form] = Form.useForm();
  const submit = useOrderSubmission();
  const fields = serviceChangeFields[props.type] ?? [];
  const onFinish = (values: Record<string, unknown>) =>
    submit.mutate(serviceChangeBody(props.type, props.msisdn, values) as OrderRequest, {
      onSuccess: (answer) => {
        form.resetFields();
        props.onTaken(answer.id);
      },
    });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      aria-label={t(labelOf(serviceChangeLabels, props.type))}
      style={{ maxWidth: 560 }}
    >
      {fields.map((field) => (
        <Fragment key={field}>{fieldGroup(field)}</Fragment>
      ))}
      <FormErrors form={form} error={submit.error} />
      <Button type="primary" htmlType="submit" loading={submit.isPending} style={{ marginTop: 16 }}>
        {t(common.submit)} · {t(labelOf(serviceChangeLabels, props.type))}
      </Button>
    </Form>
  );

  function fieldGroup(field: ChangeField) {
    const lineStatus = props.lineStatus;
    switch (field) {
      case 'reason':
        return (
          <Form.Item name="reason" label={t(f.reason)} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        );
      case 'identity':
        return <IdentityFields name={['identity']} />;
      case 'identityIfLossReported':
        // REQ: CHG-2 — after a loss report only the holder may have the line resumed.
        return (
          <IdentityFields
            name={['identity']}
            required={lineStatus === 'lossReported'}
            title={lineStatus === 'lossReported' ? t(f.identityTitle) : t(f.identityOptional)}
          />
        );
      case 'payment':
        return <PaymentFields />;
      case 'amount':
        return (
          <Form.Item
            name="amountFen"
            label={t(f.amountYuan)}
            rules={[{ required: true }]}
            getValueProps={(fen: number | undefined) => ({
              value: fen === undefined ? undefined : fen / 100,
            })}
            normalize={(yuan: number | null) => (yuan === null ? undefined : Math.round(yuan * 100))}
          >
            <InputNumber min={0.01} step={1} precision={2} style={{ width: 200 }} />
          </Form.Item>
        );
      case 'newMsisdn':
        return (
          <Form.Item name="newMsisdn" label={t(f.newMsisdn)}>
            <Input inputMode="numeric" maxLength={11} />
          </Form.Item>
        );
      case 'swapReason':
        return (
          <Form.Item name="reason" label={t(f.swapReason)} rules={[{ required: true }]}>
            <Select options={optionsOf(swapReasonLabels, t)} />
          </Form.Item>
        );
      case 'customerData':
        return (
          <>
            <Form.Item name="name" label={t(f.name)}>
              <Input />
            </Form.Item>
            <Form.Item name="address" label={t(f.address)}>
              <Input />
            </Form.Item>
            <Form.Item name="contactPhone" label={t(f.contactPhone)}>
              <Input />
            </Form.Item>
            <Form.Item name="servicePassword" label={t(f.servicePassword)}>
              <Input.Password autoComplete="new-password" maxLength={6} />
            </Form.Item>
          </>
        );
      case 'newOwner':
        return <CustomerFields name={['newOwner']} title={t(m.newOwner)} />;
      case 'features':
        return (
          <>
            <Form.Item name="add" label={t(m.featuresAdd)}>
              <Checkbox.Group options={optionsOf(featureLabels, t)} />
            </Form.Item>
            <Form.Item name="remove" label={t(m.featuresRemove)}>
              <Checkbox.Group options={optionsOf(featureLabels, t)} />
            </Form.Item>
          </>
        );
      case 'discountCode':
        return (
          <Form.Item name="discountCode" label={t(m.discountCode)}>
            <Input />
          </Form.Item>
        );
    }
  }
}
