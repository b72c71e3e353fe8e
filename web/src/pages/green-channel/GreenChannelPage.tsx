import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../api-client/client';
import { FormErrors } from '../../components/FormErrors';
import { CustomerLineFields } from '../../components/work-order-fields/CustomerLineFields';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { labelFor } from '../../i18n/messages';
import { priorityLabels } from '../work-orders/messages';
import { newWorkOrderHref } from '../work-orders/new/prefill';
import {
  commitmentRefusal,
  formNameOf,
  greenChannelRequestOf,
  initialGreenChannelForm,
  placedRefusals,
  type CommitmentKind,
  type GreenChannelForm,
} from './green-channel-form';
import {
  useOpenGreenChannel,
  type GreenChannelRequest,
  type GreenChannelRouted,
} from './green-channel-queries';
import {
  cityLabels,
  commitmentKindLabels,
  greenChannelMessages as m,
  greenChannelTypeLabels,
} from './messages';

const required = [{ required: true, whitespace: true }];

/**
 * The green channel (热线—营业厅服务绿色通道, GC-1…GC-3) as the hotline duty manager opens it: the request type,
 * the customer (number first), what the customer asks; for an entrusted acceptance the customer's service
 * password (verified by the API, never kept: cleared as soon as it is sent) and the paper documents; and what
 * was promised to the customer. The answer says where the work order went — the home city's response team —
 * or, for a promise beyond the duty manager's authority, the API's refusal with its offer to escalate to the
 * complaint process, taken up with one click as a complaint follow-up work order filled in from this request.
 */
export default function GreenChannelPage() {
  const { t } = useLanguage();
  const [form] = Form.useForm<GreenChannelForm>();
  const open = useOpenGreenChannel();
  const [routed, setRouted] = useState<GreenChannelRouted | null>(null);
  /** Made once per filled form, dropped when the form changes: a double click or a retry is one work order. */
  const idempotencyKey = useRef<string | null>(null);
  const submitting = useRef(false);
  const type = Form.useWatch('type', form);
  const entrusted = type === 'entrustedAcceptance';

  const onFinish = (values: GreenChannelForm) => {
    if (submitting.current) return;
    submitting.current = true;
    idempotencyKey.current ??= newIdempotencyKey();
    // REQ: GC-2 — the password leaves the form as it is sent; the customer says it again for another try.
    const password = { value: entrusted ? values.servicePassword : undefined };
    form.setFieldValue('servicePassword', undefined);
    open.mutate(
      { body: greenChannelRequestOf(values), password, idempotencyKey: idempotencyKey.current },
      {
        onSuccess: setRouted,
        onSettled: () => {
          submitting.current = false;
        },
      },
    );
  };

  const startAgain = () => {
    form.resetFields();
    open.reset();
    idempotencyKey.current = null;
    setRouted(null);
  };

  if (routed) return <Routed answer={routed} onAnother={startAgain} />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t(m.intro)}</Typography.Paragraph>
      </div>
      <Form<GreenChannelForm>
        form={form}
        layout="vertical"
        initialValues={initialGreenChannelForm}
        onValuesChange={() => {
          idempotencyKey.current = null;
        }}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small">
            <Form.Item name="type" label={t(m.type)} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
              <Radio.Group
                options={Object.entries(greenChannelTypeLabels).map(([value, label]) => ({
                  value,
                  label: t(label),
                }))}
              />
            </Form.Item>
          </Card>
          <CustomerLineFields />
          <Card title={t(m.requestSection)} size="small">
            <Form.Item name="priority" label={t(m.priority)} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={Object.entries(priorityLabels).map(([value, label]) => ({
                  value,
                  label: `${value} ${t(label)}`,
                }))}
              />
            </Form.Item>
            <Form.Item name="title" label={t(m.workTitle)} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="description" label={t(m.description)} rules={required}>
              <Input.TextArea rows={4} maxLength={2000} showCount />
            </Form.Item>
          </Card>
          {entrusted ? <EntrustedFields /> : null}
          <CommitmentFields />
          <FormErrors form={form} error={open.error} nameOf={formNameOf} fieldsOf={placedRefusals} />
          <EscalationOffer error={open.error} request={open.variables?.body} />
          <Button type="primary" htmlType="submit" loading={open.isPending}>
            {t(m.submit)}
          </Button>
        </Space>
      </Form>
    </Space>
  );
}

/** REQ: GC-2 — entrusted acceptance: the customer's service password and what to do with paper documents. */
function EntrustedFields() {
  const { t } = useLanguage();
  return (
    <Card title={t(m.entrustedSection)} size="small">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="servicePassword"
            label={t(m.servicePassword)}
            extra={t(m.servicePasswordHint)}
            rules={[{ required: true, pattern: /^\d{6}$/, message: t(m.servicePasswordRule) }]}
          >
            <Input.Password maxLength={6} inputMode="numeric" autoComplete="off" visibilityToggle={false} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="paperDocuments" label={t(m.paperDocuments)}>
            <Radio.Group
              options={[
                { value: 'none', label: t(m.paperNone) },
                { value: 'send', label: t(m.paperSend) },
                { value: 'collect', label: t(m.paperCollect) },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/** REQ: GC-3 — what was promised to the customer: a repair time limit, a compensation, specific goods. */
function CommitmentFields() {
  const { t } = useLanguage();
  return (
    <Card title={t(m.commitments)} size="small">
      <Typography.Paragraph type="secondary">{t(m.commitmentsHint)}</Typography.Paragraph>
      <Form.List name="commitments">
        {(rows, { add, remove }) => (
          <>
            {rows.map((row, i) => (
              <CommitmentRow key={row.key} name={row.name} n={i + 1} onRemove={() => remove(row.name)} />
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'repairTimeLimit' })}>
              {t(m.addCommitment)}
            </Button>
          </>
        )}
      </Form.List>
    </Card>
  );
}

function CommitmentRow(props: { name: number; n: number; onRemove: () => void }) {
  const { t } = useLanguage();
  const form = Form.useFormInstance();
  const kind = Form.useWatch(['commitments', props.name, 'kind'], form) as CommitmentKind | undefined;
  const n = String(props.n);
  const what = t(
    kind === 'compensation' ? m.compensationYuan : kind === 'specificGoods' ? m.goodsItem : m.repairHours,
  );
  return (
    <Row gutter={16} align="bottom" data-testid={`commitment-${n}`}>
      <Col xs={24} md={8}>
        <Form.Item name={[props.name, 'kind']} label={fill(t(m.commitmentKind), { n })}>
          <Select
            onChange={() => form.setFieldValue(['commitments', props.name, 'value'], undefined)}
            options={Object.entries(commitmentKindLabels).map(([value, label]) => ({
              value,
              label: t(label),
            }))}
          />
        </Form.Item>
      </Col>
      <Col xs={20} md={12}>
        <Form.Item
          name={[props.name, 'value']}
          label={fill(t(m.commitmentValue), { n, what })}
          rules={kind === 'specificGoods' ? required : [{ required: true }]}
        >
          {kind === 'specificGoods' ? (
            <Input maxLength={100} />
          ) : (
            <InputNumber
              style={{ width: '100%' }}
              min={0}
              precision={kind === 'compensation' ? 2 : undefined}
            />
          )}
        </Form.Item>
      </Col>
      <Col xs={4} md={4}>
        <Form.Item>
          <Button
            icon={<DeleteOutlined />}
            aria-label={fill(t(m.removeCommitment), { n })}
            title={fill(t(m.removeCommitment), { n })}
            onClick={props.onRemove}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}

/**
 * REQ: GC-3 — a promise beyond the duty manager's authority is not taken; the API offers the complaint process
 * instead (`details.escalation`). A duty manager takes it up as a complaint follow-up work order for the same
 * customer, filled in from this request and its refused promises, to check with the customer and submit.
 */
function EscalationOffer(props: { error: unknown; request: GreenChannelRequest | undefined }) {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const refusal = commitmentRefusal(props.error);
  if (!refusal || !props.request) return null;
  const { request } = props;
  const escalate = () => {
    const reasons = refusal.refused.map((r) => `- ${r[language]}`).join('\n');
    const description = `${request.description}\n\n${t(m.escalationDescription)}\n${reasons}`;
    void navigate(
      newWorkOrderHref({
        from: 'greenChannel',
        category: 'complaintFollowUp',
        priority: request.priority,
        title: fill(t(m.escalationTitle), { title: request.title }).slice(0, 100),
        description: description.slice(0, 2000),
        msisdn: request.customer.msisdn,
        name: request.customer.name,
        address: request.customer.address,
      }),
    );
  };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="escalation-offer"
      title={refusal.escalation ? refusal.escalation[language] : t(m.escalate)}
      description={t(m.escalationHint)}
      action={
        <Button type="primary" onClick={escalate}>
          {t(m.escalate)}
        </Button>
      }
    />
  );
}

/** Where the work order went (GC-1): the home city's response team and its outlet, and the work order. */
function Routed(props: { answer: GreenChannelRouted; onAnother: () => void }) {
  const { t } = useLanguage();
  const { answer } = props;
  const city = t(labelFor(cityLabels, answer.city));
  return (
    <Result
      status="success"
      title={t(m.routedTitle)}
      subTitle={
        <span data-testid="green-channel-routed">
          {fill(t(m.routedTo), { city, outlet: answer.outletCode })}
        </span>
      }
      extra={[
        <Link key="open" to={`/work-orders/${encodeURIComponent(answer.id)}`}>
          {t(m.openWorkOrder)}
        </Link>,
        <Button key="another" onClick={props.onAnother}>
          {t(m.another)}
        </Button>,
      ]}
    >
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: 'city', label: t(m.homeCity), children: `${city} (${answer.city})` },
          { key: 'outlet', label: t(m.responseOutlet), children: <code>{answer.outletCode}</code> },
          { key: 'id', label: t(m.workOrder), children: <code>{answer.id}</code> },
        ]}
      />
    </Result>
  );
}
