import { Button, Card, Form, Input } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api-client/client';
import { startSession } from '../../app/session';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { ErrorAlert } from '../../components/PageState';
import { useLanguage } from '../../i18n/language';
import { common } from '../../i18n/messages';

interface SignInForm {
  operatorId: string;
  password: string;
  channelCode: string;
  outletCode?: string;
}

/** Sign-in: operator, password and channel (CH-2); the API's refusals shown as staff read them. */
export function SignInPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const signIn = useMutation({
    mutationFn: (body: SignInForm) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (answer) => {
      startSession(answer);
      void navigate(from, { replace: true });
    },
  });
  return (
    <main style={{ display: 'flex', justifyContent: 'center', paddingTop: 96 }}>
      <Card title={t(common.appTitle)} extra={<LanguageSwitch />} style={{ width: 400 }}>
        <Form<SignInForm> layout="vertical" onFinish={(v) => signIn.mutate(v)}>
          <Form.Item
            name="operatorId"
            label={t({ zh: '工号', en: 'Operator ID' })}
            rules={[{ required: true }]}
          >
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t({ zh: '密码', en: 'Password' })} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="channelCode"
            label={t({ zh: '渠道接口编码', en: 'Channel code' })}
            rules={[{ required: true }]}
          >
            <Input />
          </Form.Item>
          <ErrorAlert error={signIn.error} />
          <Button type="primary" htmlType="submit" block loading={signIn.isPending} style={{ marginTop: 16 }}>
            {t({ zh: '登录', en: 'Sign in' })}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
