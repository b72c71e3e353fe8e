import { Alert, Button, Checkbox, Form, Input, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api-client/client';
import type { paths } from '../../api-client/schema';
import { fieldMessages as f, idTypeLabels } from '../../components/order-fields/messages';
import { PaymentFields, optionsOf } from '../../components/order-fields/OrderFields';
import { useOrderSubmission, type OrderRequest } from '../../components/order-fields/useOrderSubmission';
import { FormErrors } from '../../components/FormErrors';
import { useLanguage } from '../../i18n/language';
import { common } from '../../i18n/messages';
import { lineMessages as m } from './messages';

type CancelIdentity =
  paths['/api/v1/orders/{id}/cancel']['post']['requestBody']['content']['application/json']['identity'];

/** REQ: PC-3 — who came to the counter (the holder, or an agent) and what they showed. */
function PresenterFields() {
  const { t } = useLanguage();
  const presentedBy: unknown = Form.useWatch(['identity', 'presentedBy'], Form.useFormInstance());
  const ids = optionsOf(idTypeLabels, t);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
      <legend style={{ fontSize: 14, marginBottom: 8 }}>{t(f.identityTitle)}</legend>
      <Form.Item name={['identity', 'presentedBy']} label={t(m.presentedBy)} initialValue="holder">
        <Select
          options={[
            { value: 'holder', label: t(m.holder) },
            { value: 'agent', label: t(m.agent) },
          ]}
        />
      </Form.Item>
      {presentedBy === 'agent' ? (
        <>
          <Form.Item name={['identity', 'agentName']} label={t(m.agentName)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name={['identity', 'agentIdType']}
            label={t(m.agentIdType)}
            initialValue="idCard"
            rules={[{ required: true }]}
          >
            <Select options={ids} />
          </Form.Item>
          <Form.Item
            name={['identity', 'agentIdNumber']}
            label={t(m.agentIdNumber)}
            rules={[{ required: true }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name={['identity', 'unitCertificateNo']} label={t(m.unitCertificateNo)}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name={['identity', 'businessLicenceNo']} label={t(m.businessLicenceNo)}>
            <Input autoComplete="off" />
          </Form.Item>
        </>
      ) : (
        <>
          <Form.Item
            name={['identity', 'idType']}
            label={t(f.idType)}
            initialValue="idCard"
            rules={[{ required: true }]}
          >
            <Select options={ids} />
          </Form.Item>
          <Form.Item name={['identity', 'idNumber']} label={t(f.idNumber)} rules={[{ required: true }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </>
      )}
      <Form.Item
        name={['identity', 'originalShown']}
        valuePropName="checked"
        initialValue={true}
        label={t(f.originalShown)}
      >
        <Checkbox />
      </Form.Item>
    </fieldset>
  );
}

/** Blank optional agent documents are left out rather than sent empty. */
function cleanIdentity(identity: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined && v !== ''));
}

/**
 * Pre-cancellation (预销号, PC-1 … PC-4): the reason for leaving, the retention offer and the customer's
 * answer, who came and what they showed, and how the month is settled. The API lets only a customer manager
 * at a designated outlet take it; the page shows the form only with that permission.
 */
export function PreCancellationForm(props: { msisdn: string; onTaken: (orderId: string) => void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm();
  const submit = useOrderSubmission();
  const onFinish = (values: {
    leavingReason: string;
    retention: { offer: string; accepted?: boolean };
    identity: Record<string, unknown>;
    payment: Record<string, unknown>;
  }) => {
    const body = {
      type: 'preCancellation',
      msisdn: props.msisdn,
      leavingReason: values.leavingReason,
      retention: { offer: values.retention.offer, accepted: values.retention.accepted ?? false },
      identity: cleanIdentity(values.identity),
      payment: values.payment,
    };
    submit.mutate(body as OrderRequest, {
      onSuccess: (answer) => {
        form.resetFields();
        props.onTaken(answer.id);
      },
    });
  };
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }}>
      <Form.Item
        name="leavingReason"
        label={t(m.leavingReason)}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Form.Item
        name={['retention', 'offer']}
        label={t(m.retentionOffer)}
        rules={[{ required: true, whitespace: true }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name={['retention', 'accepted']}
        valuePropName="checked"
        initialValue={false}
        label={t(m.retentionAccepted)}
      >
        <Checkbox />
      </Form.Item>
      <PresenterFields />
      <PaymentFields />
      <FormErrors form={form} error={submit.error} />
      <Button type="primary" htmlType="submit" loading={submit.isPending} style={{ marginTop: 16 }}>
        {t(common.submit)} · {t(m.preCancellation)}
      </Button>
    </Form>
  );
}

/**
 * REQ: PC-6 — the holder revokes the pre-cancellation during the grace, showing the original document; the
 * API restores service and the order ends cancelled.
 */
export function RevokePreCancellationForm(props: { orderId: string; onRevoked: (orderId: string) => void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (values: { reason: string; identity: Record<string, unknown> }) =>
      unwrap(
        api.POST('/api/v1/orders/{id}/cancel', {
          params: { path: { id: props.orderId } },
          body: {
            reason: values.reason,
            identity: cleanIdentity(values.identity) as CancelIdentity,
          },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['order', props.orderId] });
      props.onRevoked(props.orderId);
    },
  });
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values: { reason: string; identity: Record<string, unknown> }) => revoke.mutate(values)}
      style={{ maxWidth: 560 }}
    >
      <Alert type="info" showIcon title={t(m.revokeHint)} style={{ marginBottom: 16 }} />
      <Form.Item name="reason" label={t(m.revokeReason)} rules={[{ required: true, whitespace: true }]}>
        <Input />
      </Form.Item>
      <PresenterFields />
      <FormErrors form={form} error={revoke.error} />
      <Button type="primary" danger htmlType="submit" loading={revoke.isPending} style={{ marginTop: 16 }}>
        {t(m.revoke)}
      </Button>
    </Form>
  );
}
