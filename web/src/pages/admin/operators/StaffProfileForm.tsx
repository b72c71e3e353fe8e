import { Alert, App, Button, Card, Form, Typography } from 'antd';
import { FormErrors } from '../../../components/FormErrors';
import { refusedFields } from '../../../components/fieldPath';
import { useLanguage } from '../../../i18n/language';
import { useChangeOperator, type Operator } from './access-options';
import { operatorMessages as m } from './messages';
import { StaffFields } from './OperatorFields';

interface StaffValues {
  staff: { outletCode?: string; skills: string[]; active: boolean };
}

/**
 * REQ: WO-4 — a technician's service-staff profile (服务人员资料): the outlet it works from, its skills and
 * whether it takes work; dispatch and grabs follow at once. Kept, but unused, once the role is gone.
 */
export function StaffProfileForm({
  operator,
}: {
  operator: Operator & { staff: NonNullable<Operator['staff']> };
}) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffValues>();
  const change = useChangeOperator(operator.id);
  const { staff } = operator;
  return (
    <Card title={t(m.staffSection)} size="small">
      <Typography.Paragraph type="secondary">{t(m.staffIntro)}</Typography.Paragraph>
      {operator.roles.includes('serviceStaff') ? null : (
        <Alert type="warning" showIcon title={t(m.staffUnused)} style={{ marginBottom: 16 }} />
      )}
      <Form<StaffValues>
        form={form}
        name="operator-staff"
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{
          staff: { outletCode: staff.outletCode, skills: staff.skills, active: staff.active },
        }}
        onFinish={(values) =>
          change.mutate(
            {
              staff: {
                outletCode: values.staff.outletCode || undefined,
                skills: values.staff.skills,
                active: values.staff.active,
              },
            },
            { onSuccess: () => void message.success(t(m.saved)) },
          )
        }
      >
        <StaffFields />
        <FormErrors form={form} error={change.error} fieldsOf={refusedFields} />
        <Button type="primary" htmlType="submit" loading={change.isPending} style={{ marginTop: 8 }}>
          {t(m.save)}
        </Button>
      </Form>
    </Card>
  );
}
