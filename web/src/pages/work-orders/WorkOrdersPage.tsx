import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Dropdown, Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import { QueryState } from '../../components/PageState';
import { usePaging } from '../../components/usePaging';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { labelFor } from '../../i18n/messages';
import { DeskDialogs, deskStepLabels, type PendingStep, type StepRun } from './desk/DeskDialogs';
import { DeskStepButtons } from './desk/DeskStepButtons';
import { useOutlets } from './desk/desk-queries';
import { stepsFor } from './desk/desk-steps';
import { countdownText, dueState, useNow, type DueState } from './desk/due';
import { boardMessages as m, deskMessages as dm, dueMessages as dueText } from './desk/messages';
import { StepResults } from './desk/StepResults';
import { categoryLabels, priorityLabels, statusOptions } from './messages';
import type { WorkOrderListItem, WorkOrderListQuery } from './work-order-queries';

/** The board reads the queue again every 10 s: new work orders, dispatches by rule and breaches show by themselves. */
const REFRESH_MS = 10_000;
/** Without a status filter the board shows the work still open (a finished work order needs no dispatcher). */
const OPEN_STATUSES = ['created', 'accepted', 'outletAssigned', 'dispatched', 'inService'];
const ALL = 'all';
const sorts = ['priority', 'sla', 'newest'] as const;
type Sort = (typeof sorts)[number];

/** Solid tags with white text: each colour gives at least 4.5:1 (WCAG AA), which antd's light presets do not. */
const priorityColour: Record<string, string> = { P1: '#a8071a', P2: '#ad4e00', P3: '#0958d9', P4: '#595959' };
const LATE = '#a8071a';
const RISK = '#874d00';
const ON_TIME = '#237804';
const GOLD = '#874d00';
/** Row tints behind the words (the words carry the meaning; the tint helps the eye find the row). */
const rowTint: Partial<Record<DueState['level'], { background: string; boxShadow: string }>> = {
  overdue: { background: '#fff1f0', boxShadow: `inset 4px 0 0 ${LATE}` },
  atRisk: { background: '#fffbe6', boxShadow: `inset 4px 0 0 ${RISK}` },
};
const noWrap = { whiteSpace: 'nowrap' } as const;

/**
 * The dispatcher board (调度台, UI-1, WO-2…WO-6): the queue by priority and VIP, by due time or newest; due times
 * counting down with rows about to breach or late marked in colour and words; filters, order and page kept in
 * the URL; desk steps on a row or a selection with each row's outcome; refreshed every 10 s.
 */
export default function WorkOrdersPage() {
  const { t } = useLanguage();
  const now = useNow();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const outlets = useOutlets();
  const [selected, setSelected] = useState<WorkOrderListItem[]>([]);
  const [pending, setPending] = useState<PendingStep | null>(null);
  const [run, setRun] = useState<StepRun | null>(null);

  const rawStatus = params.get('status');
  const statuses = rawStatus === ALL ? [] : rawStatus ? rawStatus.split(',') : OPEN_STATUSES;
  const listFilter = (name: string) => params.get(name) ?? undefined;
  const sortParam = params.get('sort');
  const sort: Sort = sorts.find((s) => s === sortParam) ?? 'priority';
  const query: WorkOrderListQuery = {
    status: statuses.length ? statuses.join(',') : undefined,
    priority: listFilter('priority'),
    category: listFilter('category'),
    outletCode: listFilter('outletCode'),
    overdue: listFilter('overdue') as WorkOrderListQuery['overdue'],
    vip: listFilter('vip') as WorkOrderListQuery['vip'],
    kind: listFilter('kind') as WorkOrderListQuery['kind'],
    sort,
    offset,
    limit: pageSize,
  };
  const list = useQuery({
    queryKey: ['work-orders', 'board', query],
    queryFn: () => unwrapPage(api.GET('/api/v1/work-orders', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  // The selection follows the rows as they are now (a refresh may have moved them on).
  const selectedNow = (list.data?.items ?? []).filter((row) => selected.some((s) => s.id === row.id));

  const columns: ColumnsType<WorkOrderListItem> = [
    {
      title: t(m.id),
      dataIndex: 'id',
      render: (id: string) => (
        <Link to={`/work-orders/${encodeURIComponent(id)}`}>
          <code>{id}</code>
        </Link>
      ),
    },
    {
      // The title and the customer's name are the customer's or the hotline's own words: never translated.
      title: t(m.workTitle),
      dataIndex: 'title',
      render: (title: string, row) => (
        <Space size={4} wrap>
          <span>{title}</span>
          {row.kind === 'greenChannel' ? <Tag color={ON_TIME}>{t(m.greenChannel)}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t(m.priority),
      dataIndex: 'priority',
      render: (p: string, row) => (
        <Space size={4} wrap>
          <Tag color={priorityColour[p]}>
            {p} {t(labelFor(priorityLabels, p))}
          </Tag>
          {row.vip ? <Tag color={GOLD}>{t(m.vip)}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t(m.category),
      dataIndex: 'category',
      render: (c: string) => <span style={noWrap}>{t(labelFor(categoryLabels, c))}</span>,
    },
    {
      title: t(m.status),
      dataIndex: 'status',
      render: (_: string, row) => <span style={noWrap}>{t(row.statusLabel)}</span>,
    },
    {
      title: t(m.due),
      key: 'due',
      render: (_: unknown, row) => <DueCell state={dueState(row, now)} late={row.late} />,
    },
    {
      title: t(m.customer),
      key: 'customer',
      render: (_: unknown, row) => (
        <span style={noWrap}>
          {row.customer.name} {row.customer.msisdn}
        </span>
      ),
    },
    {
      title: t(m.handledBy),
      key: 'handledBy',
      render: (_: unknown, row) => (
        <div style={noWrap}>
          <div>
            {t(m.outlet)} <code>{row.outletCode ?? '—'}</code>
          </div>
          <div>
            {t(m.assignee)} {row.assigneeName ?? ''} <code>{row.assigneeId ?? '—'}</code>
          </div>
        </div>
      ),
    },
    {
      title: t(m.createdAt),
      dataIndex: 'createdAt',
      render: (iso: string) => <span style={noWrap}>{dayjs(iso).format('MM-DD HH:mm')}</span>,
    },
    {
      title: t(m.actions),
      key: 'actions',
      render: (_: unknown, row) => {
        const steps = stepsFor([row]);
        if (steps.length === 0) return null;
        return (
          <Dropdown
            trigger={['click']}
            menu={{
              items: steps.map((step) => ({ key: step, label: t(deskStepLabels[step]) })),
              onClick: ({ key }) => {
                const step = steps.find((s) => s === key);
                if (step) setPending({ step, targets: [row] });
              },
            }}
          >
            <Button size="small" aria-label={`${t(dm.deskActions)} ${row.id}`}>
              {t(m.actions)} ▾
            </Button>
          </Dropdown>
        );
      },
    },
  ];

  const anyOption = { value: '', label: t(m.any) };
  const multi = (name: string) => {
    const v = params.get(name);
    return v ? v.split(',') : [];
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Typography.Text type="secondary">{t(m.intro)}</Typography.Text>
      </div>
      <Form layout="inline" role="search" aria-label={t(m.filters)} style={{ rowGap: 8 }}>
        <Form.Item label={t(m.status)} htmlFor="wo-status">
          <Select
            id="wo-status"
            mode="multiple"
            allowClear
            style={{ minWidth: 240 }}
            value={statuses}
            options={statusOptions.map((o) => ({ value: o.value, label: t(o.label) }))}
            onChange={(v: string[]) => setFilter('status', v.length ? v.join(',') : ALL)}
          />
        </Form.Item>
        <Form.Item label={t(m.priority)} htmlFor="wo-priority">
          <Select
            id="wo-priority"
            mode="multiple"
            allowClear
            style={{ minWidth: 150 }}
            value={multi('priority')}
            options={Object.entries(priorityLabels).map(([value, label]) => ({
              value,
              label: `${value} ${t(label)}`,
            }))}
            onChange={(v: string[]) => setFilter('priority', v.join(','))}
          />
        </Form.Item>
        <Form.Item label={t(m.category)} htmlFor="wo-category">
          <Select
            id="wo-category"
            mode="multiple"
            allowClear
            style={{ minWidth: 170 }}
            value={multi('category')}
            options={Object.entries(categoryLabels).map(([value, label]) => ({ value, label: t(label) }))}
            onChange={(v: string[]) => setFilter('category', v.join(','))}
          />
        </Form.Item>
        <Form.Item label={t(m.outlet)} htmlFor="wo-outlet">
          <Select
            id="wo-outlet"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 170 }}
            loading={outlets.isPending}
            value={params.get('outletCode') ?? undefined}
            options={(outlets.data?.items ?? []).map((o) => ({
              value: o.code,
              label: `${o.code} ${o.name}`,
            }))}
            onChange={(v: string | undefined) => setFilter('outletCode', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.lateness)} htmlFor="wo-overdue">
          <Select
            id="wo-overdue"
            style={{ minWidth: 110 }}
            value={params.get('overdue') ?? ''}
            options={[
              anyOption,
              { value: 'true', label: t(m.lateOnly) },
              { value: 'false', label: t(m.onTimeOnly) },
            ]}
            onChange={(v: string) => setFilter('overdue', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.vip)} htmlFor="wo-vip">
          <Select
            id="wo-vip"
            style={{ minWidth: 100 }}
            value={params.get('vip') ?? ''}
            options={[
              anyOption,
              { value: 'true', label: t(m.vipOnly) },
              { value: 'false', label: t(m.notVip) },
            ]}
            onChange={(v: string) => setFilter('vip', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.kind)} htmlFor="wo-kind">
          <Select
            id="wo-kind"
            style={{ minWidth: 130 }}
            value={params.get('kind') ?? ''}
            options={[
              anyOption,
              { value: 'greenChannel', label: t(m.greenOnly) },
              { value: 'standard', label: t(m.standardOnly) },
            ]}
            onChange={(v: string) => setFilter('kind', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.sort)} htmlFor="wo-sort">
          <Select
            id="wo-sort"
            style={{ minWidth: 140 }}
            value={sort}
            options={[
              { value: 'priority', label: t(m.sortPriority) },
              { value: 'sla', label: t(m.sortSla) },
              { value: 'newest', label: t(m.sortNewest) },
            ]}
            onChange={(v: string) => setFilter('sort', v === 'priority' ? undefined : v)}
          />
        </Form.Item>
      </Form>
      {selectedNow.length > 0 ? (
        <Space wrap data-testid="selection-actions">
          <strong>{fill(t(m.selected), { count: String(selectedNow.length) })}</strong>
          <DeskStepButtons
            targets={selectedNow}
            onStart={(step) => setPending({ step, targets: selectedNow })}
          />
          <Button type="link" onClick={() => setSelected([])}>
            {t(m.clearSelection)}
          </Button>
        </Space>
      ) : null}
      {run ? <StepResults run={run} onDismiss={() => setRun(null)} /> : null}
      <QueryState query={list}>
        {(data) => (
          <Table<WorkOrderListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={list.isFetching && list.isPlaceholderData}
            locale={{ emptyText: t(m.empty) }}
            onRow={(row) => {
              const tint = rowTint[dueState(row, now).level];
              return tint ? { style: tint } : {};
            }}
            rowSelection={{
              selectedRowKeys: selectedNow.map((row) => row.id),
              onChange: (_keys, rows) => setSelected(rows),
              getCheckboxProps: (row) => ({ 'aria-label': fill(t(m.selectRow), { id: row.id }) }),
            }}
            pagination={{
              ...pagination(data.total),
              showTotal: (total: number) => fill(t(m.total), { total: String(total) }),
            }}
          />
        )}
      </QueryState>
      <DeskDialogs
        pending={pending}
        onClose={() => setPending(null)}
        onDone={(done) => {
          setRun(done);
          setSelected([]);
        }}
      />
    </Space>
  );
}

/** A work order's due time counting down, with the words that say it is about to breach or late (WO-6). */
function DueCell({ state, late }: { state: DueState; late: boolean }) {
  const { t } = useLanguage();
  if (state.leftMs === null || state.target === null) {
    return late ? <Tag color={LATE}>{t(dueText.wasLate)}</Tag> : <span>—</span>;
  }
  const tag =
    state.level === 'overdue' ? (
      <Tag color={LATE}>{t(dueText.overdue)}</Tag>
    ) : state.level === 'atRisk' ? (
      <Tag color={RISK}>{t(dueText.atRisk)}</Tag>
    ) : late ? (
      <Tag color={LATE}>{t(dueText.wasLate)}</Tag>
    ) : null;
  return (
    <div style={noWrap} data-testid="due">
      <div>
        {t(state.target === 'response' ? m.respond : m.resolve)}{' '}
        <strong style={state.level === 'overdue' ? { color: LATE } : undefined}>
          {countdownText(state.leftMs, t)}
        </strong>
      </div>
      <div>
        {tag}
        <small>{state.dueAt ? dayjs(state.dueAt).format('MM-DD HH:mm') : ''}</small>
      </div>
    </div>
  );
}
