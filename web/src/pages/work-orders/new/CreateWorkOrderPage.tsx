import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { newIdempotencyKey } from '../../../api-client/client';
import { FormErrors } from '../../../components/FormErrors';
import { CustomerLineFields } from '../../../components/work-order-fields/CustomerLineFields';
import { refusedFields } from '../../../components/work-order-fields/refusals';
import { useLanguage } from '../../../i18n/language';
import { categoryLabels, priorityLabels } from '../messages';
import { startingValues, workOrderRequestOf, type CreateWorkOrderForm } from './create-work-order-form';
import { useCreateWorkOrder } from './create-work-order-queries';
import { createWorkOrderMessages as m } from './messages';
import { prefillOf } from './prefill';

const required = [{ required: true, whitespace: true }];

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
  /** REQ: WO-1 — made once per filled form, dropped when the form changes. */
  const idempotencyKey = useRef<string | null>(null);
  const submitting = useRef(false);

  const onFinish = (values: CreateWorkOrderForm) => {
    if (submitting.current) return;
    submitting.current = true;
    idempotencyKey.current ??= newIdempotencyKey();
    create.mutate(
      { body: workOrderRequestOf(values), idempotencyKey: idempotencyKey.current },
      {
        onSuccess: (answer) => void navigate(`/work-orders/${encodeURIComponent(answer.id)}`),
        onSettled: () => {
          submitting.current = false;
        },
      },
    );
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(m.intro)}</Typography.Paragraph>
      </div>
      {prefill.from === 'greenChannel' ? <Alert type="info" showIcon title={t(m.escalated)} /> : null}
      <Form<CreateWorkOrderForm>
        form={form}
        layout="vertical"
        initialValues={startingValues(prefill)}
        onValuesChange={() => {
          idempotencyKey.current = null;
        }}
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
                <Form.Item name="priority" label={t(m.priority)} rules={[{ required: true }]}>
                  <Radio.Group
                    optionType="button"
                    options={Object.entries(priorityLabels).map(([value, label]) => ({
                      value,
                      label: `${value} ${t(label)}`,
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="title" label={t(m.workTitle)} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="description" label={t(m.description)} rules={required}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
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
