import { Alert, Button, Form, List, Result, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api-client/client';
import { ErrorAlert } from '../../components/PageState';
import { IdentityFields } from '../../components/order-fields/OrderFields';
import { useOrderSubmission, type OrderRequest } from '../../components/order-fields/useOrderSubmission';
import { FormErrors } from '../../components/FormErrors';
import { useLanguage } from '../../i18n/language';
import { common } from '../../i18n/messages';
import { lineMessages as m } from './messages';

/**
 * Port-out (携号转出, MNP-1, MNP-5): the holder's identity; the API draws the authorization code and texts it to
 * the holder's phone. The console never sees the code — the order shows when it was sent and until when.
 */
export function PortOutForm(props: { msisdn: string; onTaken: (orderId: string) => void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm();
  const submit = useOrderSubmission();
  const onFinish = (values: { identity: { idType: string; idNumber: string } }) =>
    submit.mutate({ type: 'portOut', msisdn: props.msisdn, identity: values.identity } as OrderRequest, {
      onSuccess: (answer) => {
        form.resetFields();
        props.onTaken(answer.id);
      },
    });
  return (
    <Form form={form} layout="vertical" onFinish={onFinish} style={{ maxWidth: 560 }}>
      <Alert type="info" showIcon title={t(m.portOutHint)} style={{ marginBottom: 16 }} />
      <IdentityFields name={['identity']} />
      <FormErrors form={form} error={submit.error} />
      <Button type="primary" htmlType="submit" loading={submit.isPending} style={{ marginTop: 16 }}>
        {t(common.submit)} · {t(m.portOut)}
      </Button>
    </Form>
  );
}

/** REQ: MNP-1 — may this number port out? Every condition that fails is listed with its own reason. */
export function MnpEligibility({ msisdn }: { msisdn: string }) {
  const { t, language } = useLanguage();
  const [asked, setAsked] = useState(false);
  const check = useQuery({
    queryKey: ['mnp-eligibility', msisdn],
    queryFn: () => unwrap(api.GET('/api/v1/mnp/eligibility', { params: { query: { msisdn } } })),
    enabled: asked,
  });
  const data = check.data;
  return (
    <div>
      <Button
        onClick={() => (asked ? void check.refetch() : setAsked(true))}
        loading={check.isFetching}
        style={{ marginBottom: 16 }}
      >
        {t(m.checkEligibility)}
      </Button>
      {check.error ? <ErrorAlert error={check.error} /> : null}
      {asked && check.isPending ? <Spin /> : null}
      {data ? (
        data.eligible ? (
          <Result status="success" title={t(m.eligible)} />
        ) : (
          <Alert
            type="warning"
            showIcon
            title={t(m.notEligible)}
            description={
              <List
                size="small"
                data-testid="mnp-failures"
                dataSource={data.failures}
                renderItem={(failure) => (
                  <List.Item>
                    {language === 'zh' ? failure.reason : failure.message} <code>{failure.code}</code>
                  </List.Item>
                )}
              />
            }
          />
        )
      ) : null}
    </div>
  );
}
