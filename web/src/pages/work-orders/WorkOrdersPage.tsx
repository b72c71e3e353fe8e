import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Form, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { api } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import type { paths } from '../../api-client/schema';
import { QueryState } from '../../components/PageState';
import { usePaging } from '../../components/usePaging';
import { useLanguage } from '../../i18n/language';
import { fill } from '../../i18n/fill';
import { categoryLabels, priorityLabels, statusOptions, workOrderListMessages as m } from './messages';

/** The list's filters as the API types them (the URL holds them as text, checked by the API). */
type Query = NonNullable<paths['/api/v1/work-orders']['get']['parameters']['query']>;

/** Solid tags with white text: each colour gives at least 4.5:1 (WCAG AA), which antd's light presets do not. */
const priorityColour: Record<string, string> = { P1: '#a8071a', P2: '#ad4e00', P3: '#0958d9', P4: '#595959' };
const LATE = '#a8071a';
const ON_TIME = '#237804';
const GOLD = '#874d00';
const noWrap = { whiteSpace: 'nowrap' } as const;
const when = (iso: string | null) => (
  <span style={noWrap}>{iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—'}</span>
);

/**
 * The work-order list for dispatchers and service staff (WO-6, UI-1): status, priority and SLA due times with
 * bilingual labels, what is late and by how much; filters and the page kept in the URL, paged on the server.
 */
export default function WorkOrdersPage() {
  const { t } = useLanguage();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const status = params.get('status') ?? undefined;
  const priority = params.get('priority') ?? undefined;
  const overdue = params.get('overdue') ?? undefined;
  const sort = params.get('sort') === 'priority' ? 'priority' : 'newest';

  const query = useQuery({
    queryKey: ['work-orders', { status, priority, overdue, sort, offset, pageSize }],
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/work-orders', {
          params: {
            query: {
              status: status,
              priority: priority,
              overdue: overdue as Query['overdue'],
              sort,
              offset,
              limit: pageSize,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  type Row = NonNullable<typeof query.data>['items'][number];
  const columns: ColumnsType<Row> = [
    {
      title: t(m.id),
      dataIndex: 'id',
      render: (id: string, row) => (
        <Space size={4} wrap>
          <code>{id}</code>
          {row.kind === 'greenChannel' ? <Tag color={ON_TIME}>{t(m.greenChannel)}</Tag> : null}
        </Space>
      ),
    },
    // The title and the customer's name are the customer's or the hotline's own words: never translated.
    { title: t(m.workTitle), dataIndex: 'title' },
    {
      title: t(m.category),
      dataIndex: 'category',
      render: (c: string) => <span style={noWrap}>{categoryLabels[c] ? t(categoryLabels[c]) : c}</span>,
    },
    {
      title: t(m.priority),
      dataIndex: 'priority',
      render: (p: string) => (
        <Tag color={priorityColour[p]}>
          {p} {priorityLabels[p] ? t(priorityLabels[p]) : ''}
        </Tag>
      ),
    },
    {
      title: t(m.status),
      dataIndex: 'status',
      render: (_: string, row) => <span style={noWrap}>{t(row.statusLabel)}</span>,
    },
    {
      title: t(m.customer),
      key: 'customer',
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          <span>{row.customer.name}</span>
          <span>{row.customer.msisdn}</span>
          {row.vip ? <Tag color={GOLD}>{t(m.vip)}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t(m.handledBy),
      key: 'handledBy',
      render: (_: unknown, row) => (
        <div style={noWrap}>
          <div>
            {t(m.outlet)} {row.outletCode ?? '—'}
          </div>
          <div>
            {t(m.assignee)} {row.assigneeId ?? '—'}
          </div>
        </div>
      ),
    },
    {
      title: t(m.sla),
      key: 'sla',
      render: (_: unknown, row) => (
        <div style={noWrap}>
          <div>
            {t(m.responseDue)} {when(row.responseDueAt)}
          </div>
          <div>
            {t(m.resolutionDue)} {when(row.resolutionDueAt)}
          </div>
          {row.late ? (
            <Tag color={LATE}>
              {row.lateByMinutes === null
                ? t(m.lateNoMinutes)
                : fill(t(m.late), { minutes: String(row.lateByMinutes) })}
            </Tag>
          ) : (
            <Tag color={ON_TIME}>{t(m.onTime)}</Tag>
          )}
        </div>
      ),
    },
    { title: t(m.createdAt), dataIndex: 'createdAt', render: when },
  ];

  const anyOption = { value: '', label: t(m.any) };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Typography.Text type="secondary">{t(m.intro)}</Typography.Text>
      </div>
      <Form layout="inline" role="search" aria-label={t(m.title)}>
        <Form.Item label={t(m.status)} htmlFor="wo-status">
          <Select
            id="wo-status"
            mode="multiple"
            allowClear
            style={{ minWidth: 220 }}
            value={status ? status.split(',') : []}
            options={statusOptions.map((o) => ({ value: o.value, label: t(o.label) }))}
            onChange={(v: string[]) => setFilter('status', v.join(','))}
          />
        </Form.Item>
        <Form.Item label={t(m.priority)} htmlFor="wo-priority">
          <Select
            id="wo-priority"
            mode="multiple"
            allowClear
            style={{ minWidth: 160 }}
            value={priority ? priority.split(',') : []}
            options={Object.entries(priorityLabels).map(([value, label]) => ({
              value,
              label: `${value} ${t(label)}`,
            }))}
            onChange={(v: string[]) => setFilter('priority', v.join(','))}
          />
        </Form.Item>
        <Form.Item label={t(m.lateness)} htmlFor="wo-overdue">
          <Select
            id="wo-overdue"
            style={{ minWidth: 120 }}
            value={overdue ?? ''}
            options={[
              anyOption,
              { value: 'true', label: t(m.lateOnly) },
              { value: 'false', label: t(m.onTimeOnly) },
            ]}
            onChange={(v: string) => setFilter('overdue', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.sort)} htmlFor="wo-sort">
          <Select
            id="wo-sort"
            style={{ minWidth: 140 }}
            value={sort}
            options={[
              { value: 'newest', label: t(m.sortNewest) },
              { value: 'priority', label: t(m.sortPriority) },
            ]}
            onChange={(v: string) => setFilter('sort', v === 'newest' ? undefined : v)}
          />
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <Table<Row>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={query.isFetching}
            locale={{ emptyText: t(m.empty) }}
            pagination={{
              ...pagination(data.total),
              showTotal: (total: number) => fill(t(m.total), { total: String(total) }),
            }}
          />
        )}
      </QueryState>
    </Space>
  );
}
