import { Alert, Button, Card, Descriptions, Form, Input, Radio, Select, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ApiError } from '../../../api-client/client';
import { useSession } from '../../../app/session';
import { FormErrors } from '../../../components/FormErrors';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { useOrderSubmission, type OrderRequest } from '../../../components/order-fields/useOrderSubmission';
import { SpecFields } from '../../../components/spec-fields/SpecFields';
import { initialSpecFields, specIssues, specValues } from '../../../components/spec-fields/spec-rules';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { yuan } from '../../orders/messages';
import { useGroup, useGroupProducts, type GroupView, type OrderableProduct } from '../group-queries';
import { effectiveModeLabels, groupActions, groupMessages as m, type GroupAction } from '../messages';
import { TermsText } from '../TermsText';

/**
 * A group product order (集团产品受理, REQ: GRP-1…GRP-5, GRP-9): open (contract, paying account, how the package
 * takes effect, the product's attributes and the tariff with its parameters, customer manager and submitter),
 * change (tariff or attributes, now or from the next cycle) or business cancellation, by `?action=`. The
 * attributes and tariff parameters are rendered from the product specification's data. Submitted, the order
 * page follows it: awaiting approval, waiting for BBOSS, its outcome.
 */
export default function GroupProductOrderPage() {
  const { groupCode = '', productCode = '' } = useParams();
  const [params] = useSearchParams();
  const raw = params.get('action');
  const action: GroupAction = groupActions.find((a) => a === raw) ?? 'open';
  const { t } = useLanguage();
  const group = useGroup(groupCode);
  const products = useGroupProducts(groupCode);
  const title = t(
    action === 'open' ? m.orderTitleOpen : action === 'change' ? m.orderTitleChange : m.orderTitleCancel,
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Link to={`/groups/${groupCode}`}>{t(m.backToGroup)}</Link>
      <QueryState query={group}>
        {(g) => (
          <QueryState query={products}>
            {(list) => {
              const product = list.items.find((p) => p.code === productCode);
              return (
                <Card>
                  <PageHeading
                    variant="form"
                    title={title}
                    intro={fill(t(m.orderIntro), {
                      group: `${g.name} ${g.groupCode}`,
                      product: product ? `${product.name} ${product.code}` : productCode,
                    })}
                  />
                  {!product ? (
                    <Alert
                      type="warning"
                      showIcon
                      role="alert"
                      title={t(m.productNotOrderable)}
                      description={t(list.hint ?? m.noPermissionHint)}
                    />
                  ) : action === 'open' && product.subscription ? (
                    <Alert type="warning" showIcon role="alert" title={t(m.alreadyOpen)} />
                  ) : action !== 'open' && product.subscription?.status !== 'active' ? (
                    <Alert type="warning" showIcon role="alert" title={t(m.notOpen)} />
                  ) : (
                    <GroupOrderForm action={action} group={g} product={product} submitLabel={title} />
                  )}
                </Card>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </Space>
  );
}

interface FormValues {
  contractId?: string;
  payingAccountId?: string;
  effectiveMode?: 'immediate' | 'nextCycle';
  operation?: 'tariffChange' | 'attributeChange';
  attributes?: Record<string, unknown>;
  tariff?: { code?: string; params?: Record<string, unknown> };
  reason?: string;
  customerManagerId: string;
  submitterId: string;
}

function GroupOrderForm(props: {
  action: GroupAction;
  group: GroupView;
  product: OrderableProduct;
  submitLabel: string;
}) {
  const { action, group, product } = props;
  const { t } = useLanguage();
  const navigate = useNavigate();
  const session = useSession();
  const [form] = Form.useForm<FormValues>();
  const submit = useOrderSubmission();
  const current = product.subscription?.currentTerms;
  const tariffCode = Form.useWatch(['tariff', 'code'], form) as string | undefined;
  const operation = Form.useWatch<FormValues['operation']>('operation', form);
  const tariff = product.tariffs.find((x) => x.code === tariffCode);

  const initialValues: FormValues = {
    customerManagerId: group.customerManager.id,
    submitterId: session?.operator.id ?? '',
    ...(action === 'open'
      ? {
          contractId: group.contracts.find((c) => !c.expired)?.id,
          payingAccountId: group.payingAccounts[0]?.id,
          effectiveMode: 'immediate',
          attributes: initialSpecFields(product.spec),
        }
      : {}),
    ...(action === 'change' && current
      ? {
          operation: 'tariffChange',
          effectiveMode: 'nextCycle',
          attributes: initialSpecFields(product.spec, current.attributes),
          tariff: { code: current.tariffCode, params: current.tariffParams },
        }
      : {}),
  };

  const onFinish = (values: FormValues) => {
    const staff = {
      customerManagerId: values.customerManagerId.trim(),
      submitterId: values.submitterId.trim(),
    };
    const chosenTariff = () => ({
      code: values.tariff?.code ?? '',
      params: specValues(tariff?.paramSpec ?? { attributes: [] }, values.tariff?.params),
    });
    let body: OrderRequest;
    if (action === 'open') {
      body = {
        type: 'groupOpen',
        groupCode: group.groupCode,
        productCode: product.code,
        contractId: values.contractId ?? '',
        payingAccountId: values.payingAccountId ?? '',
        effectiveMode: values.effectiveMode ?? 'immediate',
        attributes: specValues(product.spec, values.attributes),
        tariff: chosenTariff(),
        ...staff,
      };
    } else if (action === 'change') {
      const changed = specValues(product.spec, values.attributes, current?.attributes);
      if (values.operation === 'attributeChange' && Object.keys(changed).length === 0) {
        form.setFields([{ name: 'operation', errors: [t(m.nothingChanged)] }]);
        return;
      }
      body = {
        type: 'groupChange',
        groupCode: group.groupCode,
        productCode: product.code,
        operation: values.operation ?? 'tariffChange',
        effectiveMode: values.effectiveMode ?? 'nextCycle',
        ...(values.operation === 'attributeChange' ? { attributes: changed } : { tariff: chosenTariff() }),
        ...staff,
      };
    } else {
      body = {
        type: 'groupCancel',
        groupCode: group.groupCode,
        productCode: product.code,
        reason: values.reason?.trim() ?? '',
        ...staff,
      };
    }
    submit.mutate(body, {
      onSuccess: (answer) => void navigate(`/orders/${encodeURIComponent(answer.id)}`),
    });
  };

  const showAttributes = action === 'open' || (action === 'change' && operation === 'attributeChange');
  const showTariff = action === 'open' || (action === 'change' && operation !== 'attributeChange');

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      aria-label={props.submitLabel}
      style={{ maxWidth: 640 }}
      scrollToFirstError
    >
      {action === 'change' && current ? (
        <Descriptions size="small" column={1} bordered title={t(m.currentTerms)} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t(m.tariff)}>
            <code>{current.tariffCode}</code>
          </Descriptions.Item>
          <Descriptions.Item label={t(m.attributes)}>
            <TermsText values={current.attributes} spec={product.spec} />
          </Descriptions.Item>
        </Descriptions>
      ) : null}

      {action === 'open' ? (
        <Section title={t(m.contract)}>
          <Form.Item
            name="contractId"
            label={t(m.contract)}
            rules={[{ required: true, message: t(m.chooseContract) }]}
          >
            <Select
              options={group.contracts.map((c) => ({
                value: c.id,
                disabled: c.expired,
                label: `${c.id} · ${c.name}${c.expired ? ` · ${t(m.expired)}` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="payingAccountId"
            label={t(m.payingAccount)}
            rules={[{ required: true, message: t(m.chooseAccount) }]}
          >
            <Select
              options={group.payingAccounts.map((a) => ({ value: a.id, label: `${a.id} · ${a.name}` }))}
            />
          </Form.Item>
        </Section>
      ) : null}

      {action === 'change' ? (
        <Form.Item name="operation" label={t(m.operation)} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'tariffChange', label: t(m.tariffChange) },
              { value: 'attributeChange', label: t(m.attributeChange) },
            ]}
          />
        </Form.Item>
      ) : null}

      {action !== 'cancel' ? (
        <Form.Item name="effectiveMode" label={t(m.effectiveMode)} rules={[{ required: true }]}>
          <Radio.Group
            options={Object.entries(effectiveModeLabels).map(([value, label]) => ({
              value,
              label: t(label),
            }))}
          />
        </Form.Item>
      ) : null}

      {showAttributes ? (
        <Section
          title={t(m.attributesSection)}
          help={action === 'change' ? t(m.attributeChangeHelp) : undefined}
        >
          <SpecFields spec={product.spec} name={['attributes']} partial={action === 'change'} />
        </Section>
      ) : null}

      {showTariff ? (
        <Section title={t(m.tariffSection)}>
          <Form.Item
            name={['tariff', 'code']}
            label={t(m.tariff)}
            rules={[{ required: true, message: t(m.chooseTariff) }]}
          >
            <Select
              options={product.tariffs.map((x) => ({
                value: x.code,
                label: `${x.code} · ${x.name} · ${fill(t(m.monthlyFee), { fee: yuan(x.monthlyFeePerMemberFen) })}${
                  x.needsApproval ? ` · ${t(m.needsApproval)}` : ''
                }`,
              }))}
            />
          </Form.Item>
          {tariff?.needsApproval ? (
            <Alert
              type="warning"
              showIcon
              data-testid="approval-note"
              title={
                <Space wrap>
                  <Tag color="#ad4e00">{t(m.needsApproval)}</Tag>
                  {t(m.approvalNote)}
                </Space>
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          {tariff ? (
            <SpecFields key={tariff.code} spec={tariff.paramSpec} name={['tariff', 'params']} />
          ) : null}
        </Section>
      ) : null}

      {action === 'cancel' ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={fill(t(m.cancelWarning), { n: String(product.subscription?.memberCount ?? 0) })}
            style={{ marginBottom: 16 }}
          />
          <Form.Item name="reason" label={t(m.cancelReason)} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        </>
      ) : null}

      <Section title={t(m.staffSection)}>
        <Form.Item
          name="customerManagerId"
          label={t(m.customerManagerId)}
          rules={[{ required: true, whitespace: true, message: t(m.required) }]}
        >
          <Input autoComplete="off" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item
          name="submitterId"
          label={t(m.submitterId)}
          rules={[{ required: true, whitespace: true, message: t(m.required) }]}
        >
          <Input autoComplete="off" style={{ maxWidth: 240 }} />
        </Form.Item>
      </Section>

      <FormErrors
        form={form}
        error={submit.error}
        fieldsOf={(e: ApiError) => [...e.fieldErrors, ...specIssues(e.details)]}
      />
      <Button
        type="primary"
        htmlType="submit"
        loading={submit.isPending}
        danger={action === 'cancel'}
        style={{ marginTop: 16 }}
      >
        {t(action === 'open' ? m.submitOpen : action === 'change' ? m.submitChange : m.submitCancel)}
      </Button>
    </Form>
  );
}

function Section({ title, help, children }: { title: string; help?: string; children: ReactNode }) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: '0 0 8px' }}>
      <legend style={{ fontSize: 15, fontWeight: 600, marginBottom: 8 }}>{title}</legend>
      {help ? <Typography.Paragraph type="secondary">{help}</Typography.Paragraph> : null}
      {children}
    </fieldset>
  );
}
