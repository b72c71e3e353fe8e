import { Button, Form, Input } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useLanguage } from '../../../i18n/language';
import { numberMessages as m } from './messages';

/** Straight to one number's page by its digits. */
export function OpenNumber() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  return (
    <Form
      layout="inline"
      aria-label={t(m.open)}
      onFinish={(v: { msisdn: string }) => void navigate(`/admin/numbers/${v.msisdn.trim()}`)}
    >
      <Form.Item
        name="msisdn"
        label={t(m.open)}
        htmlFor="open-msisdn"
        rules={[{ required: true, pattern: /^\s*1\d{10}\s*$/, message: t(m.msisdnRule) }]}
      >
        <Input id="open-msisdn" inputMode="numeric" maxLength={13} style={{ width: 180 }} />
      </Form.Item>
      <Button htmlType="submit">{t(m.openButton)}</Button>
    </Form>
  );
}
