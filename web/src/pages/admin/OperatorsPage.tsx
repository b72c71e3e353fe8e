import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Select, Space, Table, Tag } from 'antd';
import { TableEmpty } from '../../components/TableEmpty';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import type { paths } from '../../api-client/schema';
import { QueryState } from '../../components/PageState';
import { usePaging } from '../../components/usePaging';
import { fill } from '../../i18n/fill';
import { useLanguage } from '../../i18n/language';
import { roleLabel, roleLabels } from '../../i18n/roles';
import { operatorListMessages as m } from './messages';
import { PageHeading } from '../../components/PageHeading';
import { NewOperatorDialog } from './operators/NewOperatorDialog';
import { operatorMessages } from './operators/messages';

type Query = NonNullable<paths['/api/v1/operators']['get']['parameters']['query']>;

const when = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');
const noWrap = { whiteSpace: 'nowrap' } as const;

/**
 * The operators (工号) for administrators (CH-2, UI-1): roles in both languages, the channels and outlets each
 * may sign in through, business hours, active or not and a lockout; filtered by role and state in the URL and
 * paged on the server. "New operator" opens the dialog that creates one; a row's ID opens its page.
 */
export default function OperatorsPage() {
  const { t } = useLanguage();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const role = params.get('role') ?? undefined;
  const active = params.get('active') ?? undefined;
  const [creating, setCreating] = useState(false);

  const query = useQuery({
    queryKey: ['operators', { role, active, offset, pageSize }],
    queryFn: () =>
      unwrapPage(
        api.GET('/api/v1/operators', {
          params: {
            query: {
              role: role as Query['role'],
              active: active as Query['active'],
              offset,
              limit: pageSize,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });

  type Row = NonNullable<typeof query.data>['items'][number];
  const codes = (list: string[]) =>
    list.length === 0 ? (
      '—'
    ) : (
      <Space size={4} wrap>
        {list.map((c) => (
          <code key={c} style={{ whiteSpace: 'nowrap' }}>
            {c}
          </code>
        ))}
      </Space>
    );
  const columns: ColumnsType<Row> = [
    {
      title: t(m.id),
      dataIndex: 'id',
      render: (id: string) => (
        <Link to={`/admin/operators/${encodeURIComponent(id)}`}>
          <code>{id}</code>
        </Link>
      ),
    },
    // Names are as the operator is registered: not translated.
    { title: t(m.name), dataIndex: 'name' },
    {
      title: t(m.role),
      dataIndex: 'roles',
      render: (roles: string[]) => (
        <Space size={4} wrap>
          {roles.map((r) => (
            <Tag key={r}>{t(roleLabel(r))}</Tag>
          ))}
        </Space>
      ),
    },
    { title: t(m.channels), dataIndex: 'channels', render: codes },
    { title: t(m.outlets), dataIndex: 'outlets', render: codes },
    {
      title: t(m.businessHours),
      dataIndex: 'businessHours',
      render: (v: string | null) => v ?? t(m.anyTime),
    },
    {
      title: t(m.state),
      key: 'state',
      render: (_: unknown, row) => (
        <Space size={4} wrap>
          <Tag color={row.active ? '#237804' : '#595959'}>{t(row.active ? m.active : m.inactive)}</Tag>
          {row.lockedUntil && dayjs(row.lockedUntil).isAfter(dayjs()) ? (
            <Tag color="#a8071a">{fill(t(m.lockedUntil), { until: when(row.lockedUntil) })}</Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t(m.createdAt),
      dataIndex: 'createdAt',
      render: (iso: string) => <span style={noWrap}>{when(iso)}</span>,
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.title)} intro={t(m.intro)} />
      <Space wrap>
        <Button type="primary" onClick={() => setCreating(true)}>
          {t(operatorMessages.newOperator)}
        </Button>
      </Space>
      {creating ? <NewOperatorDialog onClose={() => setCreating(false)} /> : null}
      <Form layout="inline" role="search" aria-label={t(m.title)}>
        <Form.Item label={t(m.role)} htmlFor="op-role">
          <Select
            id="op-role"
            style={{ minWidth: 160 }}
            value={role ?? ''}
            options={[
              { value: '', label: t(m.any) },
              ...Object.entries(roleLabels).map(([value, label]) => ({ value, label: t(label) })),
            ]}
            onChange={(v: string) => setFilter('role', v)}
          />
        </Form.Item>
        <Form.Item label={t(m.state)} htmlFor="op-active">
          <Select
            id="op-active"
            style={{ minWidth: 120 }}
            value={active ?? ''}
            options={[
              { value: '', label: t(m.any) },
              { value: 'true', label: t(m.active) },
              { value: 'false', label: t(m.inactive) },
            ]}
            onChange={(v: string) => setFilter('active', v)}
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
            locale={{ emptyText: <TableEmpty text={t(m.empty)} textOnly /> }}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
    </Space>
  );
}
