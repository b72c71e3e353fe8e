import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api-client/client';
import { unwrapPage } from '../../api-client/paging';
import type { paths } from '../../api-client/schema';
import { PageHeading } from '../../components/PageHeading';
import { QueryState } from '../../components/PageState';
import { usePaging } from '../../components/usePaging';
import { useLanguage } from '../../i18n/language';
import { groupMessages as m } from './messages';
import { TableEmpty } from '../../components/TableEmpty';

type Group = paths['/api/v1/groups']['get']['responses'][200]['content']['application/json']['items'][number];

/**
 * Group customers (集团客户, REQ: GRP-1): found by group code or name, paged on the server, the search kept in
 * the address; a row opens the group.
 */
export default function GroupsPage() {
  const { t } = useLanguage();
  const navigate = useNavigate();
  const { params, offset, pageSize, setFilter, pagination } = usePaging(20);
  const q = params.get('q') ?? undefined;
  const query = useQuery({
    queryKey: ['groups', { q, offset, pageSize }],
    queryFn: () =>
      unwrapPage(api.GET('/api/v1/groups', { params: { query: { q, offset, limit: pageSize } } })),
    placeholderData: keepPreviousData,
  });

  const columns: ColumnsType<Group> = [
    {
      title: t(m.groupCode),
      dataIndex: 'groupCode',
      render: (code: string) => (
        <Link to={`/groups/${code}`} onClick={(e) => e.stopPropagation()}>
          <code>{code}</code>
        </Link>
      ),
    },
    // The customer's own name: not translated.
    { title: t(m.groupName), dataIndex: 'name' },
    {
      title: t(m.customerManager),
      dataIndex: 'customerManager',
      render: (cm: Group['customerManager']) => (
        <span>
          {cm.name} <code>{cm.id}</code>
        </span>
      ),
    },
    { title: t(m.subscriptionCount), dataIndex: 'subscriptionCount', align: 'right' },
    { title: t(m.contractCount), dataIndex: 'contractCount', align: 'right' },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <PageHeading title={t(m.groupsTitle)} intro={t(m.groupsIntro)} />
      <Form<{ q?: string }>
        key={q ?? ''}
        layout="inline"
        role="search"
        aria-label={t(m.groupsTitle)}
        initialValues={{ q }}
        onFinish={(values) => setFilter('q', values.q?.trim())}
      >
        <Form.Item name="q" label={t(m.search)}>
          <Input allowClear maxLength={100} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t(m.find)}
          </Button>
        </Form.Item>
      </Form>
      <QueryState query={query}>
        {(data) => (
          <Table<Group>
            rowKey="groupCode"
            size="middle"
            columns={columns}
            dataSource={data.items}
            loading={query.isFetching}
            locale={{ emptyText: <TableEmpty text={t(m.noGroups)} textOnly /> }}
            onRow={(group) => ({
              onClick: () => void navigate(`/groups/${group.groupCode}`),
              style: { cursor: 'pointer' },
            })}
            pagination={pagination(data.total, t(m.total))}
          />
        )}
      </QueryState>
    </Space>
  );
}
