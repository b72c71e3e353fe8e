import { App, Button, Card, Form, Input, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { FormErrors } from '../../../components/FormErrors';
import { PageHeading } from '../../../components/PageHeading';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { yuan } from '../labels';
import { TableEmpty } from '../../../components/TableEmpty';
import { usePreviewFees, useFeeRules, type FeeRule } from './fee-rule-queries';
import { FeeRuleModal } from './FeeRuleModal';
import { feeRuleMessages as m } from './messages';
import { refusedFields } from '../../../components/fieldPath';

const cardTitle = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;

/**
 * REQ: RES-4 — the selection-fee rules (选号费规则) by priority, added and changed by administrators, and a
 * preview of what the rules in force charge for some numbers.
 */
export default function SelectionFeeRulesPage() {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const rules = useFeeRules();
  const [editing, setEditing] = useState<FeeRule | 'new' | null>(null);

  const columns: ColumnsType<FeeRule> = [
    { title: t(m.priority), dataIndex: 'priority', width: 90 },
    { title: t(m.id), dataIndex: 'id', render: (id: string) => <code>{id}</code> },
    // Rule names are as administrators wrote them: not translated.
    { title: t(m.name), dataIndex: 'name' },
    { title: t(m.pattern), dataIndex: 'pattern', render: (p: string) => <code>{p}</code> },
    { title: t(m.fee), dataIndex: 'feeFen', render: (f: number) => yuan(f) },
    {
      title: t(m.state),
      dataIndex: 'active',
      render: (a: boolean) => <Tag color={a ? '#237804' : '#595959'}>{t(a ? m.active : m.inactive)}</Tag>,
    },
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, rule) => (
        <Button
          size="small"
          onClick={() => setEditing(rule)}
          aria-label={fill(t(m.editRule), { id: rule.id })}
        >
          {t(m.edit)}
        </Button>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <div>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t(m.add)}
        </Button>
      </div>
      <QueryState query={rules}>
        {(data) => (
          <Table<FeeRule>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
          />
        )}
      </QueryState>
      <FeePreview />
      {editing !== null ? (
        <FeeRuleModal
          rule={editing === 'new' ? null : editing}
          onClose={(savedId) => {
            setEditing(null);
            if (savedId) void message.success(fill(t(m.saved), { id: savedId }));
          }}
        />
      ) : null}
    </Space>
  );
}

/** A refused number (`numbers.3`) is shown beside the one text field that holds them all. */
const numbersField = () => ['numbers'];

/** REQ: RES-4 — the fee each number would get from the rules in force, and the rule that decides it. */
function FeePreview() {
  const { t } = useLanguage();
  const [form] = Form.useForm<{ numbers: string }>();
  const preview = usePreviewFees();
  const rules = useFeeRules();
  const nameOfRule = (id: string) => rules.data?.items.find((r) => r.id === id)?.name;
  type Row = NonNullable<typeof preview.data>['items'][number];
  const columns: ColumnsType<Row> = [
    { title: t(m.msisdn), dataIndex: 'msisdn', render: (v: string) => <code>{v}</code> },
    { title: t(m.fee), dataIndex: 'feeFen', render: (f: number) => yuan(f) },
    {
      title: t(m.rule),
      dataIndex: 'ruleId',
      render: (id: string | null) =>
        id ? (
          <span>
            <code>{id}</code> {nameOfRule(id) ?? ''}
          </span>
        ) : (
          t(m.noRule)
        ),
    },
  ];
  return (
    <Card title={cardTitle(t(m.previewTitle))}>
      <Form
        form={form}
        layout="vertical"
        style={{ maxWidth: 480 }}
        onFinish={(v) =>
          preview.mutate([
            ...new Set(
              v.numbers
                .split(/[\s,，]+/)
                .map((s) => s.trim())
                .filter(Boolean),
            ),
          ])
        }
      >
        <Form.Item
          name="numbers"
          label={t(m.numbers)}
          htmlFor="preview-numbers"
          extra={t(m.previewIntro)}
          rules={[{ required: true, whitespace: true, message: t(m.numbersRequired) }]}
        >
          <Input.TextArea id="preview-numbers" rows={3} />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <FormErrors
            form={form}
            error={preview.error}
            fieldsOf={(e) => refusedFields(e, { ruleInZh: true })}
            nameOf={numbersField}
          />
          <Button type="primary" htmlType="submit" loading={preview.isPending}>
            {t(m.preview)}
          </Button>
        </Space>
      </Form>
      {preview.data ? (
        <Table<Row>
          style={{ marginTop: 16 }}
          rowKey="msisdn"
          size="small"
          columns={columns}
          dataSource={preview.data.items}
          pagination={false}
          data-testid="fee-preview"
        />
      ) : null}
    </Card>
  );
}
