import { Card, Col, Form, Input, Radio, Row } from 'antd';
import { useEffect } from 'react';
import { useLanguage } from '../../i18n/language';
import { orderMessages as m } from './messages';

const required = [{ required: true, whitespace: true }];

/**
 * REQ: OPEN-5 — how the customer pays: cash, a bank card with its holder's ID number, or (an enterprise only)
 * a corporate account with its seal card; the bank checks either account before anything is charged.
 */
export function PaymentFields() {
  const { t } = useLanguage();
  const form = Form.useFormInstance();
  const method = Form.useWatch(['payment', 'method'], form) as string | undefined;
  const kind = Form.useWatch(['customer', 'kind'], form) as string | undefined;
  const enterprise = kind === 'enterprise';
  useEffect(() => {
    if (!enterprise && method === 'corporateAccount') form.setFieldValue(['payment', 'method'], 'cash');
  }, [enterprise, method, form]);
  return (
    <Card title={t(m.paymentSection)} size="small">
      <Form.Item name={['payment', 'method']} label={t(m.paymentMethod)}>
        <Radio.Group
          options={[
            { value: 'cash', label: t(m.cash) },
            { value: 'bankCard', label: t(m.bankCard) },
            {
              value: 'corporateAccount',
              label: enterprise ? t(m.corporateAccount) : `${t(m.corporateAccount)} (${t(m.corporateOnly)})`,
              disabled: !enterprise,
            },
          ]}
        />
      </Form.Item>
      {method === 'bankCard' ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['payment', 'cardNo']} label={t(m.cardNo)} rules={required}>
              <Input maxLength={19} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['payment', 'holderIdNumber']} label={t(m.holderIdNumber)} rules={required}>
              <Input maxLength={32} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      {method === 'corporateAccount' ? (
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name={['payment', 'bankAccountNo']} label={t(m.bankAccountNo)} rules={required}>
              <Input maxLength={30} inputMode="numeric" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name={['payment', 'sealCardNo']} label={t(m.sealCardNo)} rules={required}>
              <Input maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
    </Card>
  );
}
