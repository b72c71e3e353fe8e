import { Alert, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { useDispatchPreview, type DispatchPreview } from './desk-queries';
import { deskMessages as m } from './messages';

type Rule = DispatchPreview['rules'][number];
const MATCH = '#237804';
const NO_MATCH = '#595959';

/**
 * REQ: WO-4 — which dispatch rule would pick whom for a work order (now, or as if `outletCode` were assigned):
 * every rule in the order it is tried, whether it matches, its candidates with their open work, whom it picks,
 * and the decision, before the dispatcher lets the rules decide.
 */
export function DispatchPreviewPanel({
  workOrderId,
  outletCode,
}: {
  workOrderId: string;
  outletCode?: string | null;
}) {
  const { t } = useLanguage();
  const preview = useDispatchPreview(workOrderId, outletCode);
  const columns: ColumnsType<Rule> = [
    {
      title: t(m.rule),
      key: 'rule',
      render: (_: unknown, rule) => (
        <Space size={4} wrap>
          <span>{rule.name}</span>
          <code>{rule.id}</code>
        </Space>
      ),
    },
    { title: t(m.kind), key: 'kind', render: (_: unknown, rule) => t(rule.kindLabel) },
    {
      title: t(m.matches),
      dataIndex: 'matches',
      render: (matches: boolean) => (
        <Tag color={matches ? MATCH : NO_MATCH}>{matches ? t(m.yes) : t(m.no)}</Tag>
      ),
    },
    {
      title: t(m.candidates),
      key: 'candidates',
      render: (_: unknown, rule) =>
        rule.candidates.length === 0
          ? '—'
          : rule.candidates.map((c) => `${c.name} ${c.operatorId} (${c.openLoad})`).join('、'),
    },
    {
      title: t(m.pick),
      key: 'pick',
      render: (_: unknown, rule) =>
        rule.pick ? (
          <strong>
            {rule.pick.name} <code>{rule.pick.operatorId}</code>
          </strong>
        ) : (
          '—'
        ),
    },
    { title: t(m.note), key: 'note', render: (_: unknown, rule) => t(rule.note) },
  ];
  return (
    <section aria-label={t(m.preview)} data-testid="dispatch-preview">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t(m.preview)}
        {outletCode ? fill(t(m.previewAsIf), { code: outletCode }) : ''}
      </Typography.Title>
      <QueryState query={preview}>
        {(data) => (
          <Space orientation="vertical" size="small" style={{ width: '100%' }}>
            <Alert
              type={data.decision ? 'success' : 'warning'}
              showIcon
              title={
                data.decision ? (
                  <span data-testid="dispatch-decision">
                    {t(m.decision)}: <strong>{data.decision.assigneeName}</strong>{' '}
                    <code>{data.decision.assigneeId}</code> · {t(m.rule)} {data.decision.ruleName}{' '}
                    <code>{data.decision.ruleId}</code>
                  </span>
                ) : (
                  <span data-testid="dispatch-decision">{t(m.noDecision)}</span>
                )
              }
              description={t(data.message)}
            />
            <Table<Rule>
              rowKey="id"
              size="small"
              pagination={false}
              columns={columns}
              dataSource={data.rules}
              rowClassName={(rule) => (rule.id === data.decision?.ruleId ? 'ant-table-row-selected' : '')}
            />
          </Space>
        )}
      </QueryState>
    </section>
  );
}
