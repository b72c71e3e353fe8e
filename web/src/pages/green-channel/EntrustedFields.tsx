import { Card, Col, Form, Input, Radio, Row } from 'antd';
import { useLanguage } from '../../i18n/language';
import { greenChannelMessages as m } from './messages';

/** REQ: GC-2 — entrusted acceptance: the customer's service password and what to do with paper documents. */
export function EntrustedFields() {
  const { t } = useLanguage();
  return (
    <Card title={t(m.entrustedSection)} size="small">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="servicePassword"
            label={t(m.servicePassword)}
            extra={t(m.servicePasswordHint)}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t(m.servicePasswordRule) }]}
          >
            <Input.Password maxLength={6} inputMode="numeric" autoComplete="off" visibilityToggle={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="paperDocuments" label={t(m.paperDocuments)}>
            <Radio.Group
              options={[
                { value: 'none', label: t(m.paperNone) },
                { value: 'send', label: t(m.paperSend) },
                { value: 'collect', label: t(m.paperCollect) },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
