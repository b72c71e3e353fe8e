import { Alert, Button, Card, Col, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { FormErrors } from '../../../components/FormErrors';
import { PageHeading } from '../../../components/PageHeading';
import { CustomerLineFields } from '../../../components/work-order-fields/CustomerLineFields';
import { refusedFields } from '../../../components/fieldPath';
import { useOncePerFilledForm } from '../../../components/work-order-fields/useOncePerFilledForm';
import { PriorityField, TitleDescriptionFields } from '../../../components/work-order-fields/WorkFields';
import { useLanguage } from '../../../i18n/language';
import { categoryLabels } from '../messages';
import { startingValues, workOrderRequestOf, type CreateWorkOrderForm } from './create-work-order-form';
import { useCreateWorkOrder } from './create-work-order-queries';
import { createWorkOrderMessages as m } from './messages';
import { prefillOf } from './prefill';

/**
 * A new work order (WO-1): what the work is, how urgent, the customer (number first, looked up when the
 * operator may read lines), where it is and what skill it needs for dispatching (WO-4). Submitted under one
 * idempotency key per filled form, so a double click or a retry is one work order; then its page.
 */
export default function CreateWorkOrderPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const [form] = Form.useForm<CreateWorkOrderForm>();
  const [prefill] = useState(() => prefillOf(search));
  const create = useCreateWorkOrder();
  /** REQ: WO-1 — one idempotency key per filled form: a double click or a retry is one work order. */
  const once = useOncePerFilledForm();

  const onFinish = (values: CreateWorkOrderForm) =>
    once.submit((idempotencyKey, settled) =>
      create.mutate(
        { body: workOrderRequestOf(values), idempotencyKey },
        {
          onSuccess: (answer) => void navigate(`/work-orders/${encodeURIComponent(answer.id)}`),
          onSettled: settled,
        },
      ),
    );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <PageHeading variant="form" title={t(m.title)} intro={t(m.intro)} />
      {prefill.from === 'greenChannel' ? <Alert type="info" showIcon title={t(m.escalated)} /> : null}
      <Form<CreateWorkOrderForm>
        form={form}
        layout="vertical"
        initialValues={startingValues(prefill)}
        onValuesChange={once.formChanged}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <CustomerLineFields />
          <Card title={t(m.workSection)} size="small">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="category" label={t(m.category)} rules={[{ required: true }]}>
                  <Select
                    options={Object.entries(categoryLabels).map(([value, label]) => ({
                      value,
                      label: t(label),
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <PriorityField />
              </Col>
            </Row>
            <TitleDescriptionFields descriptionLabel={t(m.description)} />
          </Card>
          <Card title={t(m.dispatchSection)} size="small">
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name="territory" label={t(m.territory)} extra={t(m.territoryHint)}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="requiredSkill" label={t(m.requiredSkill)} extra={t(m.requiredSkillHint)}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
            </Row>
          </Card>
          <FormErrors form={form} error={create.error} fieldsOf={refusedFields} />
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t(m.submit)}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}
