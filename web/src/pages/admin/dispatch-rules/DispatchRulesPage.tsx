import { ArrowDownOutlined, ArrowUpOutlined, EditOutlined } from '@ant-design/icons';
import { TableEmpty } from '../../../components/TableEmpty';
import { App, Button, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ErrorAlert, QueryState } from '../../../components/PageState';
import { fill } from '../../../i18n/fill';
import { useLanguage } from '../../../i18n/language';
import { labelFor, type Bilingual } from '../../../i18n/messages';
import { categoryLabels, priorityLabels } from '../../work-orders/messages';
import {
  useDispatchRules,
  useReorderDispatchRules,
  useSetDispatchRuleEnabled,
  type DispatchRuleView,
} from './dispatch-rule-queries';
import { ruleMessages as m } from './messages';
import { RuleFormModal } from './RuleFormModal';

/**
 * REQ: WO-4 — the dispatch rules (派工规则) in the order automatic dispatch tries them, each with its conditions
 * and strategy in both languages; administrators add and change rules, move them up or down, and enable or
 * disable them (a rule is never deleted: the work orders it dispatched name it in their timelines).
 */
export default function DispatchRulesPage() {
  const { t } = useLanguage();
  const { message } = App.useApp();
  const rules = useDispatchRules();
  const reorder = useReorderDispatchRules();
  const setEnabled = useSetDispatchRuleEnabled();
  const [editing, setEditing] = useState<DispatchRuleView | 'new' | null>(null);

  const move = (items: DispatchRuleView[], index: number, by: -1 | 1) => {
    const ids = items.map((r) => r.id);
    const [moved] = ids.splice(index, 1);
    if (moved === undefined) return;
    ids.splice(index + by, 0, moved);
    reorder.mutate(ids, { onSuccess: () => void message.success(t(m.moved)) });
  };

  const conditions = (rule: DispatchRuleView) => {
    const parts: { key: string; label: Bilingual; value: string }[] = [];
    const { match } = rule;
    if (match.territory) parts.push({ key: 'territory', label: m.territory, value: match.territory });
    if (match.skill) parts.push({ key: 'skill', label: m.skill, value: match.skill });
    if (match.outletCode) parts.push({ key: 'outlet', label: m.outlet, value: match.outletCode });
    if (match.category)
      parts.push({
        key: 'category',
        label: m.category,
        value: `${t(labelFor(categoryLabels, match.category))} (${match.category})`,
      });
    if (match.priority)
      parts.push({
        key: 'priority',
        label: m.priority,
        value: `${match.priority} ${t(labelFor(priorityLabels, match.priority))}`,
      });
    if (parts.length === 0) return t(m.anyWorkOrder);
    return (
      <Space size={4} wrap>
        {parts.map((p) => (
          <Tag key={p.key}>
            {t(p.label)} = {p.value}
          </Tag>
        ))}
      </Space>
    );
  };

  const target = (rule: DispatchRuleView) => {
    const { staffIds, outletCode } = rule.target;
    if (staffIds?.length) return fill(t(m.targetStaff), { ids: staffIds.join(', ') });
    if (outletCode) return fill(t(m.targetOutlet), { code: outletCode });
    return t(rule.kind === 'skill' ? m.targetSkill : m.targetWorkOrderOutlet);
  };

  const busy = reorder.isPending || setEnabled.isPending;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <div>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t(m.add)}
        </Button>
      </div>
      <ErrorAlert error={reorder.error ?? setEnabled.error} />
      <QueryState query={rules}>
        {(data) => {
          const columns: ColumnsType<DispatchRuleView> = [
            { title: t(m.order), key: 'order', render: (_: unknown, _r, i) => i + 1, width: 64 },
            {
              title: t(m.rule),
              key: 'rule',
              // The name is as the administrator wrote it: not translated.
              render: (_: unknown, r) => (
                <Space orientation="vertical" size={0}>
                  <span>{r.name}</span>
                  <code>{r.id}</code>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {fill(t(m.changedBy), {
                      by: r.updatedBy,
                      at: dayjs(r.updatedAt).format('YYYY-MM-DD HH:mm'),
                    })}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t(m.kind),
              dataIndex: 'kindLabel',
              render: (label: Bilingual) => t(label),
            },
            { title: t(m.conditions), key: 'conditions', render: (_: unknown, r) => conditions(r) },
            { title: t(m.target), key: 'target', render: (_: unknown, r) => target(r) },
            {
              title: t(m.state),
              dataIndex: 'enabled',
              render: (enabled: boolean) => (
                <Tag color={enabled ? '#237804' : '#595959'}>{t(enabled ? m.enabled : m.disabled)}</Tag>
              ),
            },
            {
              title: t(m.actions),
              key: 'actions',
              render: (_: unknown, r, i) => (
                <Space size={4}>
                  <Tooltip title={fill(t(m.moveUp), { id: r.id })}>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined />}
                      aria-label={fill(t(m.moveUp), { id: r.id })}
                      disabled={i === 0 || busy}
                      onClick={() => move(data.items, i, -1)}
                    />
                  </Tooltip>
                  <Tooltip title={fill(t(m.moveDown), { id: r.id })}>
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined />}
                      aria-label={fill(t(m.moveDown), { id: r.id })}
                      disabled={i === data.items.length - 1 || busy}
                      onClick={() => move(data.items, i, 1)}
                    />
                  </Tooltip>
                  <Tooltip title={fill(t(m.edit), { id: r.id })}>
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={fill(t(m.edit), { id: r.id })}
                      onClick={() => setEditing(r)}
                    />
                  </Tooltip>
                  {r.enabled ? (
                    <Popconfirm
                      title={fill(t(m.disableConfirm), { id: r.id })}
                      onConfirm={() => setEnabled.mutate({ id: r.id, enabled: false })}
                    >
                      <Button
                        size="small"
                        danger
                        disabled={busy}
                        aria-label={fill(t(m.disable), { id: r.id })}
                      >
                        {t(m.disableShort)}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button
                      size="small"
                      disabled={busy}
                      aria-label={fill(t(m.enable), { id: r.id })}
                      onClick={() => setEnabled.mutate({ id: r.id, enabled: true })}
                    >
                      {t(m.enableShort)}
                    </Button>
                  )}
                </Space>
              ),
            },
          ];
          return (
            <Table<DispatchRuleView>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={data.items}
              loading={rules.isFetching}
              pagination={false}
              locale={{ emptyText: <TableEmpty text={t(m.empty)} /> }}
              scroll={{ x: 'max-content' }}
            />
          );
        }}
      </QueryState>
      <RuleFormModal
        open={editing !== null}
        rule={editing === 'new' ? null : editing}
        onClose={() => setEditing(null)}
      />
    </Space>
  );
}
