import { Col, Form, Input, InputNumber, Modal, Row, Select, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { FormErrors } from '../../../components/FormErrors';
import { ErrorAlert } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { categoryLabels, priorityLabels } from '../../work-orders/messages';
import { useOutlets } from '../../work-orders/desk/desk-queries';
import { refusedFields } from '../../../components/fieldPath';
import {
  useChangeDispatchRule,
  useCreateDispatchRule,
  useServiceStaff,
  type DispatchRuleView,
  type NewDispatchRule,
} from './dispatch-rule-queries';
import { kindLabels, ruleMessages as m } from './messages';

type Kind = keyof typeof kindLabels;
type Match = NewDispatchRule['match'];

interface RuleForm {
  id: string;
  name: string;
  kind: Kind;
  position?: number | null;
  enabled: boolean;
  match: { territory?: string; skill?: string; outletCode?: string; category?: string; priority?: string };
  target: { outletCode?: string; staffIds?: string[] };
}

const kindHelp = {
  territory: m.kindHelpTerritory,
  skill: m.kindHelpSkill,
  leastLoad: m.kindHelpLeastLoad,
  roundRobin: m.kindHelpRoundRobin,
} as const;

/** Which target fields a strategy uses (domain/dispatch-rules.ts `dispatchRuleIssues`). */
const usesTargetOutlet = (kind: Kind) => kind !== 'roundRobin';
const usesStaff = (kind: Kind) => kind === 'leastLoad' || kind === 'roundRobin';

/**
 * REQ: WO-4 — add a dispatch rule or change one: its strategy, the conditions a work order must meet (territory,
 * skill, outlet, category, priority) and whom it picks from; the API's refusal shows beside the field it names.
 */
export function RuleFormModal(props: { open: boolean; rule: DispatchRuleView | null; onClose: () => void }) {
  const { t } = useLanguage();
  const [form] = Form.useForm<RuleForm>();
  const create = useCreateDispatchRule();
  const change = useChangeDispatchRule();
  const outlets = useOutlets();
  const staff = useServiceStaff();
  const kind = Form.useWatch('kind', form) ?? 'territory';
  const { rule } = props;
  const saving = rule ? change : create;

  useEffect(() => {
    if (!props.open) return;
    create.reset();
    change.reset();
    form.resetFields();
    if (rule) {
      form.setFieldsValue({
        id: rule.id,
        name: rule.name,
        kind: rule.kind,
        position: rule.position,
        enabled: rule.enabled,
        match: rule.match,
        target: rule.target,
      });
    }
    // Only on opening: the form keeps the administrator's edits while open.
  }, [props.open, rule]);

  const submit = (values: RuleForm) => {
    const match = Object.fromEntries(
      Object.entries(values.match ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
    ) as Match;
    const target: NewDispatchRule['target'] = {};
    if (usesTargetOutlet(values.kind) && values.target?.outletCode)
      target.outletCode = values.target.outletCode;
    if (usesStaff(values.kind) && values.target?.staffIds?.length) target.staffIds = values.target.staffIds;
    const position = values.position ?? undefined;
    const onSuccess = () => props.onClose();
    if (rule) {
      change.mutate(
        {
          id: rule.id,
          body: {
            name: values.name.trim(),
            kind: values.kind,
            position: position ?? rule.position,
            enabled: values.enabled,
            match,
            target,
          },
        },
        { onSuccess },
      );
    } else {
      create.mutate(
        {
          id: values.id.trim(),
          name: values.name.trim(),
          kind: values.kind,
          position,
          enabled: values.enabled,
          match,
          target,
        },
        { onSuccess },
      );
    }
  };

  const outletOptions = (outlets.data?.items ?? []).map((o) => ({
    value: o.code,
    label: `${o.code} ${o.name}`,
  }));
  const staffOptions = (staff.data?.items ?? []).map((s) => ({
    value: s.id,
    label: `${s.id} ${s.name}${s.staff ? ` (${s.staff.outletCode})` : ''}`,
  }));

  return (
    <Modal
      open={props.open}
      title={rule ? fill(t(m.editTitle), { id: rule.id }) : t(m.createTitle)}
      okText={t(m.save)}
      okButtonProps={{ loading: saving.isPending }}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={760}
      forceRender
    >
      <Form<RuleForm>
        name="dispatchRule"
        form={form}
        layout="vertical"
        initialValues={{ kind: 'territory', enabled: true, match: {}, target: {} }}
        onFinish={submit}
        onValuesChange={() => {
          if (saving.error) saving.reset();
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="id"
              label={t(m.id)}
              extra={t(m.idHelp)}
              rules={[
                { required: true, whitespace: true },
                { pattern: /^[A-Z0-9-]{1,40}$/, message: t(m.idHelp) },
              ]}
            >
              <Input disabled={rule !== null} maxLength={40} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t(m.name)} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="kind" label={t(m.kind)} extra={t(kindHelp[kind])} rules={[{ required: true }]}>
          <Select
            options={Object.entries(kindLabels).map(([value, label]) => ({ value, label: t(label) }))}
          />
        </Form.Item>
        <Typography.Title level={5}>{t(m.matchSection)}</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name={['match', 'territory']}
              label={t(m.territory)}
              rules={[{ required: kind === 'territory', whitespace: true }]}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={['match', 'skill']}
              label={t(m.skill)}
              rules={[{ required: kind === 'skill', whitespace: true }]}
            >
              <Input maxLength={50} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['match', 'outletCode']} label={t(m.outlet)}>
              <Select allowClear options={outletOptions} loading={outlets.isPending} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['match', 'category']} label={t(m.category)}>
              <Select
                allowClear
                options={Object.entries(categoryLabels).map(([value, label]) => ({ value, label: t(label) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['match', 'priority']} label={t(m.priority)}>
              <Select
                allowClear
                options={Object.entries(priorityLabels).map(([value, label]) => ({
                  value,
                  label: `${value} ${t(label)}`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{t(m.targetSection)}</Typography.Title>
        {usesTargetOutlet(kind) ? (
          <Form.Item
            name={['target', 'outletCode']}
            label={t(m.targetOutletLabel)}
            rules={[{ required: kind === 'territory' }]}
          >
            <Select allowClear options={outletOptions} loading={outlets.isPending} />
          </Form.Item>
        ) : null}
        {usesStaff(kind) ? (
          <Form.Item
            name={['target', 'staffIds']}
            label={t(m.targetStaffLabel)}
            rules={[{ required: kind === 'roundRobin' }]}
          >
            <Select mode="multiple" allowClear options={staffOptions} loading={staff.isPending} />
          </Form.Item>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name="position" label={t(m.positionLabel)}>
              <InputNumber min={0} max={1_000_000} precision={0} style={{ width: 200 }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="enabled" label={t(m.enabledLabel)} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <ErrorAlert error={staff.error ?? outlets.error} />
      <FormErrors form={form} error={saving.error} fieldsOf={refusedFields} />
    </Modal>
  );
}
