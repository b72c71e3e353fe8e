import { App, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { FormErrors } from '../../../components/FormErrors';
import { ErrorAlert } from '../../../components/PageState';
import { refusedFields } from '../../../components/fieldPath';
import { useSession } from '../../../app/session';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { ConfirmDialog } from '../ConfirmDialog';
import { useChangeOperator, type Operator } from './access-options';
import { operatorMessages as m } from './messages';

type Pending = 'password' | 'active' | null;

/**
 * The operator's account (CH-2): reset its password (entered once, never shown again), lift a lockout after
 * wrong passwords, and disable or enable it after a confirmation. Administrators cannot disable themselves
 * (the API refuses; the button is not offered).
 */
export function AccountActions({ operator }: { operator: Operator }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const session = useSession();
  const [pending, setPending] = useState<Pending>(null);
  const unlock = useChangeOperator(operator.id);
  const toggle = useChangeOperator(operator.id);
  const locked = operator.lockedUntil !== null && dayjs(operator.lockedUntil).isAfter(dayjs());
  const self = session?.operator.id === operator.id;

  const setActive = () =>
    toggle.mutate(
      { active: !operator.active },
      {
        onSuccess: (changed) => {
          setPending(null);
          void message.success(t(changed.active ? m.enabled : m.disabled));
        },
      },
    );

  return (
    <Card title={t(m.accountActions)} size="small">
      <Space wrap>
        <Button onClick={() => setPending('password')}>{t(m.resetPassword)}</Button>
        {locked || operator.failedLogins > 0 ? (
          <Button
            loading={unlock.isPending}
            onClick={() =>
              unlock.mutate({ unlock: true }, { onSuccess: () => void message.success(t(m.unlocked)) })
            }
          >
            {t(m.unlock)}
          </Button>
        ) : null}
        {self ? null : operator.active ? (
          <Button danger onClick={() => setPending('active')}>
            {t(m.disable)}
          </Button>
        ) : (
          <Button onClick={() => setPending('active')}>{t(m.enable)}</Button>
        )}
      </Space>
      {unlock.error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={unlock.error} />
        </div>
      ) : null}
      {pending === 'password' ? (
        <ResetPasswordDialog operatorId={operator.id} onClose={() => setPending(null)} />
      ) : null}
      {pending === 'active' ? (
        <ConfirmDialog
          title={fill(t(operator.active ? m.disableTitle : m.enableTitle), { id: operator.id })}
          text={t(operator.active ? m.disableText : m.enableText)}
          okText={t(operator.active ? m.disable : m.enable)}
          cancelText={t(m.cancel)}
          danger={operator.active}
          running={toggle.isPending}
          error={toggle.error}
          onOk={setActive}
          onCancel={() => {
            toggle.reset();
            setPending(null);
          }}
        />
      ) : null}
    </Card>
  );
}

/** REQ: CH-2 — a new password, checked by the API's rule (shown beside the field); signs the operator out. */
function ResetPasswordDialog({ operatorId, onClose }: { operatorId: string; onClose: () => void }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useChangeOperator(operatorId);
  return (
    <Modal
      open
      title={`${t(m.resetPassword)} · ${operatorId}`}
      okText={t(m.resetPassword)}
      cancelText={t(m.cancel)}
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t(m.resetPasswordIntro)}</Typography.Paragraph>
      <Form
        form={form}
        name="reset-password"
        layout="vertical"
        onFinish={(values) =>
          reset.mutate(
            { password: values.password },
            {
              onSuccess: () => {
                void message.success(t(m.passwordReset));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="password"
          label={t(m.newPassword)}
          extra={t(m.passwordHint)}
          rules={[{ required: true }]}
        >
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
        <FormErrors form={form} error={reset.error} fieldsOf={refusedFields} />
      </Form>
    </Modal>
  );
}
