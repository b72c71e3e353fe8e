import { Button, Card, Form, Input, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLanguage } from '../../i18n/language';
import { lineMessages as m } from './messages';

/** Line services (号码业务): look a line up by its number, then serve it on the line page. */
export default function LineLookupPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  return (
    <Card>
      <Typography.Title level={3}>{t(m.lookupTitle)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(m.lookupHint)}</Typography.Paragraph>
      <Form<{ msisdn: string }>
        layout="inline"
        onFinish={({ msisdn }) => void navigate(`/lines/${msisdn.trim()}`)}
      >
        <Form.Item
          name="msisdn"
          label={t(m.msisdn)}
          rules={[{ required: true, pattern: /^\s*1\d{10}\s*$/, message: t(m.msisdnRule) }]}
        >
          <Input inputMode="numeric" maxLength={13} autoFocus style={{ width: 220 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t(m.lookUp)}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
