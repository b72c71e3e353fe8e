import { Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { api, ApiError, unwrap } from '../../api-client/client';
import { lastEndReason, startSession, useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../components/PageState';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useLanguage } from '../../i18n/language';
import { common, type Bilingual } from '../../i18n/messages';
import { fill } from '../../i18n/fill';
import { signInMessages as m } from './messages';

interface SignInForm {
  operatorId: string;
  password: string;
  channelCode: string;
  outletCode?: string;
}

/** The channel last signed in through in this browser, filled in next time. */
const LAST_CHANNEL_KEY = 'console.lastChannel';

/** The outlets a refusal names when the operator must choose one (CH-2: `details.outlets`). */
function outletsOf(error: unknown): string[] | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code !== 'OutletNotAllowed' && error.code !== 'BusinessRuleViolated') return null;
  const outlets = (error.details as { outlets?: unknown } | null | undefined)?.outlets;
  return Array.isArray(outlets) && outlets.every((o) => typeof o === 'string') && outlets.length > 0
    ? outlets
    : null;
}

const localTime = (iso: unknown) => (typeof iso === 'string' ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');

/**
 * A sign-in refusal as staff read it, in the chosen language (CH-2, CH-4): what is wrong and what to do; the
 * times the API gives (locked until, opens at) in this computer's local time. Other refusals show the API's
 * own reason or message.
 */
function SignInRefusal({ error }: { error: unknown }) {
  const { t } = useLanguage();
  if (!(error instanceof ApiError)) return <ErrorAlert error={error} />;
  const details = (error.details ?? {}) as Record<string, unknown>;
  let text: Bilingual | null = null;
  let values: Record<string, string> = {};
  switch (error.code) {
    case 'InvalidCredentials':
      text = m.invalidCredentials;
      break;
    case 'AccountLocked':
      text = m.accountLocked;
      values = { until: localTime(details.lockedUntil) };
      break;
    case 'OutsideBusinessHours':
      text = details.opensAt ? m.outsideBusinessHours : m.outsideBusinessHoursNoOpening;
      values = {
        window: typeof details.window === 'string' ? details.window : '—',
        opensAt: localTime(details.opensAt),
      };
      break;
    case 'ChannelNotAllowed':
      text = m.channelNotAllowed;
      break;
    case 'OutletNotAllowed':
      text = m.outletNotAllowed;
      break;
    case 'BusinessRuleViolated':
      if (outletsOf(error)) text = m.outletNeeded;
      break;
    case 'RateLimited':
      text = m.rateLimited;
      break;
  }
  if (!text) return <ErrorAlert error={error} />;
  return (
    <Alert
      type={error.code === 'BusinessRuleViolated' ? 'warning' : 'error'}
      showIcon
      role="alert"
      data-testid="sign-in-error"
      title={
        <span>
          {fill(t(text), values)} <code>{error.code}</code>
        </span>
      }
    />
  );
}

/**
 * Sign-in: operator ID, password and channel code (CH-2), and the outlet when the operator works at several;
 * the API's refusals shown as staff read them, in either language; after a session ended by the API (401) it
 * says so (UI-1).
 */
export function SignInPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const [form] = Form.useForm<SignInForm>();
  const [outlets, setOutlets] = useState<string[] | null>(null);
  const [expired] = useState(() => lastEndReason() === 'expired');
  usePageTitle(m.title);
  const from = (location.state as { from?: string } | null)?.from ?? '/';

  const signIn = useMutation({
    mutationFn: (body: SignInForm) => unwrap(api.POST('/api/v1/auth/login', { body })),
    onSuccess: (answer, body) => {
      localStorage.setItem(LAST_CHANNEL_KEY, body.channelCode);
      startSession(answer);
      void navigate(from, { replace: true });
    },
    onError: (error) => {
      const offered = outletsOf(error);
      if (offered) {
        setOutlets(offered);
        const chosen = form.getFieldValue('outletCode') as string | undefined;
        if (chosen && !offered.includes(chosen)) form.setFieldValue('outletCode', undefined);
      }
    },
  });

  if (session && !signIn.isPending && !signIn.isSuccess) return <Navigate to="/" replace />;

  const required = (field: Bilingual) => [
    { required: true, message: fill(t(m.required), { field: t(field) }) },
  ];
  return (
    <div style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <header
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          padding: '12px 24px',
        }}
      >
        <Typography.Text strong>{t(common.appTitle)}</Typography.Text>
        <LanguageSwitch size="middle" />
      </header>
      <main style={{ display: 'flex', justifyContent: 'center', paddingTop: 48 }}>
        <Card style={{ width: 440 }}>
          <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
            {t(m.title)}
          </Typography.Title>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            {expired && !signIn.error ? (
              <Alert type="warning" showIcon role="status" title={t(m.sessionExpired)} />
            ) : null}
            <Form<SignInForm>
              form={form}
              layout="vertical"
              requiredMark={false}
              initialValues={{ channelCode: localStorage.getItem(LAST_CHANNEL_KEY) ?? '' }}
              onValuesChange={(changed: Partial<SignInForm>) => {
                // Another operator or channel: the outlets offered for the last one no longer apply.
                if ('operatorId' in changed || 'channelCode' in changed) setOutlets(null);
              }}
              onFinish={(values) =>
                signIn.mutate({
                  operatorId: values.operatorId.trim(),
                  password: values.password,
                  channelCode: values.channelCode.trim(),
                  ...(outlets && values.outletCode ? { outletCode: values.outletCode } : {}),
                })
              }
            >
              <Form.Item name="operatorId" label={t(m.operatorId)} rules={required(m.operatorId)}>
                <Input autoComplete="username" />
              </Form.Item>
              <Form.Item name="password" label={t(m.password)} rules={required(m.password)}>
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                name="channelCode"
                label={t(m.channelCode)}
                extra={t(m.channelHint)}
                rules={required(m.channelCode)}
              >
                <Input autoComplete="on" spellCheck={false} />
              </Form.Item>
              {outlets ? (
                <Form.Item
                  name="outletCode"
                  label={t(m.outlet)}
                  extra={t(m.outletHint)}
                  rules={[{ required: true, message: t(m.outletRequired) }]}
                >
                  <Select options={outlets.map((code) => ({ value: code, label: code }))} />
                </Form.Item>
              ) : null}
              {signIn.error ? <SignInRefusal error={signIn.error} /> : null}
              <Button
                type="primary"
                htmlType="submit"
                block
                loading={signIn.isPending}
                style={{ marginTop: 16 }}
              >
                {t(m.signIn)}
              </Button>
            </Form>
          </Space>
        </Card>
      </main>
    </div>
  );
}
