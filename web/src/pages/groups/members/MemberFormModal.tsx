import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ApiError } from '../../../api-client/client';
import { type FieldError } from '../../../api-client/client';
import { FormErrors } from '../../../components/FormErrors';
import { SpecFields } from '../../../components/spec-fields/SpecFields';
import { initialSpecFields, specIssues } from '../../../components/spec-fields/spec-rules';
import { useOncePerFilledForm } from '../../../components/work-order-fields/useOncePerFilledForm';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { memberAddRequest, memberChangeRequest } from './member-form';
import { useMemberOrder, type GroupProductKey, type Member, type MemberSpec } from './member-queries';
import { membersMessages as m } from './messages';

interface FormValues {
  msisdn?: string;
  attributes?: Record<string, unknown>;
}

/**
 * Add a member (GRP-6) or change one's attributes (GRP-7) in a dialog: the member specification rendered as
 * fields, submitted as an order under one idempotency key per filled form; `onTaken` gets the order's ID.
 */
export function MemberFormModal(props: {
  product: GroupProductKey;
  memberSpec: MemberSpec;
  /** The member to change; none to add one. */
  member: Member | null;
  onClose: () => void;
  onTaken: (orderId: string) => void;
}) {
  const { t } = useLanguage();
  const [form] = Form.useForm<FormValues>();
  const order = useMemberOrder();
  const once = useOncePerFilledForm();
  const [nothingChanged, setNothingChanged] = useState(false);
  const { member } = props;
  const title = member ? fill(t(m.changeTitle), { msisdn: member.msisdn }) : t(m.add);

  const onFinish = (values: FormValues) => {
    const attributes = values.attributes ?? {};
    const body = member
      ? memberChangeRequest(
          { ...props.product, msisdn: member.msisdn },
          props.memberSpec,
          attributes,
          member.attributes,
        )
      : memberAddRequest({ ...props.product, msisdn: values.msisdn ?? '' }, props.memberSpec, attributes);
    setNothingChanged(body === null);
    if (body === null) return;
    once.submit((idempotencyKey, settled) =>
      order.mutate(
        { body, idempotencyKey },
        { onSuccess: (answer) => props.onTaken(answer.id), onSettled: settled },
      ),
    );
  };

  return (
    <Modal
      open
      title={title}
      onCancel={props.onClose}
      okText={t(member ? m.submitChange : m.submitAdd)}
      onOk={() => form.submit()}
      confirmLoading={order.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t(member ? m.changeIntro : m.addIntro)}</Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        aria-label={title}
        initialValues={{ attributes: initialSpecFields(props.memberSpec, member?.attributes) }}
        onValuesChange={() => {
          once.formChanged();
          setNothingChanged(false);
        }}
        onFinish={onFinish}
      >
        {member ? null : (
          <Form.Item
            name="msisdn"
            label={t(m.msisdn)}
            htmlFor="member-msisdn"
            rules={[{ required: true, pattern: /^1\d{10}$/, message: t(m.msisdnRule) }]}
          >
            <Input id="member-msisdn" inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
        )}
        <SpecFields spec={props.memberSpec} name={['attributes']} partial={member !== null} />
        {nothingChanged ? (
          <Typography.Text type="danger" role="alert">
            {t(m.nothingChanged)}
          </Typography.Text>
        ) : null}
        <FormErrors form={form} error={order.error} fieldsOf={refusedAttributes} />
      </Form>
    </Modal>
  );
}

/**
 * The fields a member order's refusal names: a validation refusal lists them in both languages; the member
 * specification's refusal (InvalidProductAttributes) lists `{ path, rule }`.
 */
function refusedAttributes(error: ApiError): FieldError[] {
  return error.fieldErrors.length > 0 ? error.fieldErrors : specIssues(error.details);
}
