import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../../api-client/client';
import { FormErrors } from '../../../components/FormErrors';
import { refusedFields } from '../../../components/fieldPath';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { type NewOperator } from './access-options';
import { businessHoursOf } from '../business-hours';
import { operatorMessages as m } from './messages';
import { AccessFields, StaffFields } from './OperatorFields';

interface NewOperatorForm {
  id: string;
  name: string;
  password: string;
  roles: NewOperator['roles'];
  channels: string[];
  outlets?: string[];
  businessHours?: string;
  staff?: { outletCode?: string; skills?: string[]; active?: boolean };
}

/**
 * A new operator (工号, CH-2, CH-4): ID, name, initial password, roles, channels, outlets, business hours and,
 * for service staff, the profile dispatch and grabs read (WO-4). The API's refusals show beside their fields;
 * once created, the password is gone from the screen and the operator's page opens.
 */
export function NewOperatorDialog({ onClose }: { onClose: () => void }) {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewOperatorForm>();
  const roles = Form.useWatch('roles', form) ?? [];
  const isStaff = roles.includes('serviceStaff');

  const create = useMutation({
    mutationFn: (body: NewOperator) => unwrap(api.POST('/api/v1/operators', { body })),
    onSuccess: (operator) => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['operators'] });
      void message.success(fill(t(m.created), { id: operator.id }));
      onClose();
      void navigate(`/admin/operators/${encodeURIComponent(operator.id)}`);
    },
  });

  const submit = (values: NewOperatorForm) =>
    create.mutate({
      id: values.id.trim(),
      name: values.name.trim(),
      password: values.password,
      roles: values.roles,
      channels: values.channels,
      outlets: values.outlets && values.outlets.length > 0 ? values.outlets : undefined,
      businessHours: businessHoursOf(values.businessHours),
      staff: isStaff
        ? {
            outletCode: values.staff?.outletCode || undefined,
            skills: values.staff?.skills ?? [],
            active: values.staff?.active ?? true,
          }
        : undefined,
    });

  return (
    <Modal
      open
      width={640}
      title={t(m.newOperator)}
      okText={t(m.create)}
      cancelText={t(m.cancel)}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(m.newOperatorIntro)}</Typography.Paragraph>
      <Form<NewOperatorForm>
        form={form}
        name="new-operator"
        layout="vertical"
        initialValues={{ roles: [], channels: [], outlets: [], staff: { skills: [], active: true } }}
        onFinish={submit}
        scrollToFirstError
      >
        <Form.Item
          name="id"
          label={t(m.id)}
          extra={t(m.idHint)}
          rules={[{ required: true, pattern: /^[a-z0-9_.-]{3,32}$/, message: t(m.idHint) }]}
        >
          <Input maxLength={32} autoComplete="off" />
        </Form.Item>
        <Form.Item name="name" label={t(m.name)} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t(m.password)}
          extra={t(m.passwordHint)}
          rules={[{ required: true }]}
        >
          <Input.Password maxLength={128} autoComplete="new-password" />
        </Form.Item>
        <AccessFields />
        {isStaff ? (
          <>
            <Typography.Title level={5}>{t(m.staffSection)}</Typography.Title>
            <Typography.Paragraph type="secondary">{t(m.staffIntro)}</Typography.Paragraph>
            <StaffFields />
          </>
        ) : null}
        <FormErrors form={form} error={create.error} fieldsOf={refusedFields} />
      </Form>
    </Modal>
  );
}
