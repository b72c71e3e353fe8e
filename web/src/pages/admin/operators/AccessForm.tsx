import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { FormErrors } from '../../../components/FormErrors';
import { refusedFields } from '../../../components/fieldPath';
import { useLanguage } from '../../../i18n/language';
import { useChangeOperator, type Operator, type OperatorChange } from './access-options';
import { businessHoursOf } from '../business-hours';
import { operatorMessages as m } from './messages';
import { AccessFields, StaffFields } from './OperatorFields';

interface AccessValues {
  name: string;
  roles: NonNullable<OperatorChange['roles']>;
  channels: string[];
  outlets: string[];
  businessHours?: string;
  staff?: { outletCode?: string; skills?: string[]; active?: boolean };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * REQ: CH-2, CH-4 — the operator's name, roles, channels, outlets and business hours, changed in one save.
 * Only what changed is sent: a change of channels or outlets signs the operator out everywhere, so an
 * unchanged set must not be sent again. Giving the service-staff role to one without a profile asks for the
 * profile in the same save (WO-4).
 */
export function AccessForm({ operator }: { operator: Operator }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<AccessValues>();
  const change = useChangeOperator(operator.id);
  const roles = Form.useWatch('roles', form) ?? operator.roles;
  const needsProfile = roles.includes('serviceStaff') && operator.staff === null;

  const submit = (values: AccessValues) => {
    const body: OperatorChange = {};
    if (values.name.trim() !== operator.name) body.name = values.name.trim();
    if (!sameSet(values.roles, operator.roles)) body.roles = values.roles;
    if (!sameSet(values.channels, operator.channels)) body.channels = values.channels;
    if (!sameSet(values.outlets, operator.outlets)) body.outlets = values.outlets;
    const hours = businessHoursOf(values.businessHours) ?? null;
    if (hours !== operator.businessHours) body.businessHours = hours;
    if (needsProfile) {
      body.staff = {
        outletCode: values.staff?.outletCode || undefined,
        skills: values.staff?.skills ?? [],
        active: values.staff?.active ?? true,
      };
    }
    if (Object.keys(body).length === 0) {
      void message.info(t(m.nothingChanged));
      return;
    }
    change.mutate(body, { onSuccess: () => void message.success(t(m.saved)) });
  };

  return (
    <Card title={t(m.access)} size="small">
      <Typography.Paragraph type="secondary">{t(m.accessIntro)}</Typography.Paragraph>
      <Form<AccessValues>
        form={form}
        name="operator-access"
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{
          name: operator.name,
          roles: operator.roles as AccessValues['roles'],
          channels: operator.channels,
          outlets: operator.outlets,
          businessHours: operator.businessHours ?? '',
          staff: { skills: [], active: true },
        }}
        onFinish={submit}
      >
        <Form.Item name="name" label={t(m.name)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <AccessFields />
        {needsProfile ? (
          <>
            <Alert type="info" showIcon title={t(m.staffIntro)} style={{ marginBottom: 16 }} />
            <StaffFields />
          </>
        ) : null}
        <FormErrors form={form} error={change.error} fieldsOf={refusedFields} />
        <Button type="primary" htmlType="submit" loading={change.isPending} style={{ marginTop: 8 }}>
          {t(m.save)}
        </Button>
      </Form>
    </Card>
  );
}
